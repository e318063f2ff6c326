from functools import wraps

from django.db.models import prefetch_related_objects
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from krom import register
from krom.links import form_query
from offices.comparison import Comparison, compared_offices, comparison_rows
from offices.fields import KA_NUMBER_PATTERN, normalize_ka_number
from offices.forms import QUERY_MAX_LENGTH, KALookupForm, ResponseFormatForm
from offices.models import Contract, Office
from offices.suggestions import corrected
from places.forms import PlaceForm
from suppliers.filters import search_query

RESULT_LIMIT = 50
# A shorter part of a KA-number would match too many contracts to help.
PARTIAL_KA_DIGITS = 4
JSON_PARAMS = {"ensure_ascii": False}


def wants_json(request):
    """JSON for `?format=json` or an Accept header that prefers it to HTML."""
    if ResponseFormatForm(request.GET).wants_json():
        return True
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def lookup_method(view):
    """GET and HEAD only, for the caseworker lookup: any other method is a 405, in JSON for
    a caller that asked for JSON. The lookup changes nothing and takes no form, so a POST
    is answered by its method, not by a CSRF 403 page."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if wants_json(request):
            message = _("Den här adressen svarar bara på GET.")
            response = JsonResponse({"error": message}, status=405, json_dumps_params=JSON_PARAMS)
            response["Allow"] = "GET, HEAD"
            return response
        return HttpResponseNotAllowed(["GET", "HEAD"])

    return wrapped


def contract_url(contract, office=None):
    """The contract's page under /ka/, at the office when one is given; None for a
    contract without a KA-number that no old office number leads to."""
    if contract.ka_number:
        url = reverse("offices:ka_detail", args=[contract.ka_number])
        return f"{url}#kontor-{office.url_key}" if office else url
    if office is not None and office.legacy_ka_number:
        return reverse("offices:ka_detail", args=[office.legacy_ka_number])
    return None


def office_page_url(office):
    """The office on its supplier's page, where job seekers choose it; None when that
    page does not show it."""
    if not office.is_available:
        return None
    return f"{office.contract.supplier.get_absolute_url()}#kontor-{office.url_key}"


def month_as_json(month):
    return month.strftime("%Y-%m")


def date_as_json(value):
    return value.isoformat() if value else None


def contract_as_json(contract):
    """One contract in the shape docs/api.md describes (reads only what
    Contract.objects.for_caseworker_lookup() fetched)."""
    supplier, area = contract.supplier, contract.delivery_area
    current_grade = None
    if contract.current_grade_month is not None:
        current_grade = {
            "grade": contract.current_grade,
            "month": month_as_json(contract.current_grade_month),
        }
    return {
        "ka_number": contract.ka_number,
        "url": contract_url(contract),
        "in_force": contract.in_force,
        "no_longer_listed_on": date_as_json(contract.no_longer_listed_on),
        "available": contract.is_available,
        "start_date": date_as_json(contract.start_date),
        "ended_on": date_as_json(contract.ended_on),
        "supplier": {
            "name": supplier.name,
            "slug": supplier.slug,
            "organisation_number": supplier.organisation_number_display or None,
            "active": supplier.is_active,
            "example": supplier.is_example,
            "url": supplier.get_absolute_url() if supplier.is_active else None,
        },
        "delivery_area": {"code": area.code, "name": area.name, "region": area.region or None},
        "current_grade": current_grade,
        "grade_history": [
            {"month": month_as_json(grade.month), "grade": grade.stars}
            for grade in contract.grade_history
        ],
        "offices": [office_as_json(office) for office in contract.offices.all()],
    }


def office_as_json(office):
    return {
        "id": office.pk,
        "name": office.name,
        "legacy_ka_number": office.legacy_ka_number,
        "address": {
            "street": office.street_address,
            "postal_code": office.postal_code_display,
            "postal_town": office.postal_town,
            "municipality": {"code": office.municipality.code, "name": office.municipality.name},
        },
        "phone": office.phone or None,
        "email": office.email or None,
        "active": office.is_available,
        "choosable": office.is_choosable,
        "taking_new_participants": office.taking_participants,
        "taking_new_participants_from": date_as_json(office.taking_participants_from),
        "url": office_page_url(office),
    }


def contract_with_number(ka_number):
    """(contract, office) for a KA-number: the contract that has it, or – for an office's
    own number from before contracts – that office's contract and the office.
    (None, None) when neither is known."""
    contracts = Contract.objects.for_caseworker_lookup()
    contract = contracts.filter(ka_number=ka_number).first()
    if contract is not None:
        return contract, None
    office = Office.objects.filter(legacy_ka_number=ka_number).first()
    if office is None:
        return None, None
    return contracts.get(pk=office.contract_id), office


@lookup_method
@vary_on_headers("Accept")
@register.page_kept_with_register
def ka_lookup(request):
    form = KALookupForm(request.GET)
    request.link_query = form_query(form)
    as_json = wants_json(request)
    if not form.is_valid():
        if as_json:
            errors = [error["message"] for error in form.errors.get_json_data()["q"]]
            return JsonResponse(
                {"error": " ".join(errors)}, status=400, json_dumps_params=JSON_PARAMS
            )
        return TemplateResponse(request, "offices/ka_lookup.html", {"form": form})

    query = form.cleaned_data["q"]
    ka_number = form.ka_number()
    if not query:
        results = []
    elif ka_number:
        contract, office = contract_with_number(ka_number)
        if contract is not None and not as_json:
            return redirect(contract_url(contract, office))
        results = [contract] if contract else []
    else:
        results = list(
            Contract.objects.for_caseworker_lookup()
            .matching_text(query)
            .order_by("supplier__name", "delivery_area__name", "ka_number")[: RESULT_LIMIT + 1]
        )
    partial_number = suggestion = None
    if query and not results and not as_json:
        partial_number, results, suggestion = similar_to(query)
    truncated = len(results) > RESULT_LIMIT
    results = results[:RESULT_LIMIT]

    if as_json:
        data = {
            "query": query,
            "count": len(results),
            "truncated": truncated,
            "contracts": [contract_as_json(contract) for contract in results],
        }
        return JsonResponse(data, json_dumps_params=JSON_PARAMS)
    for contract in results:
        contract.url = contract_url(contract)
    context = {
        "form": form,
        "query": query,
        "ka_number": ka_number,
        "contracts": results,
        "truncated": truncated,
        "result_limit": RESULT_LIMIT,
        "partial_number": partial_number,
        "suggestion": suggestion,
    }
    return TemplateResponse(request, "offices/ka_lookup.html", context)


def similar_to(query):
    """For a lookup that found nothing: (digits, contracts whose KA-number contains them)
    when the query is part of a number, else (None, [], a better spelling or None)."""
    digits = normalize_ka_number(query)
    if digits.isascii() and digits.isdigit() and len(digits) >= PARTIAL_KA_DIGITS:
        contracts = (
            Contract.objects.for_caseworker_lookup()
            .filter(ka_number__contains=digits)
            .order_by("ka_number")[: RESULT_LIMIT + 1]
        )
        return digits, list(contracts), None
    return None, [], corrected(query)


@lookup_method
@vary_on_headers("Accept")
@register.page_kept_with_register
def ka_detail(request, ka_number):
    as_json = wants_json(request)
    canonical = normalize_ka_number(ka_number)
    if not KA_NUMBER_PATTERN.match(canonical):
        message = _(
            "Ett KA-nummer består av 8 siffror, till exempel 10072909. "
            "Äldre nummer kan ha 5–10 siffror."
        )
        return ka_not_found(request, ka_number, message, as_json)
    if canonical != ka_number:
        return redirect(with_query_string(request, canonical), permanent=True)

    contract, office = contract_with_number(canonical)
    if contract is None:
        message = _("Vi hittar inget avtal med KA-nummer %(ka_number)s.") % {"ka_number": canonical}
        return ka_not_found(request, canonical, message, as_json)
    if contract.ka_number and contract.ka_number != canonical:
        # An office's own number from before contracts: on to its contract, at the office.
        if as_json:
            return redirect(with_query_string(request, contract.ka_number))
        return redirect(contract_url(contract, office))
    if as_json:
        return JsonResponse({"contract": contract_as_json(contract)}, json_dumps_params=JSON_PARAMS)
    prefetch_related_objects([contract], "names")
    offices = list(contract.offices.all())
    for each in offices:
        each.page_url = office_page_url(each)
    context = {"contract": contract, "offices": offices, "ka_number": canonical}
    return TemplateResponse(request, "offices/ka_detail.html", context)


def with_query_string(request, ka_number):
    url = reverse("offices:ka_detail", args=[ka_number])
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return url


def ka_not_found(request, typed, message, as_json):
    if as_json:
        return JsonResponse({"error": message}, status=404, json_dumps_params=JSON_PARAMS)
    form = KALookupForm(initial={"q": typed.replace("\x00", "")[:QUERY_MAX_LENGTH]})
    context = {"form": form, "message": message}
    return TemplateResponse(request, "offices/ka_not_found.html", context, status=404)


@require_safe
@register.page_kept_with_register
def compare(request):
    """Up to three offices side by side; the list lives in the URL."""
    municipality = PlaceForm(request.GET).municipality()
    comparison = Comparison(request.GET, keep=search_query(request.GET))
    offices, missing = compared_offices(comparison)
    comparison.name_offices(offices)
    request.link_query = comparison.query_with_offices()
    for office in offices:
        office.remove_query = comparison.toggled(office.url_key)
    context = {
        "comparison": comparison,
        "offices": offices,
        "missing": missing,
        "municipality": municipality,
        "rows": comparison_rows(offices, municipality),
        "notes": comparison.messages(),
    }
    return TemplateResponse(request, "offices/compare.html", context)
