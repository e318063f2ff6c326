"""The office register as a table (CSV or Excel): what only suppliers can tell about each
office, such as contact details, accessibility and whether it takes new participants. A
row finds its office by the office's number (kontors-id). Offices come from
Arbetsförmedlingen's "Sök leverantör", which also gives their addresses: the address
columns are there to read, and an import leaves them as they are."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from offices.models import ACCESSIBILITY_FIELDS, Office
from suppliers.register_table import Column, RegisterTable, RowError


class OfficeTable(RegisterTable):
    model = Office
    sheet_title = gettext_lazy("Kontor")
    file_name = "kontor"
    columns = [
        Column(gettext_lazy("kontors-id"), "pk", key=True),
        Column(gettext_lazy("KA-nummer"), "ka_number", "info"),
        Column(gettext_lazy("leverantör"), "supplier", "info"),
        Column(gettext_lazy("gatuadress"), "street_address", "info"),
        Column(gettext_lazy("postnummer"), "postal_code", "info"),
        Column(gettext_lazy("ort"), "postal_town", "info"),
        Column(gettext_lazy("kommun"), "municipality", "info"),
        Column(gettext_lazy("kontorets namn"), "name"),
        Column(gettext_lazy("telefon"), "phone"),
        Column(gettext_lazy("e-post"), "email"),
        Column(gettext_lazy("aktivt"), "is_active", "bool"),
        Column(gettext_lazy("tar emot nya deltagare"), "taking_participants", "bool"),
        Column(gettext_lazy("tar emot deltagare igen från"), "taking_participants_from"),
        *(
            Column(Office._meta.get_field(name).verbose_name, name, "choice")
            for name in ACCESSIBILITY_FIELDS
        ),
        Column(gettext_lazy("mer om tillgänglighet"), "accessibility_notes"),
        Column(gettext_lazy("uppgifterna kontrollerades"), "verified_at"),
        Column(gettext_lazy("källa"), "data_source", "choice"),
        Column(gettext_lazy("om källan"), "source_note"),
    ]

    def export_queryset(self, queryset):
        return queryset.select_related("contract", "supplier", "municipality").order_by(
            "supplier__name", "name", "pk"
        )

    def match_row(self, keys, line):
        key = keys.get("pk", "")
        if not key.isdigit():
            raise RowError(
                _("Kontors-id ska vara kontorets nummer, till exempel 123, inte ”%(key)s”.")
                % {"key": key}
            )
        office = Office.objects.select_related("contract").filter(pk=int(key)).first()
        if office is None:
            raise RowError(
                _(
                    "Inget kontor har kontors-id %(key)s. Nya kontor kommer från "
                    "Arbetsförmedlingens Sök leverantör, inte från en import."
                )
                % {"key": key}
            )
        return office, False

    def save_rows(self, rows, author):
        """Offices are only changed, never made here: one bulk update with history."""
        now = timezone.now()
        for row in rows:
            row.obj.updated_at = now
        fields = [
            column.field for column in self.columns if column.kind != "info" and not column.key
        ]
        author.bulk_update(Office, [row.obj for row in rows], [*fields, "updated_at"])
