from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from suppliers.models import Supplier


class PageSitemap(Sitemap):
    """The public pages; the admin is never listed."""

    def items(self):
        return [
            "home",
            "suppliers:search",
            "about",
            "faq",
            "about_us",
            "accessibility",
            "privacy",
            "offices:ka_lookup",
            "easy_read:index",
            "easy_read:about",
            "easy_read:faq",
            "easy_read:privacy",
        ]

    def location(self, item):
        return reverse(item)


class SupplierSitemap(Sitemap):
    def items(self):
        return Supplier.objects.searchable().order_by("slug").only("slug", "updated_at")

    def lastmod(self, supplier):
        return supplier.updated_at
