"""The tables of the open data export: their names, columns and what each column means.

Shaped after Open Referral's Human Services Data Specification (HSDS 3.0) where it fits:
organization (a supplier), service (a contract), location (an office, with its address),
service_at_location, language and accessibility, with HSDS's field names. Our own columns
have plain English names. The explaining page lists these definitions, so it cannot drift
from the files."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LICENCE_NAME = "CC0 1.0"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv"
HSDS_URL = "https://docs.openreferral.org/en/latest/hsds/schema_reference.html"


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple  # (name, meaning)

    @property
    def column_names(self):
        return [name for name, _meaning in self.columns]


ASSURED = (
    ("assured_date", _("Datum då uppgifterna senast kontrollerades, eller tomt.")),
    ("data_source", _("Källan: supplier (leverantören), af_list (Arbetsförmedlingen), admin.")),
    ("last_modified", _("När raden senast ändrades här (UTC).")),
)

ORGANIZATIONS = Table(
    "organizations",
    _("Leverantörer"),
    _("En rad per leverantör (HSDS organization), också leverantörer som inte är aktiva."),
    (
        ("id", _("Leverantörens id hos oss.")),
        ("name", _("Namn.")),
        ("alternate_name", _("Andra stavningar i Arbetsförmedlingens filer, med ; emellan.")),
        ("description", _("Kort beskrivning.")),
        ("how_we_work", _("Så arbetar leverantören, med egna ord.")),
        ("email", _("Leverantörens e-postadress.")),
        ("phone", _("Leverantörens telefonnummer.")),
        ("website", _("Leverantörens webbplats.")),
        ("tax_id", _("Organisationsnummer, om vi känner till det.")),
        ("uri", _("Leverantörens sida på Matchningskollen.")),
        ("offers_remote", _("true om en del av stödet kan ges på distans.")),
        ("is_active", _("false för en leverantör som inte längre är med.")),
        ("is_example", _("true för påhittade exempelleverantörer.")),
        ("review_count", _("Antal godkända omdömen från deltagare (1–5).")),
        ("review_average", _("Medelvärdet av deltagarnas omdömen, eller tomt.")),
        ("reviews_rated_1", _("Antal omdömen med betyget 1 av 5.")),
        ("reviews_rated_2", _("Antal omdömen med betyget 2 av 5.")),
        ("reviews_rated_3", _("Antal omdömen med betyget 3 av 5.")),
        ("reviews_rated_4", _("Antal omdömen med betyget 4 av 5.")),
        ("reviews_rated_5", _("Antal omdömen med betyget 5 av 5.")),
        *ASSURED,
    ),
)

SERVICES = Table(
    "services",
    _("Avtal"),
    _(
        "En rad per avtal (HSDS service): en leverantör i ett leveransområde, med "
        "KA-numret. Avtal som har upphört eller inte längre listas finns kvar."
    ),
    (
        ("id", _("Avtalets id hos oss.")),
        ("organization_id", _("Leverantörens id.")),
        ("name", _("Leverantör och leveransområde.")),
        ("alternate_name", _("Namn avtalet har haft i Arbetsförmedlingens filer, med ;.")),
        ("url", _("Avtalets sida på Matchningskollen.")),
        ("status", _("active, inactive (inte listat, eller leverantören inte aktiv), defunct.")),
        ("ka_number", _("KA-numret: Arbetsförmedlingens nummer för avtalet.")),
        ("delivery_area", _("Leveransområdets kod.")),
        ("delivery_area_name", _("Leveransområdets namn.")),
        ("af_region", _("Arbetsförmedlingens region.")),
        ("start_date", _("Datum då avtalet började.")),
        ("in_force", _("false när avtalet har upphört.")),
        ("ended_on", _("Datum då avtalet upphörde.")),
        ("no_longer_listed_on", _("Datum då Arbetsförmedlingen slutade lista avtalet.")),
        ("available", _("true om arbetssökande kan välja avtalet nu.")),
        ("grade", _("Arbetsförmedlingens senaste resultatbetyg (1–4), eller tomt.")),
        ("grade_month", _("Månaden för det senaste betyget (ÅÅÅÅ-MM).")),
        *ASSURED,
    ),
)

LOCATIONS = Table(
    "locations",
    _("Kontor"),
    _(
        "En rad per kontor (HSDS location, med adressen): koordinater, kommun och om "
        "kontoret tar emot nya deltagare. Kontor som har stängt finns kvar."
    ),
    (
        ("id", _("Kontorets id hos oss.")),
        ("organization_id", _("Leverantörens id.")),
        ("service_id", _("Avtalets id.")),
        ("ka_number", _("Avtalets KA-nummer.")),
        ("location_type", _("Alltid physical.")),
        ("name", _("Kontorets namn.")),
        ("address_1", _("Gatuadress.")),
        ("postal_code", _("Postnummer.")),
        ("city", _("Postort.")),
        ("municipality_code", _("Kommunkod (SCB).")),
        ("municipality", _("Kommun.")),
        ("state_province", _("Län.")),
        ("country", _("Alltid SE.")),
        ("latitude", _("Latitud (WGS 84), eller tomt.")),
        ("longitude", _("Longitud (WGS 84), eller tomt.")),
        ("external_identifier", _("Adressens id i Arbetsförmedlingens ”Sök leverantör”.")),
        ("external_identifier_type", _("af_address_id när det finns ett sådant id.")),
        ("phone", _("Kontorets telefonnummer.")),
        ("email", _("Kontorets e-postadress.")),
        ("taking_new_participants", _("false om kontoret inte tar emot nya deltagare.")),
        ("taking_new_participants_from", _("Datum då kontoret tar emot deltagare igen.")),
        ("is_active", _("false för ett kontor som har stängt.")),
        ("no_longer_listed_on", _("Datum då Arbetsförmedlingen slutade lista kontoret.")),
        ("available", _("true om arbetssökande kan välja kontoret nu.")),
        ("status", _("active, inactive (kontoret eller avtalet inte listat), defunct.")),
        ("legacy_ka_number", _("Kontorets eget KA-nummer från tiden före avtalen.")),
        *ASSURED,
    ),
)

SERVICE_AT_LOCATIONS = Table(
    "service_at_locations",
    _("Avtal och kontor"),
    _("Vilket avtal varje kontor hör till (HSDS service_at_location)."),
    (
        ("id", _("Samma som kontorets id.")),
        ("service_id", _("Avtalets id.")),
        ("location_id", _("Kontorets id.")),
    ),
)

LANGUAGES = Table(
    "languages",
    _("Språk"),
    _(
        "Språk som leverantören kan ge stöd på utan tolk (HSDS language). Språken gäller "
        "hela leverantören, så raderna pekar på organization_id."
    ),
    (
        ("id", _("Radens id.")),
        ("organization_id", _("Leverantörens id.")),
        ("code", _("Språkkod (ISO 639-1, annars ISO 639-3).")),
        ("name", _("Språkets namn på svenska.")),
        ("name_en", _("Språkets namn på engelska.")),
        ("native_name", _("Språkets namn på språket självt.")),
    ),
)

INDUSTRIES = Table(
    "industries",
    _("Branscher"),
    _("Branscher (yrkesområden) som leverantören kan mycket om. Inte en del av HSDS."),
    (
        ("id", _("Radens id.")),
        ("organization_id", _("Leverantörens id.")),
        ("code", _("Branschens kortnamn.")),
        ("name", _("Branschens namn på svenska.")),
        ("name_en", _("Branschens namn på engelska.")),
    ),
)

ACCESSIBILITY = Table(
    "accessibility",
    _("Tillgänglighet"),
    _(
        "En rad per kontor (HSDS accessibility). Varje fråga har svaret yes, no eller "
        "unknown (vet inte)."
    ),
    (
        ("id", _("Samma som kontorets id.")),
        ("location_id", _("Kontorets id.")),
        ("description", _("Mer om tillgängligheten, med leverantörens ord.")),
        ("step_free_entrance", _("Entré utan trappsteg.")),
        ("accessible_toilet", _("Tillgänglig toalett.")),
        ("hearing_loop", _("Hörslinga.")),
        ("parking_nearby", _("Parkering i närheten.")),
        ("public_transport", _("Nära kollektivtrafik.")),
    ),
)

GRADES = Table(
    "grades",
    _("Resultatbetyg"),
    _(
        "Arbetsförmedlingens resultatbetyg (1–4) per avtal och månad, hela historiken. "
        "Inte deltagarnas omdömen. Inget betyg betyder inte en dålig leverantör."
    ),
    (
        ("id", _("Radens id.")),
        ("service_id", _("Avtalets id.")),
        ("ka_number", _("Avtalets KA-nummer.")),
        ("grade_month", _("Månaden Arbetsförmedlingen publicerade betyget för (ÅÅÅÅ-MM).")),
        ("grade", _("Betyget 1–4, tomt när Arbetsförmedlingen skriver ”Betyg saknas”.")),
        ("no_grade_reason", _("Varför betyg saknas; unknown när Arbetsförmedlingen inte säger.")),
    ),
)

TABLES = {
    table.name: table
    for table in (
        ORGANIZATIONS,
        SERVICES,
        LOCATIONS,
        SERVICE_AT_LOCATIONS,
        LANGUAGES,
        INDUSTRIES,
        ACCESSIBILITY,
        GRADES,
    )
}
