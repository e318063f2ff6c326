"""The reviews in the admin: the moderation queue, a review's own page with its decision
and ready reasons, redaction and the bulk actions (long because moderation is one job, done
in one place, with its history)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from krom.admin_history import HistoryAdmin
from reviews import services
from reviews.models import Review

# Ready reasons for the decision on a review's own page: one click, the same words each time.
READY_REASONS = {
    "personal_data": _("Innehåller personuppgifter."),
    "offensive": _("Kränkande eller stötande."),
    "off_topic": _("Handlar inte om leverantörens tjänst."),
    "not_participant": _("Skrivet av någon som inte har deltagit."),
}

NO_REASON = _("Välj ett skäl eller skriv ett eget.")


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Skäl till avslag"),
        max_length=Review._meta.get_field("rejection_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Sparas på varje avslaget omdöme. Visas inte för besökare. Skriv ett eget skäl, "
            "eller välj ett färdigt nedanför."
        ),
    )


class DecisionForm(forms.Form):
    """The decision buttons of a review's own page: approve, or reject with a ready reason
    or the moderator's own (`other_reason`)."""

    APPROVE = "approve"

    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Godkänn")), *READY_REASONS.items(), ("other", _("Annat skäl"))]
    )
    other_reason = forms.CharField(required=False)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") not in (None, self.APPROVE) and not self.reason():
            raise ValidationError(NO_REASON)
        return cleaned_data

    @property
    def approves(self):
        return self.cleaned_data["decision"] == self.APPROVE

    def reason(self):
        """The reason to reject with: the ready one chosen, else the moderator's own."""
        ready = READY_REASONS.get(self.cleaned_data.get("decision"))
        return str(ready) if ready else self.cleaned_data.get("other_reason", "")


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


class RedactForm(forms.Form):
    passages = forms.CharField(
        label=_("Ta bort ur kommentaren"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kopiera in det som ska bort, till exempel ett namn eller ett telefonnummer, ett "
            "stycke per rad. Det ersätts med ”[borttaget av moderator]”, synligt för alla. "
            "Resten av texten ändras inte, och deltagarens text sparas som den skrevs."
        ),
    )


@admin.action(description=_("Godkänn"), permissions=["change"])
def approve_selected(modeladmin, request, queryset):
    """Approves what the moderator could read in the list; a review flagged for personal
    data must be read and decided on its own page."""
    flagged = queryset.filter(status=Review.Status.PENDING).exclude(personal_data="")
    skipped = flagged.count()
    changed = services.approve(queryset.exclude(pk__in=flagged), by=request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d omdöme godkänt.", "%(count)d omdömen godkända.", changed)
        % {"count": changed},
        messages.SUCCESS,
    )
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d omdöme kan innehålla personuppgifter och godkändes inte. "
                "Öppna det och bestäm där.",
                "%(count)d omdömen kan innehålla personuppgifter och godkändes inte. "
                "Öppna dem och bestäm för vart och ett.",
                skipped,
            )
            % {"count": skipped},
            messages.WARNING,
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
        "ready_reasons": READY_REASONS.items(),
        "media": modeladmin.media,
    }
    return TemplateResponse(request, "reviews/admin/reject.html", context)


class PersonalDataFilter(admin.SimpleListFilter):
    title = _("personuppgifter")
    parameter_name = "personuppgifter"

    def lookups(self, request, model_admin):
        return [("ja", _("Kan innehålla personuppgifter")), ("nej", _("Inga funna"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.exclude(personal_data="")
        if self.value() == "nej":
            return queryset.filter(personal_data="")
        return queryset


@admin.register(Review)
class ReviewAdmin(HistoryAdmin):
    """The moderation queue: pending reviews first, oldest first.

    Every save and delete goes through reviews.services, which keeps each supplier's
    rating summary right. A review's supplier and office cannot be changed once written.
    """

    form = ReviewAdminForm
    change_form_template = "reviews/admin/change_form.html"
    # The whole comment where the decision is made: no column cuts it or pushes it
    # off-screen (static/css/admin_reviews.css).
    list_display = [
        "status",
        "full_comment",
        "personal_data_flag",
        "rating",
        "supplier",
        "created_at",
    ]
    list_display_links = ["status", "created_at"]
    list_filter = ["status", PersonalDataFilter, "rating"]
    list_select_related = ["supplier"]
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
        "personal_data_flag",
        "original_comment",
        "redacted_by",
        "redacted_at",
        "status",
        "rejection_reason",
        "moderated_by",
        "moderated_at",
        "client_hash",
        "created_at",
        "updated_at",
    ]

    class Media:
        css = {"all": ["css/admin_reviews.css"]}

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
        readonly = [
            "personal_data_flag",
            "original_comment",
            "redacted_by",
            "redacted_at",
            "moderated_by",
            "moderated_at",
            "client_hash",
            "created_at",
            "updated_at",
        ]
        if obj is not None:
            # A participant's words are never rewritten: only redacted, visibly.
            readonly = ["supplier", "office", "comment", *readonly]
        return readonly

    @admin.display(description=_("kommentar"))
    def full_comment(self, review):
        if not review.comment:
            return "–"
        # linebreaks() escapes the participant's text first; only its <p> and <br> are ours.
        paragraphs = mark_safe(linebreaks(review.comment, autoescape=True))  # noqa: S308
        return format_html('<div class="review-comment" lang="sv">{}</div>', paragraphs)

    @admin.display(description=_("personuppgifter?"))
    def personal_data_flag(self, review):
        if not review.personal_data_kinds():
            return "–"
        return format_html(
            '<strong class="review-flag">{}</strong>',
            _("Kan innehålla %(kinds)s") % {"kinds": review.personal_data_description()},
        )

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/granska/",
                self.admin_site.admin_view(self.moderate_view),
                name="reviews_review_moderate",
            ),
            path(
                "<int:pk>/redigera-bort/",
                self.admin_site.admin_view(self.redact_view),
                name="reviews_review_redact",
            ),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "ready_reasons": READY_REASONS.items(),
            "redact_form": RedactForm(),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _review_to_change(self, request, pk):
        review = get_object_or_404(Review, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, review):
            raise PermissionDenied
        return review

    def moderate_view(self, request, pk):
        """The decision buttons of a review's own page: approve, or reject with a ready
        reason or one of the moderator's own."""
        review = self._review_to_change(request, pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            # A decision without a reason; anything else comes only from a hand-made POST.
            self.message_user(request, NO_REASON, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[pk]))
        if form.approves:
            services.approve([review], by=request.user)
            self.message_user(request, _("Omdömet är godkänt."), messages.SUCCESS)
        else:
            reason = form.reason()
            services.reject([review], by=request.user, reason=reason[:500])
            self.message_user(
                request, _("Omdömet är avslaget: %(reason)s") % {"reason": reason}, messages.SUCCESS
            )
        return HttpResponseRedirect(reverse("admin:reviews_review_changelist"))

    def redact_view(self, request, pk):
        review = self._review_to_change(request, pk)
        form = RedactForm(request.POST)
        if form.is_valid():
            try:
                services.redact(review, form.cleaned_data["passages"].splitlines(), by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Texten är borttagen och markerad. Deltagarens text finns sparad."),
                    messages.SUCCESS,
                )
        else:
            self.message_user(request, _("Skriv vad som ska tas bort."), messages.ERROR)
        return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[pk]))

    def save_model(self, request, obj, form, change):
        services.save_review(obj, by=request.user)

    def delete_model(self, request, obj):
        services.delete_reviews([obj])

    def delete_queryset(self, request, queryset):
        services.delete_reviews(queryset)
