from django.contrib import admin
from django.urls import include, path, register_converter

from meetings import feeds, views


class CountryCode:
    """Two letters, any case: /countries/cn/ and /countries/CN/ both resolve."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value.lower()


register_converter(CountryCode, "country")

app_patterns = (
    [
        path("", views.home, name="home"),
        path("search/", views.search_view, name="search"),
        path("meetings/", views.meeting_list, name="meeting-list"),
        path("meetings.csv", views.meeting_export, name="meeting-export"),
        path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
        path("actors/", views.actor_list, name="actor-list"),
        path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
        path("actors/<slug:slug>/feed/", feeds.ActorFeed(), name="actor-feed"),
        path("countries/", views.country_list, name="country-list"),
        path("countries/<country:code>/", views.country_detail, name="country-detail"),
        path("countries/<country:code>/feed/", feeds.CountryFeed(), name="country-feed"),
        path(
            "countries/<country:first>/<country:second>/",
            views.country_pair,
            name="country-pair",
        ),
        path(
            "countries/<country:first>/<country:second>/feed/",
            feeds.CountryPairFeed(),
            name="country-pair-feed",
        ),
        path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
        path("statements/", views.statement_list, name="statement-list"),
        path("statements.csv", views.statement_export, name="statement-export"),
        path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    ],
    "meetings",
)

admin.site.site_header = "Diplomatic Meetings — editors"
admin.site.site_title = "Diplomatic Meetings admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include(app_patterns)),
]
