"""Links that carry a page's state (filters, compared offices, page number) are built from
the values a form has validated, never from the raw query string: a visitor's long or
strange query cannot be copied into every link of the page (it made pages up to 48 times
larger), and what the links say is what the page shows.

A view puts the validated query on the request (`request.link_query`); the language
switcher (krom.context_processors.language_links) and the page's own links use it."""

from django import forms
from django.http import QueryDict


def form_query(form):
    """A QueryDict of the bound form's valid values, as the form would send them again;
    fields with errors and empty values are left out."""
    query = QueryDict(mutable=True)
    if not form.is_bound:
        return query
    form.is_valid()  # cleans the form (once); valid fields are in cleaned_data either way
    # In the order the visitor's URL named them, so that links read as it did.
    order = {name: index for index, name in enumerate(form.data)}
    fields = sorted(form.fields.items(), key=lambda item: order.get(item[0], len(order)))
    for name, field in fields:
        if name in form.errors or name not in form.cleaned_data:
            continue
        value = form.cleaned_data[name]
        if value in (None, "", False) or value == []:
            continue
        if isinstance(field, forms.BooleanField):
            query[name] = "on"
        elif isinstance(value, (list, tuple)):
            query.setlist(name, [str(getattr(item, "pk", item)) for item in value])
        else:
            query[name] = str(getattr(value, "pk", value))
    return query


def municipality_query(municipality):
    """The query of pages that take only `kommun`: the municipality found, if any."""
    query = QueryDict(mutable=True)
    if municipality is not None:
        query["kommun"] = municipality.code
    return query
