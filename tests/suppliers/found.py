"""What a search response found, for the search's tests: the page holds supplier ids."""

from suppliers.models import Supplier


def found_names(response, *, every_page=False):
    """The names of the suppliers on the page shown (or on every page), in their order."""
    page = response.context["page"]
    ids = list(page.paginator.object_list if every_page else page.object_list)
    names = dict(Supplier.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [names[pk] for pk in ids]
