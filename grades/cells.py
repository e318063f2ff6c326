"""One cell of Arbetsförmedlingen's results follow-up file, read as what its column holds:
text, a period, a number, a count, a grade 1–4, yes or no, a date. A value that is not what
its column should hold raises ValueError with a Swedish message naming the column."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

PERIOD = re.compile(r"^(\d{4})-(\d{2})$")
NO_VALUE = {"", "-"}


def invalid(message, column, value):
    return ValueError(message % {"column": column, "value": value})


def text(value):
    return " ".join(str(value).split()) if value is not None else ""


def month(value):
    """A period ("2026-03", or a date) as the first day of its month; None if not one."""
    if isinstance(value, datetime.date):
        return datetime.date(value.year, value.month, 1)
    match = PERIOD.match(text(value))
    if match and 1 <= int(match[2]) <= 12:
        return datetime.date(int(match[1]), int(match[2]), 1)
    return None


def decimal(value):
    """A finite number, also from text with a decimal comma; None if it is not one."""
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace("\u2212", "-"))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def number(value, column):
    number = decimal(value)
    if number is None:
        raise invalid(_("%(column)s ”%(value)s” är inte ett tal."), column, value)
    return number


def count(value, column):
    number = decimal(value)
    if number is None or number < 0 or number != int(number):
        raise invalid(_("%(column)s ”%(value)s” är inte ett antal."), column, value)
    return int(number)


def grade(value, column):
    if text(value) in NO_VALUE:
        return None
    number = decimal(value)
    if number not in {1, 2, 3, 4}:
        raise invalid(_("%(column)s ”%(value)s” är inte 1–4 eller -."), column, value)
    return int(number)


def yes_no(value, column):
    answer = text(value).lower()
    if answer in NO_VALUE:
        return None
    if answer not in {"ja", "nej"}:
        raise invalid(_("%(column)s ”%(value)s” är inte Ja eller Nej."), column, value)
    return answer == "ja"


def date(value, column):
    if isinstance(value, datetime.date):
        return value.date() if isinstance(value, datetime.datetime) else value
    if text(value) in NO_VALUE:
        return None
    try:
        return datetime.date.fromisoformat(text(value)[:10])
    except ValueError:
        raise invalid(_("%(column)s ”%(value)s” är inte ett datum."), column, value) from None
