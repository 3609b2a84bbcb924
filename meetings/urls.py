from django.contrib import admin
from django.urls import include, path

from meetings import views

app_patterns = (
    [
        path("", views.home, name="home"),
        path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
        path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
        path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
        path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
        path("countries/<str:code>/", views.country_detail, name="country-detail"),
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
