from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Dev-only: installed by bench/settings.py alone, never by meetings.settings."""

    name = "bench"
    verbose_name = "Benchmarks"
