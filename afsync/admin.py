"""Admin for the sync with Arbetsförmedlingen's "Sök leverantör": the dated snapshots of
every sync (read-only), and an upload of saved pages with the same dry run as the command.

The uploaded pages are never stored: the dry run page carries them back in the
confirmation form, and the confirmation reads and checks them again before writing."""

import json

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

from afsync.af_search import SearchError, read_pages
from afsync.models import OfficeSync
from afsync.sync import COUNT_LABELS, apply_sync, plan_sync
from grades.register import RegisterError

# Django keeps at most 2.5 MB of a form in memory; AF's ~1,000 entries are about 0.4 MB.
MAX_TOTAL_SIZE = 2_000_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class PagesUploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Sparade sidor (JSON)"),
        help_text=gettext_lazy(
            "Alla sidor av Arbetsförmedlingens svar (sida 1, 2, …), sparade som de kom."
        ),
    )

    def clean(self):
        self.uploads = self.cleaned_data.get("files") or []
        if sum(upload.size for upload in self.uploads) > MAX_TOTAL_SIZE:
            raise forms.ValidationError(_("Sidorna är större än 2 MB tillsammans."))
        pages = []
        for upload in self.uploads:
            try:
                pages.append((upload.name, json.loads(upload.read())))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise forms.ValidationError(
                    _("%(name)s är ingen JSON-fil.") % {"name": upload.name}
                ) from None
        self.pages = pages
        return self.cleaned_data


class PagesConfirmForm(forms.Form):
    """The dry run's pages, sent back to be applied."""

    pages = forms.CharField(widget=forms.HiddenInput)

    def clean_pages(self):
        try:
            pages = json.loads(self.cleaned_data["pages"])
            return [(str(name), data) for name, data in pages]
        except (json.JSONDecodeError, TypeError, ValueError):
            raise forms.ValidationError(
                _("Sidorna kom inte fram hela. Ladda upp dem igen.")
            ) from None


@admin.register(OfficeSync)
class OfficeSyncAdmin(admin.ModelAdmin):
    """Each applied sync, newest first; made only by a sync."""

    change_list_template = "admin/afsync/officesync/change_list.html"
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

    def has_sync_permission(self, request):
        return request.user.has_perms(["offices.add_office", "offices.change_office"])

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

    def get_urls(self):
        view = self.admin_site.admin_view(self.upload_view)
        return [path("las-in/", view, name="afsync_officesync_upload"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"has_sync_permission": self.has_sync_permission(request)}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    @method_decorator(require_http_methods(["GET", "POST"]))
    def upload_view(self, request):
        if not self.has_sync_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "pages" in request.POST:
            return self.confirm(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Läs in sparade sidor från Sök leverantör"),
            "plan": None,
        }
        form = PagesUploadForm(*([request.POST, request.FILES] if request.method == "POST" else []))
        if form.is_valid():
            try:
                context["plan"] = plan_sync(read_pages(form.pages))
            except (SearchError, RegisterError) as error:
                form.add_error("files", str(error))
            else:
                context["confirm_form"] = PagesConfirmForm(
                    initial={"pages": json.dumps(form.pages, ensure_ascii=False)}
                )
        context["form"] = form
        return TemplateResponse(request, "admin/afsync/officesync/upload.html", context)

    def confirm(self, request):
        form = PagesConfirmForm(request.POST)
        try:
            if not form.is_valid():
                raise SearchError(" ".join(form.errors.get("pages", [])) or _("Sidorna saknas."))
            pages = form.cleaned_data["pages"]
            plan = plan_sync(read_pages(pages))
            sync = apply_sync(
                plan, source=", ".join(name for name, _data in pages), by=request.user
            )
        except (SearchError, RegisterError) as error:
            messages.error(request, _("Inget har sparats.") + " " + str(error))
            return redirect("admin:afsync_officesync_upload")
        messages.success(
            request,
            _("Synkningen är klar: %(counts)s.")
            % {"counts": "; ".join(f"{label}: {value}" for label, value in plan.labelled_counts())},
        )
        return redirect("admin:afsync_officesync_change", sync.pk)


def describe(rows):
    return (
        "; ".join(" – ".join(str(value) for value in row.values() if value) for row in rows) or "–"
    )
