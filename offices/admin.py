from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from offices.models import ACCESSIBILITY_FIELDS, County, DeliveryArea, Municipality, Office
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
    list_display = ["name", "code", "municipality_count"]
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


@admin.register(Office)
class OfficeAdmin(NoBulkDeleteAdmin):
    list_display = [
        "name",
        "ka_number",
        "supplier",
        "postal_town",
        "municipality",
        "is_active",
    ]
    list_filter = ["is_active", "taking_participants", "step_free_entrance", "municipality__county"]
    list_select_related = ["supplier", "municipality"]
    search_fields = [
        "ka_number",
        "name",
        "postal_town",
        "municipality__name",
        "supplier__name",
    ]
    autocomplete_fields = ["supplier", "municipality"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["supplier", "name", "ka_number", "is_active"]}),
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
        (_("Historik"), {"fields": ["created_at", "updated_at"]}),
    ]
