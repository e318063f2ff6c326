from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from offices.models import (
    ACCESSIBILITY_FIELDS,
    Contract,
    ContractName,
    County,
    DeliveryArea,
    Municipality,
    Office,
)
from offices.services import save_contract
from suppliers.admin import NoBulkDeleteAdmin


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    fields = ["code", "name", "county"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("county")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DeliveryArea)
class DeliveryAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "code", "municipality_count"]
    list_filter = ["region"]
    search_fields = ["name", "code", "municipalities__name"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [MunicipalityInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(municipality_total=Count("municipalities"))

    @admin.display(description=_("kommuner"), ordering="municipality_total")
    def municipality_count(self, area):
        return area.municipality_total


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "county", "delivery_area", "latitude", "longitude"]
    list_filter = ["county", "delivery_area"]
    list_select_related = ["county", "delivery_area"]
    search_fields = ["code", "name"]


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
    # A contract ends (in_force off, with the date) on its own page: no bulk actions.
    actions = []

    def save_model(self, request, obj, form, change):
        save_contract(obj)


@admin.register(Office)
class OfficeAdmin(NoBulkDeleteAdmin):
    list_display = [
        "name",
        "contract",
        "supplier",
        "postal_town",
        "municipality",
        "is_active",
    ]
    list_filter = ["is_active", "taking_participants", "step_free_entrance", "municipality__county"]
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
