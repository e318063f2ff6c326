import os

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from krom import views

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

urlpatterns = [
    path(ADMIN_PATH, admin.site.urls),
]

# Swedish at the root, English under /en/ and Arabic under /ar/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(
        "om-rusta-och-matcha/",
        TemplateView.as_view(template_name="pages/about.html"),
        name="about",
    ),
    path(
        "fragor-och-svar/",
        TemplateView.as_view(template_name="pages/faq.html"),
        name="faq",
    ),
    path("", include("offices.urls")),
    prefix_default_language=False,
)
