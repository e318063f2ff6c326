import os

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from krom import views

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

urlpatterns = [
    path(ADMIN_PATH, admin.site.urls),
]

# Swedish at the root, English under /en/ and Arabic under /ar/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("leverantorer/<slug:slug>/", include("reviews.urls")),
    prefix_default_language=False,
)
