from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from offices.comparison import Comparison, comparison_rows
from offices.fields import KA_NUMBER_PATTERN, normalize_ka_number
from offices.forms import QUERY_MAX_LENGTH, KALookupForm
from offices.models import Municipality, Office
from suppliers.models import ResultGrade

RESULT_LIMIT = 50
JSON_PARAMS = {"ensure_ascii": False}


def wants_json(request):
    """JSON for `?format=json` or an Accept header that prefers it to HTML."""
    if request.GET.get("format") == "json":
        return True
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def office_as_json(office):
    """One office in the shape docs/api.md describes."""
    supplier = office.supplier
    return {
        "ka_number": office.ka_number,
        "url": reverse("offices:ka_detail", args=[office.ka_number]),
        "name": office.name,
        "active": office.is_available,
        "address": {
            "street": office.street_address,
            "postal_code": office.postal_code_display,
            "postal_town": office.postal_town,
            "municipality": {"code": office.municipality.code, "name": office.municipality.name},
        },
        "phone": office.phone or None,
        "email": office.email or None,
        "supplier": {
            "name": supplier.name,
            "slug": supplier.slug,
            "organisation_number": supplier.organisation_number_display,
            "active": supplier.is_active,
        },
    }


@require_GET
@vary_on_headers("Accept")
def ka_lookup(request):
    form = KALookupForm(request.GET)
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
    offices = Office.objects.for_caseworker_lookup()
    if not query:
        results = []
    elif ka_number:
        results = list(offices.filter(ka_number=ka_number))
        if results and not as_json:
            return redirect("offices:ka_detail", ka_number=ka_number)
    else:
        results = list(offices.matching_text(query)[: RESULT_LIMIT + 1])
    truncated = len(results) > RESULT_LIMIT
    results = results[:RESULT_LIMIT]

    if as_json:
        data = {
            "query": query,
            "count": len(results),
            "truncated": truncated,
            "offices": [office_as_json(office) for office in results],
        }
        return JsonResponse(data, json_dumps_params=JSON_PARAMS)
    context = {
        "form": form,
        "query": query,
        "ka_number": ka_number,
        "offices": results,
        "truncated": truncated,
        "result_limit": RESULT_LIMIT,
    }
    return TemplateResponse(request, "offices/ka_lookup.html", context)


@require_GET
@vary_on_headers("Accept")
def ka_detail(request, ka_number):
    as_json = wants_json(request)
    canonical = normalize_ka_number(ka_number)
    if not KA_NUMBER_PATTERN.match(canonical):
        message = _("Ett KA-nummer består av 5–10 siffror, till exempel 123456.")
        return ka_not_found(request, ka_number, message, as_json)
    if canonical != ka_number:
        url = reverse("offices:ka_detail", args=[canonical])
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return redirect(url, permanent=True)

    office = Office.objects.for_caseworker_lookup().filter(ka_number=canonical).first()
    if office is None:
        message = _("Vi hittar inget kontor med KA-nummer %(ka_number)s.") % {
            "ka_number": canonical
        }
        return ka_not_found(request, canonical, message, as_json)
    if as_json:
        return JsonResponse({"office": office_as_json(office)}, json_dumps_params=JSON_PARAMS)
    return TemplateResponse(request, "offices/ka_detail.html", {"office": office})


def ka_not_found(request, typed, message, as_json):
    if as_json:
        return JsonResponse({"error": message}, status=404, json_dumps_params=JSON_PARAMS)
    form = KALookupForm(initial={"q": typed.replace("\x00", "")[:QUERY_MAX_LENGTH]})
    context = {"form": form, "message": message}
    return TemplateResponse(request, "offices/ka_not_found.html", context, status=404)


@require_GET
def compare(request):
    """Up to three offices side by side; the list lives in the URL."""
    comparison = Comparison(request.GET)
    by_ka = {o.ka_number: o for o in Office.objects.for_comparison(comparison.ka_numbers)}
    offices = [by_ka[ka] for ka in comparison.ka_numbers if ka in by_ka]
    missing = [ka for ka in comparison.ka_numbers if ka not in by_ka]
    municipality = Municipality.objects.from_query(request.GET.get("kommun", ""))
    for office in offices:
        office.remove_query = comparison.toggled(office.ka_number)
    context = {
        "comparison": comparison,
        "offices": offices,
        "missing": missing,
        "municipality": municipality,
        "rows": comparison_rows(offices, municipality, current_grades_of(offices)),
        "notes": comparison.messages(),
    }
    return TemplateResponse(request, "offices/compare.html", context)


def current_grades_of(offices):
    """{(supplier id, delivery area id): current grade} for the offices' own areas."""
    grades = ResultGrade.objects.current().filter(
        supplier__in={office.supplier_id for office in offices},
        delivery_area__in={office.municipality.delivery_area_id for office in offices},
    )
    return {(grade.supplier_id, grade.delivery_area_id): grade for grade in grades}
