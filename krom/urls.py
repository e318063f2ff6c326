from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from krom import easy_read, views
from krom.admin_index import admin_index
from krom.sitemaps import PageSitemap, SupplierSitemap

admin.site.index_template = "admin/attention_index.html"
admin.site.site_header = gettext_lazy("Matchningskollen – administration")
admin.site.site_title = gettext_lazy("Matchningskollen")

urlpatterns = [
    # The admin's start page, with what needs attention; the rest of the admin as usual.
    path(settings.ADMIN_PATH, admin.site.admin_view(admin_index), name="admin_index"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "lattlast/",
        include(
            (
                [
                    path("", easy_read.page("index.html"), name="index"),
                    path("om-rusta-och-matcha/", easy_read.page("about.html"), name="about"),
                    path("fragor-och-svar/", easy_read.page("faq.html"), name="faq"),
                    path(
                        "om-kakor-och-personuppgifter/",
                        easy_read.page("privacy.html"),
                        name="privacy",
                    ),
                    path(
                        "leverantorer/<slug:slug>/kontor/<str:office_key>/valj/",
                        views.choose_easy_read,
                        name="choose",
                    ),
                ],
                "easy_read",
            )
        ),
    ),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"pages": PageSitemap, "suppliers": SupplierSitemap}},
        name="sitemap",
    ),
]

# Lättläst svenska above, always in Swedish; the UI languages below: Swedish at the root,
# the others under /en/, /ar/, /so/, /ti/, /fa/ and /uk/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("leverantorer/", include("suppliers.urls")),
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
    path(
        "om-kakor-och-personuppgifter/",
        TemplateView.as_view(template_name="pages/privacy.html"),
        name="privacy",
    ),
    path("om-matchningskollen/", views.about_us, name="about_us"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("rapportera-fel/", views.report_text_error, name="report_text_error"),
    path("rapportera-fel/tack/", views.report_text_error_thanks, name="report_text_error_thanks"),
    path("design/", views.design, name="design"),
    path("", include("offices.urls")),
    path("leverantorer/<slug:slug>/", include("reviews.urls")),
    path("oppna-data/", include("opendata.urls")),
    prefix_default_language=False,
)

handler500 = "krom.views.server_error"
