from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Case, IntegerField, Value, When
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from krom.admin_history import HistoryAdmin
from reviews import services
from reviews.models import Review


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Skäl till avslag"),
        max_length=Review._meta.get_field("rejection_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sparas på varje avslaget omdöme. Visas inte för besökare."),
    )


class ReviewAdminForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = [
            "supplier",
            "office",
            "rating",
            "participation_month",
            "comment",
            "status",
            "rejection_reason",
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") != Review.Status.REJECTED:
            # Only a rejected review keeps a reason (a database constraint).
            cleaned_data["rejection_reason"] = ""
        elif not cleaned_data.get("rejection_reason", "").strip():
            self.add_error("rejection_reason", _("Skriv varför omdömet avslås."))
        return cleaned_data


@admin.action(description=_("Godkänn"), permissions=["change"])
def approve_selected(modeladmin, request, queryset):
    changed = services.approve(queryset, by=request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d omdöme godkänt.", "%(count)d omdömen godkända.", changed)
        % {"count": changed},
        messages.SUCCESS,
    )


@admin.action(description=_("Avslå"), permissions=["change"])
def reject_selected(modeladmin, request, queryset):
    """Asks for a reason on a page of its own, then rejects with it."""
    form = RejectForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        changed = services.reject(queryset, by=request.user, reason=form.cleaned_data["reason"])
        modeladmin.message_user(
            request,
            ngettext("%(count)d omdöme avslaget.", "%(count)d omdömen avslagna.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Avslå omdömen"),
        "opts": modeladmin.model._meta,
        "form": form,
        "reviews": queryset.select_related("supplier", "office"),
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "reviews/admin/reject.html", context)


@admin.register(Review)
class ReviewAdmin(HistoryAdmin):
    """The moderation queue: pending reviews first, oldest first.

    Every save and delete goes through reviews.services, which keeps each supplier's
    rating summary right. A review's supplier and office cannot be changed once written.
    """

    form = ReviewAdminForm
    list_display = [
        "status",
        "created_at",
        "supplier",
        "office",
        "rating",
        "comment_start",
        "moderated_by",
        "moderated_at",
    ]
    list_display_links = ["status", "created_at"]
    list_filter = ["status", "rating"]
    list_select_related = ["supplier", "office__contract", "moderated_by"]
    search_fields = ["supplier__name", "office__contract__ka_number", "comment"]
    autocomplete_fields = ["supplier", "office"]
    actions = [approve_selected, reject_selected]
    date_hierarchy = "created_at"
    fields = [
        "supplier",
        "office",
        "rating",
        "participation_month",
        "comment",
        "status",
        "rejection_reason",
        "moderated_by",
        "moderated_at",
        "client_hash",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        pending_first = Case(
            When(status=Review.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        queryset = self.model._default_manager.annotate(pending_first=pending_first)
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return ["pending_first", "created_at", "pk"]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["moderated_by", "moderated_at", "client_hash", "created_at", "updated_at"]
        if obj is not None:
            readonly = ["supplier", "office", *readonly]
        return readonly

    @admin.display(description=_("kommentar"))
    def comment_start(self, review):
        return Truncator(review.comment).chars(80)

    def save_model(self, request, obj, form, change):
        services.save_review(obj, by=request.user)

    def delete_model(self, request, obj):
        services.delete_reviews([obj])

    def delete_queryset(self, request, queryset):
        services.delete_reviews(queryset)
