"""Admin for Arbetsförmedlingen's results follow-up: the rows as imported (read-only), the
weights, and the import page (krom.admin_import: upload, dry run, confirm; all or none)."""

import io

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grades.models import ContractResult, ResultWeights
from grades.results_file import ResultsFileError, read_results_file
from grades.results_services import import_results
from krom.admin_history import HistoryAdmin
from krom.admin_import import DryRunImportAdmin
from offices.admin import ContractColumns


@admin.register(ContractResult)
class ContractResultAdmin(DryRunImportAdmin, ContractColumns, HistoryAdmin):
    """Rows come only from AF's file ("Importera resultatuppföljning"), so they are read-only."""

    import_title = gettext_lazy("Importera resultatuppföljning")
    upload_label = gettext_lazy("Resultatuppföljning (xlsx)")
    upload_help = gettext_lazy(
        "Arbetsförmedlingens fil som den är publicerad, till exempel "
        "resultatuppfoljning-maj-2026.xlsx."
    )
    import_intro_template = "admin/grades/results/import_intro.html"
    import_dry_run_template = "admin/grades/results/dry_run.html"
    import_permissions = ("grades.add_contractresult", "grades.change_contractresult")
    import_errors = (ResultsFileError,)
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

    @admin.display(description=gettext_lazy("period"), ordering="period")
    def period_display(self, result):
        return f"{result.period:%Y-%m}"

    def read_import(self, content, file_name):
        return read_results_file(io.BytesIO(content), file_name)

    def plan_import(self, results_file, file_name, request, *, dry_run):
        return import_results(results_file, dry_run=dry_run, uploaded_by=request.user)

    def import_message(self, plan):
        totals, register = plan.totals, plan.register_summary
        return _(
            "Resultatuppföljningen är importerad: %(rows)s rader, %(new)s nya, %(changed)s "
            "ändrade, %(unchanged)s oförändrade och %(newer_kept)s som en nyare fil redan gett. "
            "Nya avtal: %(contracts)s. Nya leverantörer: %(suppliers)s. "
            "Rader som inte stämmer med vikterna: %(disagreements)s."
        ) % {
            **totals,
            "contracts": register["contracts_new"],
            "suppliers": register["suppliers_new"],
            "disagreements": len(plan.disagreements),
        }


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
