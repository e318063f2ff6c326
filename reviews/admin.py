from django.contrib import admin

from reviews.models import Review


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["supplier", "office", "rating", "status", "created_at"]
    list_filter = ["status", "rating"]
    list_select_related = ["supplier", "office"]
    search_fields = ["supplier__name", "office__ka_number", "comment"]
    autocomplete_fields = ["supplier", "office"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
