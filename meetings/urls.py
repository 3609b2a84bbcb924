from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Diplomatic Meetings — editors"
admin.site.site_title = "Diplomatic Meetings admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.site.urls")),
]
