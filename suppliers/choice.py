"""What a job seeker takes to the caseworker from "Välj leverantör": the facts as text to
copy, and a QR code that opens the contract's caseworker page (/ka/<ka>/).

The QR code is drawn here as inline SVG by segno: no script, no image request, nothing
fetched from another site."""

import segno
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

SOURCE = "Matchningskollen"


def caseworker_url(request, contract):
    """The contract's caseworker page as an absolute URL, in Swedish (the caseworker's
    language whatever the job seeker reads); None without a KA-number."""
    if not contract.ka_number:
        return None
    with translation.override("sv"):
        path = reverse("offices:ka_detail", args=[contract.ka_number])
    return request.build_absolute_uri(path)


def qr_code_svg(url):
    """An inline SVG QR code for `url`, labelled for screen readers."""
    label = escape(_("QR-kod som öppnar %(url)s") % {"url": url})
    svg = segno.make(url, error="m").svg_inline(scale=4, svgclass="qr-code", omitsize=True)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def copy_text(office, *, page_url, day):
    """The facts to paste into a message, with the date, the page's address and the source.

    In a right-to-left language each value is a left-to-right isolate (U+2066 … U+2069),
    the plain-text form of <bdi dir="ltr">: "972 31 Luleå" stays in that order."""
    contract, supplier = office.contract, office.supplier
    value = (lambda text: f"\u2066{text}\u2069") if translation.get_language_bidi() else str
    facts = [
        (_("Leverantör"), supplier.name),
        (_("Kontor"), office.name),
        (_("Adress"), office.full_address),
        (_("KA-nummer"), contract.ka_number or _("inte känt ännu")),
        (_("Leveransområde"), contract.delivery_area.name),
        ("", ""),
        (_("Datum"), day.isoformat()),
        (_("Sidan"), page_url),
        (_("Källa"), SOURCE),
    ]
    return "\n".join(f"{label}: {value(text)}" if label else "" for label, text in facts)
