"""The API's URLs (namespace "api"), included under /api/ by meetings/urls.py."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from meetings.api import views
from meetings.site import urls as site_urls  # noqa: F401 - registers the "country" converter

app_name = "api"
urlpatterns = [
    path("meetings/", views.MeetingList.as_view(), name="meeting-list"),
    path("statements/", views.StatementList.as_view(), name="statement-list"),
    path("actors/", views.ActorList.as_view(), name="actor-list"),
    path("countries/<country:code>/", views.CountryDetail.as_view(), name="country-detail"),
    path(
        "pairs/<country:first>/<country:second>/",
        views.CountryPair.as_view(),
        name="country-pair",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="meetings/api_docs.html"
        ),
        name="docs",
    ),
]
