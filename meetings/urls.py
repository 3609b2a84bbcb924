from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from meetings.site.sitemaps import SITEMAPS, favicon, robots_txt

admin.site.site_header = "Diplomatic Meetings — editors"
admin.site.site_title = "Diplomatic Meetings admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, name="robots-txt"),
    # Browsers ask for /favicon.ico on every page, the admin's included.
    path("favicon.ico", favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.site.urls")),
]
