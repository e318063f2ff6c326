from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from places.models import County, DeliveryArea, Municipality


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
