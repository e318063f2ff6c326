"""Admin for Arbetsförmedlingen's results grades: the grades per contract and month, and the
import of AF's grade file (upload, dry run, confirm; all of it or nothing).

The uploaded file is never stored: the dry run page carries its bytes back in the
confirmation form, and the confirmation reads and checks them again before writing."""

import base64
import binascii

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

# Importing it registers the results follow-up's admin.
from grades import results_admin  # noqa: F401
from grades.grade_file import GradeFileError, read_grade_file
from grades.models import ResultGrade
from grades.register import RegisterError
from grades.services import import_grade_file, refresh_current_grades, save_result_grades
from suppliers.admin import normalized_search_term

# The confirmation posts the file back as base64 (4/3 of its size), which must stay under
# Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB). AF's file for 15 months is 0.06 MB.
MAX_FILE_SIZE = 1_500_000


class GradeFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Betygsfil (xlsx eller csv)"),
        help_text=gettext_lazy(
            "Arbetsförmedlingens fil som den är publicerad, till exempel "
            "betyg-rusta-och-matcha-mars-2026.xlsx."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("Filen är större än 1,5 MB. Är det rätt fil?"), code="too_large"
            )
        self.content = upload.read()
        self.file_name = upload.name[:200]
        self.grade_file = _read(self.content)
        return upload


class GradeFileConfirmForm(forms.Form):
    """The dry run's file, sent back to be imported."""

    content = forms.CharField(widget=forms.HiddenInput)
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def clean(self):
        try:
            self.content = base64.b64decode(self.cleaned_data.get("content", ""), validate=True)
        except binascii.Error:
            raise forms.ValidationError(_("Filen kom inte fram hel. Ladda upp den igen.")) from None
        self.file_name = self.cleaned_data.get("file_name", "")
        self.grade_file = _read(self.content)
        return self.cleaned_data


def _read(content):
    try:
        return read_grade_file(content)
    except GradeFileError as error:
        raise forms.ValidationError(error.errors, code="layout") from error


class GradeFilter(admin.SimpleListFilter):
    title = gettext_lazy("resultatbetyg (1–4)")
    parameter_name = "betyg"

    def lookups(self, request, model_admin):
        return [(str(stars), f"{stars}/4") for stars in range(4, 0, -1)] + [
            ("saknas", _("Betyg saknas"))
        ]

    def queryset(self, request, queryset):
        if self.value() == "saknas":
            return queryset.filter(stars__isnull=True)
        if self.value() in {"1", "2", "3", "4"}:
            return queryset.filter(stars=int(self.value()))
        return queryset


class MonthFilter(admin.SimpleListFilter):
    title = gettext_lazy("månad")
    parameter_name = "manad"

    def lookups(self, request, model_admin):
        months = ResultGrade.objects.order_by("-month").values_list("month", flat=True)
        return [(f"{month:%Y-%m}", f"{month:%Y-%m}") for month in months.distinct()]

    def queryset(self, request, queryset):
        year, _dash, month = (self.value() or "").partition("-")
        if year.isdigit() and month.isdigit():
            return queryset.filter(month__year=int(year), month__month=int(month))
        return queryset


@admin.register(ResultGrade)
class ResultGradeAdmin(admin.ModelAdmin):
    """Grades come from AF's file ("Importera betygsfil"); one can be corrected by hand,
    saved through grades.services so the contract's current grade follows."""

    change_list_template = "admin/grades/resultgrade/change_list.html"
    list_display = ["ka_number", "supplier", "delivery_area", "month_display", "grade"]
    list_filter = [MonthFilter, GradeFilter, "contract__delivery_area__region"]
    list_select_related = ["contract__supplier", "contract__delivery_area"]
    search_fields = ["contract__ka_number", "contract__supplier__name", "contract__names__name"]
    autocomplete_fields = ["contract"]
    fields = ["contract", "month", "stars", "no_grade_reason", "created_at"]
    readonly_fields = ["created_at"]
    ordering = ["-month", "contract__ka_number"]

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalized_search_term(search_term))

    def save_model(self, request, obj, form, change):
        save_result_grades([obj])

    def delete_model(self, request, obj):
        contract_id = obj.contract_id
        super().delete_model(request, obj)
        refresh_current_grades({contract_id})

    def delete_queryset(self, request, queryset):
        contract_ids = set(queryset.values_list("contract_id", flat=True))
        super().delete_queryset(request, queryset)
        refresh_current_grades(contract_ids)

    def has_import_permission(self, request):
        return request.user.has_perms(["grades.add_resultgrade", "grades.change_resultgrade"])

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("importera/", view, name="grades_resultgrade_import"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"has_import_permission": self.has_import_permission(request)}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    @admin.display(description=gettext_lazy("KA-nummer"), ordering="contract__ka_number")
    def ka_number(self, grade):
        return grade.contract.ka_number

    @admin.display(description=gettext_lazy("leverantör"), ordering="contract__supplier__name")
    def supplier(self, grade):
        return grade.contract.supplier.name

    @admin.display(
        description=gettext_lazy("leveransområde"), ordering="contract__delivery_area__name"
    )
    def delivery_area(self, grade):
        return grade.contract.delivery_area.name

    @admin.display(description=gettext_lazy("månad"), ordering="month")
    def month_display(self, grade):
        return f"{grade.month:%Y-%m}"

    @admin.display(description=gettext_lazy("resultatbetyg (1–4)"), ordering="stars")
    def grade(self, grade):
        return f"{grade.stars}/4" if grade.stars else _("Betyg saknas")

    @method_decorator(require_http_methods(["GET", "POST"]))
    def import_view(self, request):
        """Upload shows the dry run; its confirmation imports (see _confirm)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "content" in request.POST:
            return self._confirm(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Importera betygsfil"),
            "plan": None,
        }
        form = GradeFileForm(*([request.POST, request.FILES] if request.method == "POST" else []))
        if form.is_valid():
            try:
                context["plan"] = import_grade_file(form.grade_file, dry_run=True)
            except RegisterError as error:
                form.add_error("file", str(error))
            else:
                context["file_name"] = form.file_name
                context["confirm_form"] = GradeFileConfirmForm(
                    initial={
                        "content": base64.b64encode(form.content).decode("ascii"),
                        "file_name": form.file_name,
                    }
                )
        context["form"] = form
        return TemplateResponse(request, "admin/grades/resultgrade/import.html", context)

    def _confirm(self, request):
        form = GradeFileConfirmForm(request.POST)
        try:
            if not form.is_valid():
                raise GradeFileError(form.non_field_errors() or [_("Filen saknas.")])
            plan = import_grade_file(form.grade_file, source_note=form.file_name)
        except (GradeFileError, RegisterError) as error:
            messages.error(request, _("Inget har sparats.") + " " + str(error))
            return redirect("admin:grades_resultgrade_import")
        messages.success(
            request,
            _(
                "Betygsfilen är importerad. Betyg: %(grades_new)s nya, %(grades_changed)s "
                "ändrade, %(grades_unchanged)s oförändrade. Avtal: %(contracts_new)s nya, "
                "%(contracts_changed)s ändrade. Leverantörer: %(suppliers_new)s nya. "
                "Leveransområden: %(areas_new)s nya."
            )
            % plan.summary,
        )
        return redirect("admin:grades_resultgrade_changelist")
