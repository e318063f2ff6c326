from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods

from krom import abuse
from reviews import services
from reviews.forms import ReviewForm
from suppliers.models import Supplier

REVIEWS_PER_PAGE = 20


def active_supplier(slug):
    return get_object_or_404(Supplier.objects.active(), slug=slug)


@require_http_methods(["GET", "POST"])
def create(request, slug):
    supplier = active_supplier(slug)
    context = {"supplier": supplier, "retry_after_minutes": None}
    if request.method == "GET":
        context["form"] = ReviewForm(supplier=supplier)
        return TemplateResponse(request, "reviews/create.html", context)

    form = ReviewForm(request.POST, supplier=supplier)
    context["form"] = form
    client = abuse.client_hash(request)
    limited = abuse.rate_limited_response(request, client, "reviews/create.html", context)
    if limited:
        return limited
    if form.is_valid():
        if form.is_spam:
            abuse.record_submission(client)
            return redirect("reviews:thanks", slug=supplier.slug)
        try:
            services.submit(
                supplier=supplier,
                rating=form.cleaned_data["rating"],
                office=form.cleaned_data["office"],
                participation_month=form.cleaned_data["participation_ended"],
                comment=form.cleaned_data["comment"],
                client_hash=client,
                personal_data=form.personal_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            abuse.record_submission(client)
            return redirect("reviews:thanks", slug=supplier.slug)
    return TemplateResponse(request, "reviews/create.html", context)


@require_GET
def thanks(request, slug):
    return TemplateResponse(request, "reviews/thanks.html", {"supplier": active_supplier(slug)})


@require_GET
def review_list(request, slug):
    supplier = active_supplier(slug)
    reviews = supplier.reviews.for_review_list()
    page = Paginator(reviews, REVIEWS_PER_PAGE).get_page(request.GET.get("sida"))
    return TemplateResponse(request, "reviews/list.html", {"supplier": supplier, "page": page})
