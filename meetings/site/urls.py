"""The public site's URLs (namespace "meetings"), included at the root by meetings/urls.py."""

from django.urls import path, register_converter

from meetings.site import exports, feeds
from meetings.site.views import actors, articles, countries, home, meetings, search, statements


class CountryCode:
    """Two letters, any case: /countries/cn/ and /countries/CN/ both resolve."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value.lower()


register_converter(CountryCode, "country")

app_name = "meetings"
urlpatterns = [
    path("", home.home, name="home"),
    path("search/", search.search_view, name="search"),
    path("search.csv", exports.search_export, name="search-export"),
    path("meetings/", meetings.meeting_list, name="meeting-list"),
    path("meetings.csv", exports.meeting_export, name="meeting-export"),
    path("meetings/<slug:slug>/", meetings.meeting_detail, name="meeting-detail"),
    path("actors/", actors.actor_list, name="actor-list"),
    path("actors.csv", exports.actor_export, name="actor-export"),
    path("actors/<slug:slug>/", actors.actor_detail, name="actor-detail"),
    path("actors/<slug:slug>/feed/", feeds.ActorFeed(), name="actor-feed"),
    path("countries/", countries.country_list, name="country-list"),
    path("countries/<country:code>/", countries.country_detail, name="country-detail"),
    path("countries/<country:code>/feed/", feeds.CountryFeed(), name="country-feed"),
    path(
        "countries/<country:first>/<country:second>/",
        countries.country_pair,
        name="country-pair",
    ),
    path(
        "countries/<country:first>/<country:second>/feed/",
        feeds.CountryPairFeed(),
        name="country-pair-feed",
    ),
    path("articles/<slug:slug>/", articles.article_detail, name="article-detail"),
    path("statements/", statements.statement_list, name="statement-list"),
    path("statements.csv", exports.statement_export, name="statement-export"),
    path("statements/<int:pk>/", statements.statement_detail, name="statement-detail"),
]
