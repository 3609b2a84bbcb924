"""sitemap.xml (an index of sections, 10,000 URLs a page), robots.txt (what search engines
may crawl, and where every public record is; drafts never appear) and /favicon.ico."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from meetings.models import Actor, Article, Country, Meeting, Statement


class RecordSitemap(Sitemap):
    limit = 10_000  # a page of the section: one indexed slice, not the protocol's 50,000

    def lastmod(self, item):
        return getattr(item, "updated_at", None)


class MeetingSitemap(RecordSitemap):
    def items(self):
        return Meeting.objects.published().only("slug", "updated_at").order_by("-id")


class StatementSitemap(RecordSitemap):
    def items(self):
        return Statement.objects.published().only("pk", "updated_at").order_by("-id")


class ActorSitemap(RecordSitemap):
    def items(self):
        return Actor.objects.published().on_record().only("slug", "updated_at").order_by("slug")


class ArticleSitemap(RecordSitemap):
    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-id")


class CountrySitemap(RecordSitemap):
    def items(self):
        return Country.objects.only("code").order_by("code")


class PageSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return ["home", "meeting-list", "statement-list", "actor-list", "country-list"]

    def location(self, item):
        return reverse(f"meetings:{item}")


SITEMAPS = {
    "pages": PageSitemap,
    "meetings": MeetingSitemap,
    "statements": StatementSitemap,
    "actors": ActorSitemap,
    "countries": CountrySitemap,
    "articles": ArticleSitemap,
}

# The CSV exports and feeds are for people and feed readers, not for indexing; ?after=
# pages repeat the lists; the admin is private.
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /*.csv
Disallow: /*?*after=
Disallow: /*/feed/
Sitemap: {sitemap}
"""


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every site, the admin's included."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
