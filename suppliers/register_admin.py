"""Import and export of the register (suppliers, offices) in the admin: CSV or Excel, the
export of what the changelist shows (its filters and search), the import with the dry run
of krom.admin_import (upload, see every change as old → new, confirm; all or nothing)."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from krom.admin_import import DryRunImportAdmin
from krom.history import Author
from krom.tables import TableError, csv_response, xlsx_response

EXPORT_FORMATS = ("csv", "xlsx")


class RegisterTableAdmin(DryRunImportAdmin):
    """A ModelAdmin mixin; `register_table` is the suppliers.register_table.RegisterTable
    subclass of the model."""

    register_table = None
    change_list_template = "admin/register_change_list.html"
    import_dry_run_template = "admin/register_dry_run.html"
    import_errors = (TableError,)

    @property
    def export_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_export"

    def get_urls(self):
        export = path(
            "exportera/<str:file_format>/",
            self.admin_site.admin_view(self.export_view),
            name=self.export_url_name,
        )
        return [export, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        exports = [
            (file_format, reverse(f"admin:{self.export_url_name}", args=[file_format]))
            for file_format in EXPORT_FORMATS
        ]
        return super().changelist_view(request, {**(extra_context or {}), "exports": exports})

    def export_view(self, request, file_format):
        """The rows the changelist shows with the same query string, as CSV or xlsx."""
        if file_format not in EXPORT_FORMATS or not self.has_view_or_change_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            changelist_url = f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            return redirect(reverse(changelist_url) + "?e=1")
        table = self.register_table()
        header, rows = table.export_rows(changelist.get_queryset(request))
        name = f"{table.file_name}-{timezone.localdate().isoformat()}"
        if file_format == "csv":
            return csv_response(name, header, rows)
        return xlsx_response(name, str(table.sheet_title), header, rows)

    def read_import(self, content, file_name):
        table = self.register_table()
        return table, *table.read(content)

    def plan_import(self, parsed, file_name, request, *, dry_run):
        table, rows, columns = parsed
        plan = table.plan(rows, columns)
        if not dry_run:
            # Stored data: in Swedish, whatever language the admin uses.
            table.apply(plan, author=Author(user=request.user, reason=f"Import: {file_name}"))
        return plan

    def import_message(self, plan):
        return _(
            "Importen är klar: %(new)s nya, %(changed)s ändrade, %(unchanged)s oförändrade."
        ) % {
            "new": len(plan.new),
            "changed": len(plan.changed),
            "unchanged": plan.unchanged,
        }
