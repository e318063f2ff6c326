from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_safe

from krom import abuse
from krom.pagination import paginate
from reviews import services
from reviews.forms import ReviewForm
from suppliers.models import Supplier

REVIEWS_PER_PAGE = 20


def active_supplier(slug):
    return get_object_or_404(Supplier.objects.active(), slug=slug)


@require_http_methods(["GET", "HEAD", "POST"])
def create(request, slug):
    supplier = active_supplier(slug)
    context = {"supplier": supplier, "retry_after_minutes": None}
    if request.method != "POST":
        context["form"] = ReviewForm(supplier=supplier)
        return TemplateResponse(request, "reviews/create.html", context)

    form = ReviewForm(request.POST, supplier=supplier)
    context["form"] = form
    client = abuse.client(request)
    limited = abuse.refuse_if_limited(request, client, "reviews/create.html", context)
    if limited:
        return limited
    if form.is_valid():
        try:
            with abuse.submission(client, "reviews"):
                if not form.is_spam:
                    services.submit(
                        supplier=supplier,
                        rating=form.cleaned_data["rating"],
                        office=form.cleaned_data["office"],
                        participation_month=form.cleaned_data["participation_ended"],
                        comment=form.cleaned_data["comment"],
                        client_hash=client.network,
                        personal_data=form.personal_data,
                    )
        except abuse.RateLimited as refused:
            return abuse.rate_limited_response(
                request, "reviews/create.html", context, refused.wait_seconds
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("reviews:thanks", slug=supplier.slug)
    return TemplateResponse(request, "reviews/create.html", context)


@require_safe
def thanks(request, slug):
    return TemplateResponse(request, "reviews/thanks.html", {"supplier": active_supplier(slug)})


@require_safe
def review_list(request, slug):
    supplier = active_supplier(slug)
    reviews = supplier.reviews.for_review_list()
    page, page_note = paginate(reviews, request.GET, per_page=REVIEWS_PER_PAGE)
    context = {"supplier": supplier, "page": page, "page_note": page_note}
    return TemplateResponse(request, "reviews/list.html", context)
