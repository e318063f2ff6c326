import sys
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from krom import abuse
from krom.easy_read import in_swedish
from offices.models import Office
from suppliers.forms import TextErrorReportForm
from suppliers.models import Supplier


@require_GET
def home(request):
    context = {
        "supplier_count": Supplier.objects.active().count(),
        "office_count": Office.objects.active().count(),
    }
    return TemplateResponse(request, "home.html", context)


@require_GET
def design(request):
    """The component set on one page, for developers: only when DEBUG is on."""
    if not settings.DEBUG:
        raise Http404
    return TemplateResponse(
        request, "pages/design.html", {"ratings": [(None, 0), (1.4, 3), (3.5, 12), (5, 1)]}
    )


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


@require_GET
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


def _reported_page(value):
    """The page a text error report is about: a path on this site, else the start page."""
    value = (value or "").strip()
    if not value.startswith("/") or len(value) > 300:
        return "/"
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=set()):
        return "/"
    return value


@require_http_methods(["GET", "POST"])
def report_text_error(request):
    """'Rapportera fel' about a text of the site, linked from every translated page."""
    data = request.POST if request.method == "POST" else None
    page = _reported_page((data or request.GET).get("sida"))
    form = TextErrorReportForm(data, page=page, language=get_language())
    context = {"form": form, "page": page, "retry_after_minutes": None}
    if data is None:
        return TemplateResponse(request, "report_text_error.html", context)
    client = abuse.client_hash(request)
    limited = abuse.rate_limited_response(
        request, client, "report_text_error.html", context, action="error-reports"
    )
    if limited:
        return limited
    if not form.is_valid():
        return TemplateResponse(request, "report_text_error.html", context)
    if not form.is_spam:
        form.save()
    abuse.record_submission(client, action="error-reports")
    return redirect(f"{reverse('report_text_error_thanks')}?{urlencode({'sida': page})}")


@require_GET
def report_text_error_thanks(request):
    page = _reported_page(request.GET.get("sida"))
    return TemplateResponse(request, "report_text_error_thanks.html", {"page": page})
