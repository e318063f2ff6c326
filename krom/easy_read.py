"""Lättläst svenska: the information pages and the choice in easy-to-read Swedish.

Written after Myndigheten för tillgängliga medier's advice: short sentences, common words,
one idea per sentence, hard words explained. The pages live under /lattlast/, outside the
language prefixes, and are always in Swedish; their texts are not in the catalogues.
"""

from functools import wraps

from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET


def in_swedish(view):
    """Render the view in Swedish whatever language the visitor's browser asks for."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override("sv"):
            request.LANGUAGE_CODE = "sv"
            response = view(request, *args, **kwargs)
            if isinstance(response, TemplateResponse):
                response.render()
        response.headers["Content-Language"] = "sv"
        return response

    return wrapper


def page(template_name):
    """A lättläst page that needs nothing but its template."""

    @require_GET
    @in_swedish
    def view(request):
        return TemplateResponse(request, f"easy_read/{template_name}")

    return view
