"""The floor: what the cheapest useful page costs on this machine, measured in the same run
as the site's pages. One indexed query (the newest 20 public meetings) and a 20-row template,
with the site's full middleware stack."""

from django.shortcuts import render

from meetings.models import Meeting


def floor(request):
    rows = list(
        Meeting.objects.filter(is_public=True)
        .order_by("-start_date", "-id")
        .values("title", "slug", "kind", "start_date", "city")[:20]
    )
    return render(request, "bench/floor.html", {"rows": rows})
