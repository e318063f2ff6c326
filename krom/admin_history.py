"""The admin's change history (django-simple-history): each version with who, when, why,
and what changed from what to what; and a button that restores an earlier version.

Restoring goes through the admin's own save (save_model), so services that keep derived
data right (a contract's current grade, a supplier's rating summary) run as for any edit."""

from django.db.models import BooleanField, ManyToManyField
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name


class ReadableDiff(HistoricalRecordContextHelper):
    """Old and new values as the admin shows them: choices by their label, yes/no in
    words, an empty value as a dash."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(field, ManyToManyField):
            return super().prepare_delta_change_value(change, value) or "–"
        if value is None or value == "":
            return "–"
        if isinstance(field, BooleanField):
            return _("Ja") if value else _("Nej")
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        return value


class HistoryAdmin(SimpleHistoryAdmin):
    """A ModelAdmin with the "Historik" page: versions, differences, restore."""

    object_history_template = "admin/history/object_history.html"
    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"
    history_list_per_page = 50

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableDiff(self.model, historical_record)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """On the restore page, many-to-many fields (a supplier's languages) start from
        the version's values too, not only the other fields."""
        form = super().get_form(request, obj, change=change, **kwargs)
        record = getattr(obj, "_history", None)
        if record is None or not getattr(record, "_history_m2m_fields", None):
            return form
        initial = {
            field.name: [
                getattr(row, f"{get_m2m_reverse_field_name(field)}_id")
                for row in getattr(record, field.name).all()
            ]
            for field in record._history_m2m_fields
        }

        class VersionForm(form):
            def __init__(self, *args, **kwargs):
                kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        return VersionForm

    def history_view_title(self, request, obj):
        return _("Historik: %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Tidigare version: %(object)s") % {"object": obj}
        return _("Återställ tidigare version: %(object)s") % {"object": obj}
