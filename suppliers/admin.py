import re

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from stdnum.se import orgnr

from krom.admin_history import HistoryAdmin
from krom.history import Author, update_with_history
from krom.verification import DataSource
from offices.fields import normalize_ka_number
from offices.models import Contract, Office
from places.models import County
from suppliers.models import (
    ErrorReport,
    Industry,
    Language,
    Supplier,
    SupplierName,
    write_version,
)
from suppliers.register_admin import RegisterTableAdmin
from suppliers.supplier_table import SupplierTable

_DIGITS_AND_SEPARATORS = re.compile(r"^\s*(KA)?[\d\s\-:.]+$", re.IGNORECASE)


def normalized_search_term(search_term):
    """Let admins paste '556036-0793' or 'KA 123 45' into the search box."""
    if not _DIGITS_AND_SEPARATORS.match(search_term):
        return search_term
    if orgnr.is_valid(search_term):
        return orgnr.compact(search_term)
    return normalize_ka_number(search_term)


class CountyListFilter(admin.SimpleListFilter):
    title = _("län (kontor)")
    parameter_name = "lan"

    def lookups(self, request, model_admin):
        return [(county.code, county.name) for county in County.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            offices_in_county = Office.objects.filter(
                supplier=OuterRef("pk"), municipality__county__code=self.value()
            )
            return queryset.filter(Exists(offices_in_county))
        return queryset


class ContractInline(admin.TabularInline):
    """The supplier's contracts; each contract's page lists and links its offices."""

    model = Contract
    extra = 0
    fields = ["ka_number", "delivery_area", "in_force", "current_grade", "current_grade_month"]
    readonly_fields = ["current_grade", "current_grade_month"]
    autocomplete_fields = ["delivery_area"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("delivery_area")


class SupplierNameInline(admin.TabularInline):
    """Spellings of the name in Arbetsförmedlingen's files, matched on import."""

    model = SupplierName
    extra = 0
    fields = ["name"]


@admin.action(description=_("Inaktivera valda (döljs för besökare, inget raderas)"))
def deactivate(modeladmin, request, queryset):
    changed = update_with_history(queryset, author=Author(user=request.user), is_active=False)
    modeladmin.message_user(
        request,
        ngettext("%(count)d inaktiverad.", "%(count)d inaktiverade.", changed) % {"count": changed},
        messages.SUCCESS,
    )


@admin.action(description=_("Aktivera valda"))
def activate(modeladmin, request, queryset):
    changed = update_with_history(queryset, author=Author(user=request.user), is_active=True)
    modeladmin.message_user(
        request,
        ngettext("%(count)d aktiverad.", "%(count)d aktiverade.", changed) % {"count": changed},
        messages.SUCCESS,
    )


class NoBulkDeleteAdmin(HistoryAdmin):
    """Suppliers, contracts and offices are never deleted: they are deactivated or ended,
    and stay in the register and in open data as such. Every change is in their history."""

    actions = [deactivate, activate]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalized_search_term(search_term))


@admin.register(Supplier)
class SupplierAdmin(RegisterTableAdmin, NoBulkDeleteAdmin):
    register_table = SupplierTable
    import_title = _("Importera leverantörer")
    upload_label = _("Leverantörsregistret (CSV eller xlsx)")
    upload_help = _("Kolumnerna som i exporten från listan.")
    import_intro_template = "admin/suppliers/supplier/import_intro.html"
    import_permissions = ("suppliers.add_supplier", "suppliers.change_supplier")
    list_display = [
        "name",
        "organisation_number_display",
        "office_count",
        "offers_remote",
        "is_active",
        "updated_at",
    ]
    list_filter = [CountyListFilter, "offers_remote", "is_active"]
    search_fields = ["name", "organisation_number", "contracts__ka_number", "name_variants__name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["languages", "industries"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SupplierNameInline, ContractInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "organisation_number", "is_active"]}),
        (_("Beskrivning"), {"fields": ["short_description", "how_we_work"]}),
        (_("Kontakt"), {"fields": ["website", "phone", "email"]}),
        (_("Tjänsten"), {"fields": ["offers_remote", "languages", "industries"]}),
        (_("Kontroll av uppgifterna"), {"fields": ["verified_at", "data_source", "source_note"]}),
        (_("Historik"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(office_total=Count("offices"))

    def save_model(self, request, obj, form, change):
        # The version is written by log_addition()/log_change(), once the languages and
        # industries are saved too: one version per save, not one per relation.
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        self._write_version(obj, created=True)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._write_version(obj, created=False)
        return super().log_change(request, obj, message)

    @staticmethod
    def _write_version(obj, *, created):
        if hasattr(obj, "skip_history_when_saving"):
            del obj.skip_history_when_saving
            write_version(obj, created=created)

    @admin.display(description=_("organisationsnummer"), ordering="organisation_number")
    def organisation_number_display(self, supplier):
        return supplier.organisation_number_display

    @admin.display(description=_("kontor"), ordering="office_total")
    def office_count(self, supplier):
        return supplier.office_total


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "native_name", "name_en", "code"]
    search_fields = ["name_sv", "name_en", "native_name", "code"]


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "slug"]
    search_fields = ["name_sv", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sv"]}


@admin.action(description=_("Markera som hanterade"))
def mark_handled(modeladmin, request, queryset):
    handled = queryset.filter(status=ErrorReport.Status.OPEN).update(
        status=ErrorReport.Status.HANDLED, handled_at=timezone.now(), handled_by=request.user
    )
    modeladmin.message_user(
        request,
        ngettext("%(count)d rapport hanterad.", "%(count)d rapporter hanterade.", handled)
        % {"count": handled},
        messages.SUCCESS,
    )


@admin.action(description=_("Markera som hanterade och uppdatera kontrolldatum (i dag)"))
def mark_handled_and_verified(modeladmin, request, queryset):
    reports = list(queryset.filter(status=ErrorReport.Status.OPEN).select_related("office"))
    today = timezone.localdate()
    checked = {"verified_at": today, "data_source": DataSource.ADMIN, "source_note": ""}
    author = Author(user=request.user, reason="Felrapport hanterad")
    suppliers = Supplier.objects.filter(pk__in={r.supplier_id for r in reports})
    update_with_history(suppliers, author=author, **checked)
    offices = Office.objects.filter(pk__in={r.office_id for r in reports if r.office_id})
    update_with_history(offices, author=author, **checked)
    mark_handled(modeladmin, request, queryset.filter(pk__in=[r.pk for r in reports]))


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    """Open reports first, oldest first."""

    list_display = [
        "supplier",
        "office",
        "page",
        "language",
        "short_text",
        "status",
        "created_at",
        "handled_by",
    ]
    list_filter = ["status", "language"]
    list_select_related = ["supplier", "office__contract", "handled_by"]
    search_fields = ["supplier__name", "page", "what_is_wrong", "correction"]
    readonly_fields = [
        "supplier",
        "office",
        "page",
        "language",
        "what_is_wrong",
        "correction",
        "contact_email",
        "created_at",
        "handled_at",
        "handled_by",
    ]
    fields = readonly_fields[:7] + ["status"] + readonly_fields[7:]
    actions = [mark_handled, mark_handled_and_verified]

    def get_queryset(self, request):
        return super().get_queryset(request).order_by("-status", "created_at")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("vad är fel"))
    def short_text(self, report):
        return report.what_is_wrong[:80]

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data and obj.status == ErrorReport.Status.HANDLED:
            obj.handled_at, obj.handled_by = timezone.now(), request.user
        super().save_model(request, obj, form, change)
