import datetime
import sys
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from krom import abuse
from krom.easy_read import in_swedish
from offices.models import Office
from offices.views import wants_json
from suppliers.forms import ReportedPageForm, TextErrorReportForm
from suppliers.models import Supplier

# When the accessibility statement was last checked against the site: change with it.
ACCESSIBILITY_STATEMENT_REVIEWED = datetime.date(2026, 12, 3)


@require_safe
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


@require_safe
def about_us(request):
    """Who runs Matchningskollen, how to reach us, and where the data comes from."""
    return TemplateResponse(request, "pages/about_us.html", site_operator())


@require_safe
def accessibility_statement(request):
    """The accessibility statement (tillgänglighetsredogörelse), in the form Swedish public
    services publish it."""
    context = site_operator() | {"reviewed_on": ACCESSIBILITY_STATEMENT_REVIEWED}
    return TemplateResponse(request, "pages/accessibility.html", context)


def site_operator():
    return {
        "operator": settings.SITE_OPERATOR,
        "operator_organisation_number": settings.SITE_OPERATOR_ORGANISATION_NUMBER,
        "contact_email": settings.SITE_CONTACT_EMAIL,
    }


@require_safe
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
        "rate_limit": {"per_browser": abuse.PER_BROWSER, "per_network": abuse.PER_NETWORK},
    }
    return TemplateResponse(request, "pages/design.html", context)


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: usually an old page or blocked cookies."""
    return TemplateResponse(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page, or 503 when the database is unreachable: rendered without the
    database, so it works when nothing else does. A caller of the JSON lookup (/ka/ with
    ?format=json or Accept: application/json) gets JSON, as docs/api.md promises."""
    error = sys.exc_info()[1]
    outage = isinstance(error, DatabaseError)
    if wants_json(request):
        message = (
            _("Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.")
            if outage
            else _("Något gick fel hos oss.")
        )
        headers = {"Retry-After": "10"} if outage else {}
        return JsonResponse(
            {"error": message},
            status=503 if outage else 500,
            headers=headers,
            json_dumps_params={"ensure_ascii": False},
        )
    if outage:
        body = loader.get_template("503.html").render({}, request)
        return HttpResponse(body, status=503, headers={"Retry-After": "10"})
    return HttpResponseServerError(loader.get_template("500.html").render({}, request))


@require_safe
@in_swedish
def choose_easy_read(request, slug, office_key):
    """'Välj leverantör' in lättläst svenska: the KA-number and the address to tell."""
    office = (
        Office.objects.select_related("supplier", "contract__delivery_area")
        .filter(supplier__slug=slug, supplier__is_active=True)
        .from_url_key(office_key)
    )
    if office is None:
        raise Http404
    standard_url = reverse("suppliers:choose", kwargs={"slug": slug, "office_key": office_key})
    context = {
        "office": office,
        "supplier": office.supplier,
        "contract": office.contract,
        "standard_url": standard_url,
    }
    return TemplateResponse(request, "easy_read/choose.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def report_text_error(request):
    """'Rapportera fel' about a text of the site, linked from every translated page."""
    data = request.POST if request.method == "POST" else None
    page = ReportedPageForm(data or request.GET).page()
    form = TextErrorReportForm(data, page=page, language=get_language())
    context = {"form": form, "page": page, "retry_after_minutes": None}
    if data is None:
        return TemplateResponse(request, "report_text_error.html", context)
    refused = abuse.save_error_report(request, form, "report_text_error.html", context)
    if refused:
        return refused
    return redirect(f"{reverse('report_text_error_thanks')}?{urlencode({'sida': page})}")


@require_safe
def report_text_error_thanks(request):
    page = ReportedPageForm(request.GET).page()
    return TemplateResponse(request, "report_text_error_thanks.html", {"page": page})
