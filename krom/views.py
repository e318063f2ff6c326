import sys

from django import forms
from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from offices.models import Office
from suppliers.models import Supplier


@require_GET
def home(request):
    context = {
        "supplier_count": Supplier.objects.active().count(),
        "office_count": Office.objects.active().count(),
    }
    return TemplateResponse(request, "home.html", context)


class DesignForm(forms.Form):
    """A form sent empty, so /design/ shows the field and the error summary with errors."""

    name = forms.CharField(label="Namn", help_text="Som det står på skylten.")
    town = forms.CharField(label="Ort", required=False)

    def error_summary(self):
        return [
            (self[name].auto_id, error) for name, errors in self.errors.items() for error in errors
        ]


@require_GET
def design(request):
    """The component set on one page, for developers: only when DEBUG is on."""
    if not settings.DEBUG:
        raise Http404
    form = DesignForm(data={})
    form.is_valid()
    context = {
        "ratings": [(None, 0), (1.4, 3), (3.5, 12), (5, 1)],
        "form": form,
        "languages": ["svenska", "arabiska", "somaliska"],
    }
    return TemplateResponse(request, "pages/design.html", context)


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: usually an old page or blocked cookies."""
    return TemplateResponse(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page, or 503 when the database is unreachable: rendered without the
    database, so it works when nothing else does."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        body = loader.get_template("503.html").render({}, request)
        return HttpResponse(body, status=503, headers={"Retry-After": "10"})
    return HttpResponseServerError(loader.get_template("500.html").render({}, request))
