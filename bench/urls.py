"""The site's URLs plus the benchmark floor; used only by bench.settings."""

from django.urls import include, path

from bench.views import floor

urlpatterns = [
    path("bench/floor/", floor, name="bench-floor"),
    path("", include("meetings.urls")),
]
