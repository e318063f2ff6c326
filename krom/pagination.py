"""One way to show a page of a list. The page number (`sida`) is read through a form, and a
number that cannot be shown gives the nearest page with a note saying why, never an error."""

from typing import NamedTuple

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext as _


class PageForm(forms.Form):
    sida = forms.IntegerField(min_value=1, required=False)


class PageNote(NamedTuple):
    """Why the page shown is not the one asked for, shaped like the entries of
    SupplierFilter.ignored_input(): what was asked for, as typed, and why."""

    label: str
    value: str
    reason: str


def paginate(object_list, data, *, per_page):
    """(page, note): the page of `object_list` that `data` (a request's GET) asks for, and
    None; or, for a page number that cannot be shown, the nearest page and a PageNote."""
    paginator = Paginator(object_list, per_page)
    form = PageForm(data)
    if not form.is_valid():
        reason = _("Sidnumret måste vara ett heltal från 1. Visar sida 1.")
        return paginator.get_page(1), _note(form, reason)
    number = form.cleaned_data["sida"] or 1
    page = paginator.get_page(number)
    if page.number != number:
        return page, _note(form, _("Sidan finns inte. Visar sista sidan."))
    return page, None


def _note(form, reason):
    return PageNote(_("Sida"), str(form.data.get("sida", ""))[:40], reason)
