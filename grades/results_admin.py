"""Admin for Arbetsförmedlingen's results follow-up: the rows as imported (read-only), the
weights, and the import page (upload, dry run, confirm; all rows or none).

The uploaded file is never stored: the dry run page carries its bytes back in the
confirmation form, and the confirmation reads and checks them again before writing."""

import base64
import binascii
import io

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from grades.models import ContractResult, ResultWeights
from grades.results_file import ResultsFileError, read_results_file
from grades.results_services import import_results

# The confirmation posts the file back as base64 (4/3 of its size), which must stay under
# Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB). AF's file with two periods is 0.15 MB.
MAX_FILE_SIZE = 1_500_000


class ResultsUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Resultatuppföljning (xlsx)"),
        help_text=gettext_lazy(
            "Arbetsförmedlingens fil som den är publicerad, till exempel "
            "resultatuppfoljning-maj-2026.xlsx."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("Filen är större än 1,5 MB. Är det rätt fil?"), code="too_large"
            )
        self.content = upload.read()
        self.results_file = _read(self.content, upload.name)
        return upload


class ResultsConfirmForm(forms.Form):
    """The dry run's file, sent back to be imported."""

    content = forms.CharField(widget=forms.HiddenInput)
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def clean(self):
        try:
            content = base64.b64decode(self.cleaned_data.get("content", ""), validate=True)
        except binascii.Error:
            raise forms.ValidationError(_("Filen kom inte fram hel. Ladda upp den igen.")) from None
        self.results_file = _read(content, self.cleaned_data.get("file_name", ""))
        return self.cleaned_data


def _read(content, name):
    try:
        return read_results_file(io.BytesIO(content), name)
    except ResultsFileError as error:
        raise forms.ValidationError(str(error), code="layout") from error


@admin.register(ContractResult)
class ContractResultAdmin(admin.ModelAdmin):
    """Rows come only from AF's file ("Importera resultatuppföljning"), so they are read-only."""

    change_list_template = "admin/grades/results/change_list.html"
    list_display = [
        "ka_number",
        "supplier",
        "delivery_area",
        "period_display",
        "participants",
        "weighted_result",
        "grade",
        "risks_termination",
    ]
    list_filter = ["risks_termination", "active_22_months", "grade"]
    date_hierarchy = "period"
    list_select_related = ["contract__supplier", "contract__delivery_area"]
    search_fields = [
        "contract__ka_number",
        "contract__supplier__name",
        "contract__delivery_area__name",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_import_permission(self, request):
        return request.user.has_perms(["grades.add_contractresult", "grades.change_contractresult"])

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("importera/", view, name="grades_contractresult_import"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"has_import_permission": self.has_import_permission(request)}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    @admin.display(description=gettext_lazy("KA-nummer"), ordering="contract__ka_number")
    def ka_number(self, result):
        return result.contract.ka_number

    @admin.display(description=gettext_lazy("leverantör"), ordering="contract__supplier__name")
    def supplier(self, result):
        return result.contract.supplier.name

    @admin.display(
        description=gettext_lazy("leveransområde"), ordering="contract__delivery_area__name"
    )
    def delivery_area(self, result):
        return result.contract.delivery_area.name

    @admin.display(description=gettext_lazy("period"), ordering="period")
    def period_display(self, result):
        return f"{result.period:%Y-%m}"

    @method_decorator(require_http_methods(["GET", "POST"]))
    def import_view(self, request):
        """Upload shows the dry run; its confirmation imports (see _confirm)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "content" in request.POST:
            return _confirm(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Importera resultatuppföljning"),
            "plan": None,
        }
        posted = request.method == "POST"
        form = ResultsUploadForm(*([request.POST, request.FILES] if posted else []))
        if form.is_valid():
            try:
                context["plan"] = import_results(form.results_file, dry_run=True)
            except ResultsFileError as error:
                form.add_error("file", str(error))
            else:
                context["confirm_form"] = ResultsConfirmForm(
                    initial={
                        "content": base64.b64encode(form.content).decode("ascii"),
                        "file_name": form.results_file.name[:200],
                    }
                )
        context["form"] = form
        return TemplateResponse(request, "admin/grades/results/import.html", context)


def _confirm(request):
    form = ResultsConfirmForm(request.POST)
    try:
        if not form.is_valid():
            raise ResultsFileError(" ".join(form.non_field_errors()) or _("Filen saknas."))
        plan = import_results(form.results_file)
    except ResultsFileError as error:
        messages.error(request, _("Inget har sparats.") + " " + str(error))
        return redirect("admin:grades_contractresult_import")
    totals, register = plan.totals, plan.register_summary
    messages.success(
        request,
        _(
            "Resultatuppföljningen är importerad: %(rows)s rader, %(new)s nya, %(changed)s "
            "ändrade, %(unchanged)s oförändrade och %(newer_kept)s som en nyare fil redan gett. "
            "Nya avtal: %(contracts)s. Nya leverantörer: %(suppliers)s. "
            "Rader som inte stämmer med vikterna: %(disagreements)s."
        )
        % {
            **totals,
            "contracts": register["contracts_new"],
            "suppliers": register["suppliers_new"],
            "disagreements": len(plan.disagreements),
        },
    )
    return redirect("admin:grades_contractresult_changelist")


@admin.register(ResultWeights)
class ResultWeightsAdmin(admin.ModelAdmin):
    """The weights of each period's measure, as the imported file gave them."""

    list_display = ["period_display", "weight_a", "weight_b", "weight_c", "source_file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("period"), ordering="period")
    def period_display(self, weights):
        return f"{weights.period:%Y-%m}"
