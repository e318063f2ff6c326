from django.template.response import TemplateResponse


def render_page_or_partial(request, template_name, partial, context):
    """The whole page, or for an htmx request only the named {% partialdef %} of it."""
    if request.htmx and not request.htmx.history_restore_request:
        template_name = f"{template_name}#{partial}"
    return TemplateResponse(request, template_name, context)
