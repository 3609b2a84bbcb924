from django.core.management.base import BaseCommand

from meetings import services


class Command(BaseCommand):
    help = "Load every country (ISO code, name, demonyms, capital) and a state actor for each."

    def handle(self, *args, **options):
        countries, states = services.reference_load()
        self.stdout.write(f"Reference data: {countries} countries and {states} state actors added.")
