"""The supplier register as a table (CSV or Excel): what only suppliers can tell, such as
their languages, industries, texts and contact details. A row finds its supplier by
organisation number or address name (slug); a row with neither known is a new supplier."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum.se import orgnr

from krom.verification import DataSource
from suppliers.models import Industry, Language, Supplier, one_version
from suppliers.names import folded, unique_slug
from suppliers.register_table import Column, RegisterTable, RowError


class SupplierTable(RegisterTable):
    model = Supplier
    sheet_title = gettext_lazy("Leverantörer")
    file_name = "leverantorer"
    columns = [
        Column(gettext_lazy("organisationsnummer"), "organisation_number", key=True),
        Column(gettext_lazy("adressnamn"), "slug", key=True),
        Column(gettext_lazy("namn"), "name"),
        Column(gettext_lazy("kort beskrivning"), "short_description"),
        Column(gettext_lazy("så arbetar vi"), "how_we_work"),
        Column(gettext_lazy("webbplats"), "website"),
        Column(gettext_lazy("telefon"), "phone"),
        Column(gettext_lazy("e-post"), "email"),
        Column(gettext_lazy("delar på distans"), "offers_remote", "bool"),
        Column(gettext_lazy("språk utan tolk"), "languages", "many"),
        Column(gettext_lazy("branscher"), "industries", "many"),
        Column(gettext_lazy("aktiv"), "is_active", "bool"),
        Column(gettext_lazy("uppgifterna kontrollerades"), "verified_at"),
        Column(gettext_lazy("källa"), "data_source", "choice"),
        Column(gettext_lazy("om källan"), "source_note"),
    ]

    def __init__(self):
        self._slugs = None
        self._new_numbers = set()  # organisation numbers the file gives to other suppliers

    def export_queryset(self, queryset):
        return queryset.prefetch_related("languages", "industries").order_by("name", "pk")

    def text(self, obj, column):
        if column.field == "organisation_number":
            return obj.organisation_number_display or ""
        return super().text(obj, column)

    def many_name(self, item):
        return item.name_sv

    def many_lookup(self, column):
        if column.field == "languages":
            languages = Language.objects.all()
            return {
                folded(name): language
                for language in languages
                for name in [language.code, language.name_sv, language.name_en]
            }
        return {
            folded(name): industry
            for industry in Industry.objects.all()
            for name in [industry.slug, industry.name_sv, industry.name_en]
        }

    def match_row(self, keys, line):
        number, slug = keys.get("organisation_number", ""), keys.get("slug", "")
        if not number and not slug:
            raise RowError(_("Ange organisationsnummer eller adressnamn."))
        if number and not orgnr.is_valid(number):
            raise RowError(
                _("”%(number)s” är inget giltigt organisationsnummer.") % {"number": number}
            )
        number = orgnr.compact(number) if number else ""
        by_number = Supplier.objects.filter(organisation_number=number).first() if number else None
        by_slug = Supplier.objects.filter(slug=slug).first() if slug else None
        if by_number and slug and by_slug != by_number:
            raise RowError(
                _(
                    "Organisationsnumret hör till %(supplier)s, som har adressnamnet "
                    "”%(slug)s”. Adressnamnet ändras inte i en import."
                )
                % {"supplier": by_number, "slug": by_number.slug}
            )
        if by_number:
            return by_number, False
        if number in self._new_numbers:
            raise RowError(
                _("Organisationsnumret %(number)s står på två rader.")
                % {"number": orgnr.format(number)}
            )
        if number:
            self._new_numbers.add(number)
        if by_slug:
            if number and by_slug.organisation_number:
                raise RowError(
                    _("%(supplier)s har ett annat organisationsnummer: %(number)s.")
                    % {"supplier": by_slug, "number": by_slug.organisation_number_display}
                )
            return by_slug, False
        return self._new_supplier(number, slug), True

    def _new_supplier(self, number, slug):
        if slug in self.slugs_taken():
            raise RowError(_("Adressnamnet ”%(slug)s” finns två gånger.") % {"slug": slug})
        if slug:
            self._slugs.add(slug)
        return Supplier(data_source=DataSource.SUPPLIER)

    def slugs_taken(self):
        if self._slugs is None:
            self._slugs = set(Supplier.objects.values_list("slug", flat=True))
        return self._slugs

    def prepare(self, row):
        # A new supplier without an address name gets one from its name.
        if row.created and not row.obj.slug and row.obj.name:
            row.obj.slug = unique_slug(
                row.obj.name, self.slugs_taken(), length=190, fallback="leverantor"
            )

    def save_row(self, row, author):
        with one_version(author.mark(row.obj), created=row.created):
            super().save_row(row, author)
