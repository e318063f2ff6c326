import datetime

from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from krom.history import Author, update_with_history
from krom.verification import STALE_AFTER_DAYS, DataSource
from offices.models import (
    ACCESSIBILITY_FIELDS,
    Contract,
    ContractName,
    Office,
)
from offices.office_table import OfficeTable
from offices.services import save_contract
from suppliers.admin import NoBulkDeleteAdmin, activate, deactivate
from suppliers.register_admin import RegisterTableAdmin


class ContractColumns:
    """Changelist columns for anything that belongs to a contract (obj.contract); the admin
    declares list_select_related = ["contract__supplier", "contract__delivery_area"]."""

    @admin.display(description=_("KA-nummer"), ordering="contract__ka_number")
    def ka_number(self, obj):
        return obj.contract.ka_number

    @admin.display(description=_("leverantör"), ordering="contract__supplier__name")
    def supplier(self, obj):
        return obj.contract.supplier.name

    @admin.display(description=_("leveransområde"), ordering="contract__delivery_area__name")
    def delivery_area(self, obj):
        return obj.contract.delivery_area.name


class ContractNameInline(admin.TabularInline):
    model = ContractName
    extra = 0
    fields = ["name", "first_seen", "last_seen"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ContractOfficeInline(admin.TabularInline):
    """The contract's offices, each edited on its own page."""

    model = Office
    fk_name = "contract"
    extra = 0
    fields = ["name", "street_address", "postal_town", "is_active", "taking_participants"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Contract)
class ContractAdmin(NoBulkDeleteAdmin):
    list_display = [
        "ka_number",
        "supplier",
        "delivery_area",
        "current_grade",
        "current_grade_month",
        "in_force",
    ]
    list_filter = ["in_force", "delivery_area__region", "current_grade", "delivery_area"]
    list_select_related = ["supplier", "delivery_area"]
    search_fields = ["ka_number", "supplier__name", "names__name", "delivery_area__name"]
    autocomplete_fields = ["supplier", "delivery_area"]
    readonly_fields = [
        "delivery_area_guessed",
        "current_grade",
        "current_grade_month",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "ka_number",
                    "supplier",
                    "delivery_area",
                    "delivery_area_guessed",
                    "in_force",
                ]
            },
        ),
        (_("Avtalstid"), {"fields": ["start_date", "ended_on"]}),
        (
            _("Arbetsförmedlingens resultatbetyg"),
            {"fields": ["current_grade", "current_grade_month"]},
        ),
        (_("Kontroll av uppgifterna"), {"fields": ["verified_at", "data_source", "source_note"]}),
        (_("Historik"), {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [ContractNameInline, ContractOfficeInline]
    actions = ["end_contracts"]

    @admin.action(description=_("Avsluta valda avtal i dag (de finns kvar som avslutade)"))
    def end_contracts(self, request, queryset):
        today, now = timezone.localdate(), timezone.now()
        contracts = list(queryset.filter(Q(in_force=True) | Q(ended_on__isnull=True)))
        ended = sum(contract.in_force for contract in contracts)
        for contract in contracts:
            contract.in_force, contract.ended_on = False, contract.ended_on or today
            contract.updated_at = now
        # One version per contract with both fields.
        Author(user=request.user).bulk_update(
            Contract, contracts, ["in_force", "ended_on", "updated_at"]
        )
        self.message_user(
            request,
            ngettext("%(count)d avtal avslutat.", "%(count)d avtal avslutade.", ended)
            % {"count": ended},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        save_contract(obj)


class NotCheckedFilter(admin.SimpleListFilter):
    title = _("kontrollerat")
    parameter_name = "kontrollerat"

    def lookups(self, request, model_admin):
        return [("gammalt", _("inte på 6 månader")), ("aldrig", _("aldrig"))]

    def queryset(self, request, queryset):
        if self.value() == "aldrig":
            return queryset.filter(verified_at__isnull=True)
        if self.value() == "gammalt":
            since = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
            return queryset.filter(Q(verified_at__isnull=True) | Q(verified_at__lt=since))
        return queryset


@admin.action(description=_("Markera valda som kontrollerade i dag"))
def mark_checked_today(modeladmin, request, queryset):
    checked = update_with_history(
        queryset,
        author=Author(user=request.user),
        verified_at=timezone.localdate(),
        data_source=DataSource.ADMIN,
    )
    modeladmin.message_user(
        request,
        ngettext("%(count)d kontor kontrollerat.", "%(count)d kontor kontrollerade.", checked)
        % {"count": checked},
        messages.SUCCESS,
    )


@admin.action(description=_("Tar emot nya deltagare"))
def taking_participants_on(modeladmin, request, queryset):
    update_with_history(
        queryset,
        author=Author(user=request.user),
        taking_participants=True,
        taking_participants_from=None,
    )


@admin.action(description=_("Tar inte emot nya deltagare"))
def taking_participants_off(modeladmin, request, queryset):
    update_with_history(queryset, author=Author(user=request.user), taking_participants=False)


@admin.register(Office)
class OfficeAdmin(RegisterTableAdmin, NoBulkDeleteAdmin):
    register_table = OfficeTable
    import_title = _("Importera kontor")
    upload_label = _("Kontorsregistret (CSV eller xlsx)")
    upload_help = _("Kolumnerna som i exporten från listan.")
    import_intro_template = "admin/offices/office/import_intro.html"
    import_permissions = ("offices.change_office",)
    list_display = [
        "name",
        "contract",
        "supplier",
        "postal_town",
        "municipality",
        "is_active",
    ]
    list_filter = [
        "is_active",
        "taking_participants",
        NotCheckedFilter,
        "contract__delivery_area__region",
        "step_free_entrance",
        "municipality__county",
    ]
    actions = [
        deactivate,
        activate,
        mark_checked_today,
        taking_participants_on,
        taking_participants_off,
    ]
    list_select_related = [
        "supplier",
        "municipality",
        "contract__supplier",
        "contract__delivery_area",
    ]
    search_fields = [
        "contract__ka_number",
        "legacy_ka_number",
        "name",
        "postal_town",
        "municipality__name",
        "supplier__name",
    ]
    autocomplete_fields = ["contract", "municipality"]
    readonly_fields = ["supplier", "legacy_ka_number", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["contract", "supplier", "name", "is_active"]}),
        (
            _("Adress"),
            {"fields": ["street_address", "postal_code", "postal_town", "municipality"]},
        ),
        (_("Position"), {"fields": ["latitude", "longitude"]}),
        (_("Kontakt"), {"fields": ["phone", "email"]}),
        (_("Deltagare"), {"fields": ["taking_participants", "taking_participants_from"]}),
        (
            _("Tillgänglighet"),
            {"fields": [*ACCESSIBILITY_FIELDS, "accessibility_notes"]},
        ),
        (_("Kontroll av uppgifterna"), {"fields": ["verified_at", "data_source", "source_note"]}),
        (_("Arbetsförmedlingen"), {"fields": ["af_address_id", "legacy_ka_number"]}),
        (_("Historik"), {"fields": ["created_at", "updated_at"]}),
    ]
