import secrets

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers

from krom import abuse, register
from krom.htmx import render_page_or_partial
from krom.links import form_query
from krom.pagination import paginate
from offices.comparison import Comparison
from offices.fields import normalize_ka_number
from offices.models import Office
from offices.selectors import alternatives_to
from offices.suggestions import corrected
from places.forms import PlaceForm
from suppliers import choice
from suppliers.cards import search_cards
from suppliers.filters import SupplierFilter, search_query
from suppliers.forms import ErrorReportForm
from suppliers.models import Supplier
from suppliers.search_choices import search_reference
from suppliers.selectors import contracts_for_supplier_page, search_results

RESULTS_PER_PAGE = 20
NEUTRAL_SEED_COOKIE = "neutral_ordning"
LATEST_REVIEWS_ON_DETAIL_PAGE = 5


@require_safe
@vary_on_headers("HX-Request")
def search(request):
    seed, new_seed = neutral_seed(request)
    register_version = register.version()
    filterset = SupplierFilter(request.GET, queryset=Supplier.objects.all())
    found = search_results(filterset, register_version=register_version, seed=seed)
    page, page_note = paginate(found, request.GET, per_page=RESULTS_PER_PAGE)
    ignored = filterset.ignored_input()
    if page_note:
        ignored.append(page_note)
    comparison = Comparison(request.GET, keep=form_query(filterset.form))
    # Pagination and the language switcher carry the validated filters and offices only.
    link_query = comparison.query_with_offices()
    request.link_query = link_query.copy()
    if page.number > 1:
        request.link_query["sida"] = str(page.number)
    cards = search_cards(
        list(page.object_list),
        register_version=register_version,
        municipality=filterset.municipality,
        area=filterset.delivery_area,
        comparison=comparison,
    )
    context = {
        "comparison": comparison,
        "filter": filterset,
        "page": page,
        "municipality": filterset.municipality,
        "chosen_area": filterset.chosen_area,
        "area": filterset.delivery_area,
        "ignored": ignored,
        "link_query": link_query,
        "cards": cards,
        "suggestion": name_suggestion(filterset, page),
        "filters_key": filters_key(request, register_version),
        "choices_key": choices_key(register_version),
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render_page_or_partial(request, "suppliers/search.html", "htmx_update", context)
    else:
        response = search_page(request, context, register_version)
    if request.htmx:
        # The address bar shows the validated filters, without the empty values a form sends.
        encoded = request.link_query.urlencode()
        response["HX-Push-Url"] = f"{request.path}?{encoded}" if encoded else request.path
    if new_seed:
        response.set_cookie(
            NEUTRAL_SEED_COOKIE,
            str(seed),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


# Where the results go in the kept frame of the search page.
RESULTS_HOLE = mark_safe("<!--krom:search-results-->")


def search_page(request, context, register_version):
    """The whole search page. Its frame (the filters, the count, everything but the
    results) depends on the register, the address and the language only, and is kept
    under the register's version; the results, in the visitor's own order, are rendered
    into it for each request."""
    address = (request.scheme, request.get_host(), request.get_full_path())
    frame = register.remembered(
        register_version,
        ("search-frame", address),
        lambda: render_to_string(
            "suppliers/search.html", context | {"results_hole": RESULTS_HOLE}, request
        ),
    )
    results = render_to_string("suppliers/search.html#results", context, request)
    return HttpResponse(frame.replace(RESULTS_HOLE, results, 1))


def filters_key(request, register_version):
    """The filter form's cache key: it shows what the query asks for, with the choices of
    this process's reference data."""
    return register.key(
        register_version, "filters", search_reference().loaded_at, sorted(request.GET.lists())
    )


def choices_key(register_version):
    """The cache key of the filters' long choice lists (municipalities, areas, languages,
    industries): each is kept per value chosen, so a new mix of filters renders only
    the short fields anew."""
    return register.key(register_version, "filter-choices", search_reference().loaded_at)


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


@require_safe
@register.page_kept_with_register
def detail(request, slug):
    supplier = get_object_or_404(Supplier.objects.active().for_detail_page(), slug=slug)
    municipality = PlaceForm(request.GET).municipality()
    contracts = contracts_for_supplier_page(supplier, municipality=municipality)
    comparison = Comparison(request.GET, keep=search_query(request.GET))
    request.link_query = comparison.query_with_offices()
    for contract in contracts:
        for office in contract.active_offices:
            office.is_compared = office.url_key in comparison
            office.compare_query = comparison.toggled(office.url_key)
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


@require_safe
@vary_on_headers("HX-Request")
def choose(request, slug, office_key):
    """What to tell the caseworker: a dialog's content for htmx, a whole page without JS.

    The office is named by its url_key; a link from before contracts names it by its own
    old KA-number ("KA 123 456" as typed, too) and is sent on to the office's address. An
    office that can no longer be chosen (ended, or no longer listed by Arbetsförmedlingen)
    says so instead, since links to it live on in messages and printouts; so does one that
    takes no new participants. Both offer nearby offices that can be chosen."""
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
    if office.is_choosable:
        page_url = request.build_absolute_uri(choose_url(office))
        ka_url = choice.caseworker_url(request, office.contract)
        today = timezone.localdate()
        context |= {
            "today": today,
            "page_url": page_url,
            "ka_url": ka_url,
            "qr_code": choice.qr_code_svg(ka_url) if ka_url else None,
            "copy_text": choice.copy_text(office, page_url=page_url, day=today),
        }
    else:
        context["alternatives"] = alternatives_to(office)
    return render_page_or_partial(request, "suppliers/choose.html", "choice", context)


def choose_url(office):
    return reverse(
        "suppliers:choose", kwargs={"slug": office.supplier.slug, "office_key": office.url_key}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report_error(request, slug):
    """'Rapportera fel': a visitor tells the admins what is wrong on the supplier's page."""
    supplier = get_object_or_404(Supplier.objects.active(), slug=slug)
    context = {"supplier": supplier, "retry_after_minutes": None}
    if request.method != "POST":
        context["form"] = ErrorReportForm(supplier=supplier)
        return TemplateResponse(request, "suppliers/report_error.html", context)
    form = context["form"] = ErrorReportForm(request.POST, supplier=supplier)
    refused = abuse.save_error_report(request, form, "suppliers/report_error.html", context)
    if refused:
        return refused
    return redirect("suppliers:report_error_thanks", slug=supplier.slug)


@require_safe
def report_error_thanks(request, slug):
    supplier = get_object_or_404(Supplier.objects.active(), slug=slug)
    return TemplateResponse(request, "suppliers/report_error_thanks.html", {"supplier": supplier})
