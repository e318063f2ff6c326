from django import template

register = template.Library()


@register.inclusion_tag("reviews/_stars.html")
def stars(rating):
    """Five stars, as many filled as the rating rounded half up; decorative only."""
    filled = int(rating + 0.5) if rating else 0
    return {"filled": range(filled), "empty": range(5 - filled)}
