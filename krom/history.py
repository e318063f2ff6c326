"""Change history (django-simple-history): who changed suppliers, contracts, offices, grades
and reviews, when, and from what to what.

An admin's edit records the admin (simple-history's request middleware). Imports and syncs
record themselves: a system user named after the source (AF_IMPORT, AF_SYNC), with the file
or the list, and who uploaded it, as the change reason. Bulk writes go through
bulk_create()/bulk_update() below, which write the history rows in the same transaction."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

# Names of the system users that imports and syncs write history as (user names, not
# page text: the same in every language).
AF_IMPORT = "AF-import"
AF_SYNC = "AF-synk"
REGISTER_IMPORT = "Registerimport"
_CHUNK = 500


def system_user(username):
    """The inactive user, without a usable password, that an import writes history as."""
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_active": False, "password": make_password(None)}
    )
    return user


@dataclass(frozen=True)
class Author:
    """Who a history row names: a user and a reason (stored data, so in Swedish)."""

    user: object = None
    reason: str = ""

    @classmethod
    def system(cls, username, reason, *, uploaded_by=None):
        if uploaded_by is not None and uploaded_by.is_authenticated:
            reason = f"{reason}, uppladdad av {uploaded_by.get_username()}"
        return cls(user=system_user(username), reason=reason)

    def mark(self, instance):
        """Name this author on an instance before its save()."""
        instance._history_user = self.user
        instance._change_reason = self.reason
        return instance

    def bulk_create(self, model, objs, *, batch_size=_CHUNK):
        """model.objects.bulk_create(objs), with a "created" history row for each."""
        objs = list(objs)
        if not objs:
            return objs
        return bulk_create_with_history(
            objs,
            model,
            batch_size=batch_size,
            default_user=self.user,
            default_change_reason=self.reason,
        )

    def bulk_update(self, model, objs, fields, *, batch_size=_CHUNK):
        """model.objects.bulk_update(objs, fields), with a "changed" history row for each.
        The objects must be whole (not .only()), as the history row copies every field."""
        objs = list(objs)
        if not objs:
            return 0
        return bulk_update_with_history(
            objs,
            model,
            list(fields),
            batch_size=batch_size,
            default_user=self.user,
            default_change_reason=self.reason,
        )


def update_with_history(queryset, *, author, **values):
    """queryset.update(**values), with a history row for each object it changes (objects
    that already have the values are left alone). Returns how many changed. Sets
    updated_at where the model has one."""
    model = queryset.model
    fields = list(values)
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    changed = []
    for obj in queryset.order_by("pk"):
        if any(getattr(obj, name) != values[name] for name in fields):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    return author.bulk_update(model, changed, values)
