import secrets

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from krom import abuse
from krom.htmx import render_page_or_partial
from offices.comparison import Comparison
from offices.fields import normalize_ka_number
from offices.models import Municipality, Office
from offices.suggestions import corrected
from suppliers.cards import card_key, contract_key, fragment_key
from suppliers.filters import SupplierFilter
from suppliers.forms import ErrorReportForm
from suppliers.models import Supplier
from suppliers.search_choices import search_reference
from suppliers.selectors import contracts_for_supplier_page

RESULTS_PER_PAGE = 20
NEUTRAL_SEED_COOKIE = "neutral_ordning"
LATEST_REVIEWS_ON_DETAIL_PAGE = 5


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    seed, new_seed = neutral_seed(request)
    filterset = SupplierFilter(
        request.GET,
        queryset=Supplier.objects.searchable().for_search_results(),
        neutral_seed=seed,
    )
    page, page_note = paginate(filterset.qs, request.GET.get("sida"))
    ignored = filterset.ignored_input()
    if page_note:
        ignored.append((_("Sida"), request.GET.get("sida", "")[:40], page_note))
    comparison = Comparison(request.GET)
    page.object_list = list(page.object_list)
    representatives = Office.objects.representing(page.object_list)
    for supplier in page.object_list:
        supplier.compare_office = representatives.get(supplier.pk)
        if supplier.compare_office:
            supplier.compare_query = comparison.toggled(supplier.compare_office.url_key, drop=())
            # A municipality can lie where several areas meet (Stockholm, Göteborg): without
            # a contract in the municipality's own area, show the nearest office's contract.
            if filterset.municipality and not getattr(supplier, "area_contract", None):
                supplier.nearest_contract = supplier.compare_office.contract
        supplier.card_key = card_key(
            supplier,
            comparison=comparison,
            municipality=filterset.municipality,
            area=filterset.delivery_area,
        )
    context = {
        "comparison": comparison,
        "filter": filterset,
        "page": page,
        "municipality": filterset.municipality,
        "chosen_area": filterset.chosen_area,
        "area": filterset.delivery_area,
        "ignored": ignored,
        "suggestion": name_suggestion(filterset, page),
        "filters_key": filters_key(request),
    }
    response = render_page_or_partial(request, "suppliers/search.html", "htmx_update", context)
    if new_seed:
        response.set_cookie(
            NEUTRAL_SEED_COOKIE,
            str(seed),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def filters_key(request):
    """The filter form's cache key: it shows what the query asks for, with the choices of
    this process's reference data."""
    return fragment_key(search_reference().loaded_at, sorted(request.GET.lists()))


def name_suggestion(filterset, page):
    """A better spelling of the name searched for, when the search found no supplier."""
    name = filterset.cleaned_value("q")
    if not name or page.paginator.count:
        return None
    return corrected(name)


def neutral_seed(request):
    """This visitor's shuffle seed, kept in a cookie for the browser session.

    Returns (seed, whether it is new and must be set)."""
    value = request.COOKIES.get(NEUTRAL_SEED_COOKIE, "")
    if value.isascii() and value.isdigit() and len(value) <= 10:
        return int(value), False
    return secrets.randbelow(2**31 - 1), True


def paginate(queryset, requested_page):
    """The page asked for, or the nearest one with a note saying why."""
    paginator = Paginator(queryset, RESULTS_PER_PAGE)
    if requested_page is None or requested_page == "":
        return paginator.get_page(1), None
    if not (requested_page.isascii() and requested_page.isdigit()) or int(requested_page) < 1:
        return paginator.get_page(1), _("Sidnumret måste vara ett heltal från 1. Visar sida 1.")
    page = paginator.get_page(requested_page)
    if page.number != int(requested_page):
        return page, _("Sidan finns inte. Visar sista sidan.")
    return page, None


@require_GET
def detail(request, slug):
    supplier = get_object_or_404(Supplier.objects.active().for_detail_page(), slug=slug)
    municipality = Municipality.objects.from_query(request.GET.get("kommun", ""))
    contracts = contracts_for_supplier_page(supplier, municipality=municipality)
    comparison = Comparison(request.GET)
    for contract in contracts:
        for office in contract.active_offices:
            office.is_compared = office.url_key in comparison
            office.compare_query = comparison.toggled(office.url_key)
        contract.cache_key = contract_key(
            contract, supplier=supplier, comparison=comparison, municipality=municipality
        )
    latest_reviews = list(supplier.reviews.for_review_list()[:LATEST_REVIEWS_ON_DETAIL_PAGE])
    context = {
        "supplier": supplier,
        "contracts": contracts,
        "office_count": sum(len(contract.active_offices) for contract in contracts),
        "municipality": municipality,
        "latest_reviews": latest_reviews,
        "comparison": comparison,
    }
    return TemplateResponse(request, "suppliers/detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
def choose(request, slug, office_key):
    """What to tell the caseworker: a dialog's content for htmx, a whole page without JS.

    The office is named by its url_key; a link from before contracts names it by its own
    old KA-number ("KA 123 456" as typed, too) and is sent on to the office's address. An
    office that can no longer be chosen (ended, or no longer listed by Arbetsförmedlingen)
    says so instead, since links to it live on in messages and printouts."""
    offices = Office.objects.select_related(
        "supplier", "municipality", "contract__delivery_area"
    ).filter(supplier__slug=slug, supplier__is_active=True)
    office = offices.from_url_key(office_key)
    if office is None and (typed := normalize_ka_number(office_key)) != office_key:
        office = offices.from_url_key(typed)
    if office is None:
        raise Http404(_("Leverantören har inget sådant kontor."))
    if office_key != office.url_key:
        return redirect(choose_url(office), permanent=True)
    context = {"office": office, "supplier": office.supplier, "contract": office.contract}
    return render_page_or_partial(request, "suppliers/choose.html", "choice", context)


def choose_url(office):
    return reverse(
        "suppliers:choose", kwargs={"slug": office.supplier.slug, "office_key": office.url_key}
    )


@require_http_methods(["GET", "POST"])
def report_error(request, slug):
    """'Rapportera fel': a visitor tells the admins what is wrong on the supplier's page."""
    supplier = get_object_or_404(Supplier.objects.active(), slug=slug)
    context = {"supplier": supplier, "retry_after_minutes": None}
    if request.method == "GET":
        context["form"] = ErrorReportForm(supplier=supplier)
        return TemplateResponse(request, "suppliers/report_error.html", context)
    form = context["form"] = ErrorReportForm(request.POST, supplier=supplier)
    client = abuse.client_hash(request)
    limited = abuse.rate_limited_response(
        request, client, "suppliers/report_error.html", context, action="error-reports"
    )
    if limited:
        return limited
    if not form.is_valid():
        return TemplateResponse(request, "suppliers/report_error.html", context)
    if not form.is_spam:
        form.save()
    abuse.record_submission(client, action="error-reports")
    return redirect("suppliers:report_error_thanks", slug=supplier.slug)


@require_GET
def report_error_thanks(request, slug):
    supplier = get_object_or_404(Supplier.objects.active(), slug=slug)
    return TemplateResponse(request, "suppliers/report_error_thanks.html", {"supplier": supplier})
