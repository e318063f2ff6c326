"""Admin for Arbetsförmedlingen's results grades: the grades per contract and month, and the
import of AF's grade file (krom.admin_import: upload, dry run, confirm; all or nothing)."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Importing it registers the results follow-up's admin.
from grades import results_admin  # noqa: F401
from grades.grade_file import GradeFileError, read_grade_file
from grades.models import ResultGrade
from grades.register import RegisterError
from grades.services import import_grade_file, refresh_current_grades, save_result_grades
from krom.admin_history import HistoryAdmin
from krom.admin_import import DryRunImportAdmin
from krom.history import Author
from offices.admin import ContractColumns
from suppliers.admin import normalized_search_term


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
class ResultGradeAdmin(DryRunImportAdmin, ContractColumns, HistoryAdmin):
    """Grades come from AF's file ("Importera betygsfil"); one can be corrected by hand,
    saved through grades.services so the contract's current grade follows."""

    import_title = gettext_lazy("Importera betygsfil")
    upload_label = gettext_lazy("Betygsfil (xlsx eller csv)")
    upload_help = gettext_lazy(
        "Arbetsförmedlingens fil som den är publicerad, till exempel "
        "betyg-rusta-och-matcha-mars-2026.xlsx."
    )
    import_intro_template = "admin/grades/resultgrade/import_intro.html"
    import_dry_run_template = "admin/grades/resultgrade/dry_run.html"
    import_permissions = ("grades.add_resultgrade", "grades.change_resultgrade")
    import_errors = (GradeFileError, RegisterError)
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
        save_result_grades([obj], author=Author(user=request.user))

    def delete_model(self, request, obj):
        contract_id = obj.contract_id
        super().delete_model(request, obj)
        refresh_current_grades({contract_id})

    def delete_queryset(self, request, queryset):
        contract_ids = set(queryset.values_list("contract_id", flat=True))
        super().delete_queryset(request, queryset)
        refresh_current_grades(contract_ids)

    @admin.display(description=gettext_lazy("månad"), ordering="month")
    def month_display(self, grade):
        return f"{grade.month:%Y-%m}"

    @admin.display(description=gettext_lazy("resultatbetyg (1–4)"), ordering="stars")
    def grade(self, grade):
        return f"{grade.stars}/4" if grade.stars else _("Betyg saknas")

    def read_import(self, content, file_name):
        return read_grade_file(content)

    def plan_import(self, grade_file, file_name, request, *, dry_run):
        return import_grade_file(
            grade_file, dry_run=dry_run, source_note=file_name, uploaded_by=request.user
        )

    def import_message(self, plan):
        return (
            _(
                "Betygsfilen är importerad. Betyg: %(grades_new)s nya, %(grades_changed)s "
                "ändrade, %(grades_unchanged)s oförändrade. Avtal: %(contracts_new)s nya, "
                "%(contracts_changed)s ändrade. Leverantörer: %(suppliers_new)s nya. "
                "Leveransområden: %(areas_new)s nya."
            )
            % plan.summary
        )
