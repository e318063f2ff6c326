"""Admin for the sync with Arbetsförmedlingen's "Sök leverantör": the dated snapshots of
every sync (read-only), and an upload of saved pages with the same dry run as the command
(krom.admin_import: upload, dry run, confirm; all or nothing)."""

import json

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from afsync.af_search import SearchError, read_pages
from afsync.models import OfficeSync
from afsync.sync import COUNT_LABELS, apply_sync, plan_sync
from grades.register import RegisterError
from krom.admin_import import DryRunImportAdmin
from krom.locks import af_writers_lock


@admin.register(OfficeSync)
class OfficeSyncAdmin(DryRunImportAdmin, admin.ModelAdmin):
    """Each applied sync, newest first; made only by a sync."""

    import_title = gettext_lazy("Läs in sparade sidor från Sök leverantör")
    upload_label = gettext_lazy("Sparade sidor (JSON)")
    upload_help = gettext_lazy(
        "Alla sidor av Arbetsförmedlingens svar (sida 1, 2, …), sparade som de kom."
    )
    many_files = True
    import_intro_template = "admin/afsync/officesync/import_intro.html"
    import_dry_run_template = "admin/afsync/officesync/dry_run.html"
    import_permissions = ("offices.add_office", "offices.change_office")
    import_errors = (SearchError, RegisterError)
    list_display = [
        "__str__",
        "source",
        "synced_by",
        "listed_contracts",
        "listed_offices",
        "new_offices",
        "gone",
    ]
    list_select_related = ["synced_by"]
    readonly_fields = [
        "synced_at",
        "source",
        "synced_by",
        "listed_contracts",
        "listed_offices",
        "counts_display",
        "appeared_display",
        "disappeared_display",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("nya kontor"))
    def new_offices(self, sync):
        return sync.counts.get("offices_new", 0)

    @admin.display(description=gettext_lazy("borta ur listan"))
    def gone(self, sync):
        return len(sync.disappeared)

    @admin.display(description=gettext_lazy("antal"))
    def counts_display(self, sync):
        return "; ".join(
            f"{COUNT_LABELS.get(key, key)}: {value}" for key, value in sync.counts.items()
        )

    @admin.display(description=gettext_lazy("nya i listan"))
    def appeared_display(self, sync):
        return describe(sync.appeared)

    @admin.display(description=gettext_lazy("borta ur listan"))
    def disappeared_display(self, sync):
        return describe(sync.disappeared)

    def read_import(self, content, file_name):
        try:
            named = [(str(name), str(text)) for name, text in json.loads(content)]
        except (UnicodeDecodeError, ValueError, TypeError):
            raise SearchError(_("Sidorna kom inte fram hela. Ladda upp dem igen.")) from None
        pages = []
        for name, text in named:
            try:
                pages.append((name, json.loads(text)))
            except json.JSONDecodeError:
                raise SearchError(_("%(name)s är ingen JSON-fil.") % {"name": name}) from None
        return read_pages(pages)

    def plan_import(self, listed, file_name, request, *, dry_run):
        if dry_run:
            return plan_sync(listed)
        with af_writers_lock():
            plan = plan_sync(listed)
            plan.snapshot = apply_sync(plan, source=file_name, by=request.user)
        return plan

    def import_message(self, plan):
        counts = "; ".join(f"{label}: {value}" for label, value in plan.labelled_counts())
        return _("Synkningen är klar: %(counts)s.") % {"counts": counts}

    def import_done_url(self, plan):
        return reverse("admin:afsync_officesync_change", args=[plan.snapshot.pk])


def describe(rows):
    return (
        "; ".join(" – ".join(str(value) for value in row.values() if value) for row in rows) or "–"
    )
