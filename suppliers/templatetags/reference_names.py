from django import template

from krom.list_join import join_names_html

register = template.Library()


@register.filter
def names_list(items):
    """Languages or industries by their names in the UI language, each marked with its
    language where it differs from the page's, joined as the UI language joins a list."""
    return join_names_html(item.display_name_html for item in items)
