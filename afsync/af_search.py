"""Reading Arbetsförmedlingen's "Sök leverantör": its JSON pages, saved or fetched.

Each page is `{"total_count": N, "leverantorer": [{"id", "namn", "rating",
"nyval_tillatet", "adresser": [{"adressid", "adressrad", "postnummer", "postort",
"koordinater": {"latitud", "longitud", …}}]}]}`; `id` is the contract's KA-number. Numbers
and coordinates may come as strings, `rating` and `nyval_tillatet` may be null.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.utils.translation import gettext as _

from offices.fields import AF_KA_NUMBER_PATTERN, strip_separators

USER_AGENT = "Matchningskollen/1.0 (valj-leverantor; synkar kontor varje vecka)"
# Fewer listed contracts than this share of those listed at the last sync is taken for a
# broken answer rather than suppliers vanishing: nothing is written.
SHORTEST_BELIEVABLE_SHARE = 0.8
MAX_PAGES = 200


class SearchError(ValueError):
    """The answer cannot be used; the message says why, in Swedish. Nothing is written."""


@dataclass(frozen=True)
class ListedAddress:
    address_id: str
    street: str
    postal_code: str
    postal_town: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class ListedContract:
    ka_number: str
    supplier_name: str
    taking_new_participants: bool | None
    addresses: tuple[ListedAddress, ...]


def parse_page(data, where):
    """(total_count, [ListedContract]) of one page's decoded JSON."""
    if not isinstance(data, dict) or not isinstance(data.get("leverantorer"), list):
        raise SearchError(_("%(where)s: svaret saknar listan ”leverantorer”.") % {"where": where})
    try:
        total = int(data.get("total_count"))
    except (TypeError, ValueError, OverflowError):
        raise SearchError(
            _("%(where)s: svaret saknar ett giltigt ”total_count”.") % {"where": where}
        ) from None
    return total, [parse_contract(entry, where) for entry in data["leverantorer"]]


def parse_contract(entry, where):
    try:
        ka_number = strip_separators(str(entry["id"]))
        if not AF_KA_NUMBER_PATTERN.match(ka_number):
            raise ValueError(_("”%(id)s” är inget KA-nummer med 8 siffror") % {"id": entry["id"]})
        taking = entry.get("nyval_tillatet")
        if taking not in (True, False, None):
            raise ValueError(_("”nyval_tillatet” är varken sant, falskt eller tomt"))
        addresses = tuple(parse_address(address) for address in entry["adresser"])
        ids = [address.address_id for address in addresses]
        if len(set(ids)) != len(ids):
            raise ValueError(_("samma ”adressid” står två gånger"))
        return ListedContract(
            ka_number=ka_number,
            supplier_name=" ".join(str(entry["namn"]).split()),
            taking_new_participants=taking,
            addresses=addresses,
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, KeyError):
            detail = _("fältet %(field)s saknas") % {"field": error}
        elif isinstance(error, TypeError):
            detail = _("ett fält har fel form")
        else:
            detail = error
        ka_number = entry.get("id", "?") if isinstance(entry, dict) else "?"
        raise SearchError(
            _("%(where)s, avtal %(id)s: %(detail)s.")
            % {"where": where, "id": ka_number, "detail": detail}
        ) from None


def parse_address(address):
    postal_code = strip_separators(str(address["postnummer"]))
    if not (len(postal_code) == 5 and postal_code.isdigit()):
        raise ValueError(_("postnumret ”%(code)s” har inte fem siffror") % {"code": postal_code})
    coordinates = address["koordinater"]
    try:
        latitude, longitude = float(coordinates["latitud"]), float(coordinates["longitud"])
    except (TypeError, ValueError):
        raise ValueError(
            _("koordinaterna ”%(lat)s, %(lon)s” är inga tal")
            % {"lat": coordinates["latitud"], "lon": coordinates["longitud"]}
        ) from None
    if not (54 <= latitude <= 70 and 10 <= longitude <= 25):
        raise ValueError(_("koordinaterna ligger inte i Sverige"))
    address_id = str(address["adressid"] or "").strip()
    if not address_id or len(address_id) > 20:
        raise ValueError(_("en adress saknar ett giltigt ”adressid”"))
    return ListedAddress(
        address_id=address_id,
        street=" ".join(str(address["adressrad"]).split()),
        postal_code=postal_code,
        postal_town=" ".join(str(address["postort"]).split()),
        latitude=latitude,
        longitude=longitude,
    )


def read_pages(pages):
    """The whole list from [(where, decoded JSON)], checked for completeness."""
    contracts, total = [], None
    for where, data in pages:
        page_total, page_contracts = parse_page(data, where)
        total = page_total if total is None else total
        if page_total != total:
            raise SearchError(
                _("%(where)s: ”total_count” är %(page)d, men %(first)d på första sidan.")
                % {"where": where, "page": page_total, "first": total}
            )
        contracts += page_contracts
    return complete(contracts, total or 0)


def complete(contracts, total):
    if len(contracts) != total:
        raise SearchError(
            _("Listan är ofullständig: %(got)d avtal av %(total)d. Inget har sparats.")
            % {"got": len(contracts), "total": total}
        )
    seen = set()
    for contract in contracts:
        if contract.ka_number in seen:
            raise SearchError(
                _("KA-nummer %(ka)s finns två gånger i listan.") % {"ka": contract.ka_number}
            )
        seen.add(contract.ka_number)
    return contracts


def read_files(paths):
    pages = []
    for path in paths:
        try:
            pages.append((path.name, json.loads(path.read_bytes())))
        except OSError as error:
            raise SearchError(f"{path}: {error.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SearchError(_("%(name)s är ingen JSON-fil.") % {"name": path.name}) from None
    return read_pages(pages)


def fetch(url, *, pause=1.0, timeout=20.0, sleep=time.sleep):
    """Fetch page after page (?sida=1, 2, …) until total_count entries have come, with a
    pause between requests. Any HTTP error, timeout or bad answer raises SearchError."""
    pages, count, total = [], 0, None
    for number in range(1, MAX_PAGES + 1):
        if number > 1:
            sleep(pause)
        page_url = with_page(url, number)
        data = get_json(page_url, timeout)
        page_total, page_contracts = parse_page(data, page_url)
        total = page_total if total is None else total
        pages.append((page_url, data))
        count += len(page_contracts)
        if count >= total or not page_contracts:
            break
    return read_pages(pages)


def with_page(url, number):
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query = [(key, value) for key, value in query if key != "sida"] + [("sida", str(number))]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def get_json(url, timeout):
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except urllib.error.HTTPError as error:
        raise SearchError(
            _("%(url)s svarade %(status)d. Inget har sparats.") % {"url": url, "status": error.code}
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SearchError(
            _("%(url)s gick inte att nå (%(reason)s). Inget har sparats.")
            % {"url": url, "reason": reason}
        ) from None
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SearchError(_("%(url)s svarade inte med JSON.") % {"url": url}) from None


def check_not_suspiciously_short(contracts, listed_before):
    """Refuse a list much shorter than the one we have: a broken answer, not an exodus."""
    if listed_before and len(contracts) < SHORTEST_BELIEVABLE_SHARE * listed_before:
        raise SearchError(
            _(
                "Listan har bara %(got)d avtal, men %(before)d var listade förra gången. "
                "Det ser ut som ett fel hos Arbetsförmedlingen: inget har sparats."
            )
            % {"got": len(contracts), "before": listed_before}
        )
