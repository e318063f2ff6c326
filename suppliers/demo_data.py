"""Fictional demo suppliers, offices and reviews, deterministic for a given seed.

Supplier i is always built from its own random stream (seed, i), so the first 60 suppliers
of `--seed 1` are the same whether 60 or 2,000 are asked for, and re-running adds nothing.
"""

import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from stdnum import luhn

from offices.models import ACCESSIBILITY_FIELDS, Accessibility, DataSource, Municipality, Office
from reviews.models import Review, comment_fingerprint
from reviews.services import recompute_rating_summaries
from suppliers.models import Industry, Language, ResultGrade, Supplier
from suppliers.services import save_result_grades

NAME_STEMS = [
    "Jobb",
    "Framtids",
    "Kompetens",
    "Karriär",
    "Steg",
    "Vägvals",
    "Arbets",
    "Brygg",
    "Start",
    "Kompass",
    "Horisont",
    "Mål",
    "Språng",
    "Ankar",
    "Nordljus",
    "Fyr",
    "Växt",
    "Möte",
    "Kliv",
    "Nystart",
    "Yrkes",
    "Förändrings",
    "Lots",
    "Trappsteg",
    "Bro",
    "Vision",
    "Nyckel",
    "Kraft",
    "Utvecklings",
    "Match",
    "Talang",
    "Resurs",
    "Stig",
    "Pilot",
    "Hamn",
    "Sikte",
    "Mentor",
    "Vind",
    "Tillväxt",
    "Samverkans",
]
NAME_ENDINGS = [
    "coach",
    "partner",
    "center",
    "gruppen",
    "kraft",
    "vägen",
    "resurs",
    "forum",
    "hjälpen",
    "huset",
    "linjen",
    "kompaniet",
    "porten",
    "nätet",
    "teamet",
]
NAME_AREAS = [
    "Norr",
    "Syd",
    "Väst",
    "Öst",
    "Mitt",
    "Sverige",
    "Norden",
    "Bergslagen",
    "Kust",
    "Dalarna",
    "Mälardalen",
    "Öresund",
    "Norrland",
    "Skåne",
    "Småland",
    "Sörmland",
    "Halland",
    "Värmland",
    "Gotland",
    "Roslagen",
]
STREETS = [
    "Storgatan",
    "Drottninggatan",
    "Kungsgatan",
    "Järnvägsgatan",
    "Stationsgatan",
    "Skolgatan",
    "Kyrkogatan",
    "Parkvägen",
    "Industrivägen",
    "Torggatan",
    "Hamngatan",
    "Nygatan",
    "Trädgårdsgatan",
    "Bangårdsgatan",
    "Köpmangatan",
    "Södra vägen",
    "Norra Långgatan",
    "Östra Storgatan",
    "Västra Esplanaden",
    "Fabriksgatan",
]
OFFICE_AREAS = ["centrum", "Norra", "Södra", "Östra", "Västra", "Station", "Torget", "City"]
# Rough population weights, so demo offices are denser in the big cities.
MUNICIPALITY_WEIGHTS = {
    "0180": 40,
    "1480": 25,
    "1280": 18,
    "0380": 10,
    "0580": 8,
    "1880": 8,
    "1980": 8,
    "0581": 7,
    "1283": 7,
    "0680": 7,
    "2480": 6,
    "1281": 6,
    "1490": 6,
    "0484": 5,
    "1380": 5,
    "0780": 5,
    "2180": 5,
    "1780": 5,
    "2281": 5,
    "0127": 5,
    "0126": 5,
    "0182": 5,
    "0184": 4,
    "0183": 3,
    "2580": 4,
    "2380": 3,
    "2080": 3,
    "0880": 3,
    "1080": 3,
    "1290": 4,
    "0138": 3,
    "0162": 3,
    "0136": 3,
    "0114": 3,
    "0123": 3,
}
# First digit of postal codes by county, so demo addresses look plausible.
POSTAL_AREA = {
    "01": "1",
    "03": "7",
    "04": "6",
    "05": "5",
    "06": "5",
    "07": "3",
    "08": "3",
    "09": "6",
    "10": "3",
    "12": "2",
    "13": "3",
    "14": "4",
    "17": "6",
    "18": "7",
    "19": "7",
    "20": "7",
    "21": "8",
    "22": "8",
    "23": "8",
    "24": "9",
    "25": "9",
}
LANGUAGE_WEIGHTS = {
    "en": 60,
    "ar": 35,
    "so": 20,
    "ti": 12,
    "fa": 15,
    "prs": 10,
    "ckb": 8,
    "kmr": 7,
    "bs": 8,
    "hr": 6,
    "sr": 7,
    "pl": 10,
    "es": 10,
    "tr": 8,
    "ru": 7,
    "uk": 8,
    "fi": 8,
    "swl": 3,
    "am": 5,
    "ps": 5,
    "de": 5,
    "fr": 5,
}
HOW_WE_WORK = [
    "Du får en egen jobbcoach som du träffar varannan vecka. Tillsammans gör ni en plan "
    "utifrån vad du kan och vad du vill.",
    "Vi börjar med att kartlägga dina erfarenheter. Sedan tränar vi på ansökningar och "
    "intervjuer och hjälper dig att hitta praktik.",
    "Vi har många kontakter med arbetsgivare i området och matchar dig mot lediga jobb.",
    "Du kan träffa oss på kontoret eller på distans. Vi anpassar takten efter dig.",
    "Vi erbjuder studiebesök hos arbetsgivare och vägledning om utbildningar.",
]
COMMENTS = [
    "Min coach lyssnade och hjälpte mig att skriva ett bra CV.",
    "Bra bemötande, men det tog tid innan jag fick träffa en arbetsgivare.",
    "Jag fick praktik efter två månader och sedan jobb. Tack!",
    "Svårt att få tid hos coachen. Mötena kändes korta.",
    "De pratade mitt språk, det gjorde allt enklare.",
    "Okej, men jag hade velat ha mer hjälp med intervjuträning.",
    "Mycket engagerade. Jag rekommenderar dem.",
    "Lokalen var svår att hitta och coachen byttes flera gånger.",
    "",
    "",
]


@dataclass
class DemoSupplier:
    supplier: Supplier
    language_codes: list
    industry_slugs: list
    offices: list = field(default_factory=list)
    quality: float = 3.5
    review_weight: float = 1.0


def supplier_names(seed):
    """Every name the stems, endings and areas can make, in a seeded order."""
    names = [
        f"{stem}{ending} {area} AB"
        for stem, ending, area in itertools.product(NAME_STEMS, NAME_ENDINGS, NAME_AREAS)
    ]
    random.Random(f"names-{seed}").shuffle(names)
    return names


ACCESSIBILITY_VALUES = [Accessibility.YES, Accessibility.NO, Accessibility.UNKNOWN]


def demo_verification(rng):
    """Most demo data checked within the last months; some of it over 180 days ago."""
    checked = timezone.localdate() - timedelta(days=rng.randint(3, 300))
    source = rng.choice([DataSource.SUPPLIER, DataSource.ARBETSFORMEDLINGEN, DataSource.ADMIN])
    return checked, source


def demo_phone(rng):
    return f"010-{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"


def organisation_number(rng):
    body = "559" + "".join(str(rng.randrange(10)) for _ in range(6))
    return body + luhn.calc_check_digit(body)


def publication_days(today, count=2):
    """Arbetsförmedlingen's latest publications: the 15th of every second month, newest first."""
    days, year, month = [], today.year, today.month
    while len(days) < count:
        if month % 2 == 0 and date(year, month, 15) <= today:
            days.append(date(year, month, 15))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return days


def measured_period(published_on):
    """Twelve whole months, ending with the month two months before the publication."""
    end = published_on.replace(day=1) - timedelta(days=1)
    end = end.replace(day=1) - timedelta(days=1)
    start = date(end.year - 1, end.month, 1) + timedelta(days=31)
    return start.replace(day=1), end


class DemoDataBuilder:
    def __init__(self, *, suppliers, seed, reviews=None):
        self.count = suppliers
        self.seed = seed
        self.review_total = 100 * suppliers if reviews is None else reviews
        self.municipalities = list(Municipality.objects.select_related("county").order_by("code"))
        self.weights = [MUNICIPALITY_WEIGHTS.get(m.code, 1) for m in self.municipalities]
        self.languages = {language.code: language for language in Language.objects.all()}
        self.industries = {industry.slug: industry for industry in Industry.objects.all()}
        self.taken_ka_numbers = set(Office.objects.values_list("ka_number", flat=True))
        self.taken_org_numbers = set(Supplier.objects.values_list("organisation_number", flat=True))
        self.taken_slugs = set(Supplier.objects.values_list("slug", flat=True))

    def plan(self):
        names = supplier_names(self.seed)
        if self.count > len(names):
            raise ValueError(f"At most {len(names)} demo suppliers can be named.")
        plan = []
        for index, name in enumerate(names[: self.count]):
            rng = random.Random(f"supplier-{self.seed}-{index}")
            demo = self.plan_supplier(rng, name)
            if demo is not None:
                plan.append(demo)
        return plan

    def plan_supplier(self, rng, name):
        slug = slugify(name)
        org_number = organisation_number(rng)
        while org_number in self.taken_org_numbers:
            org_number = organisation_number(rng)
        if slug in self.taken_slugs:
            return None
        self.taken_slugs.add(slug)
        self.taken_org_numbers.add(org_number)
        supplier = Supplier(
            name=name,
            slug=slug,
            organisation_number=org_number,
            short_description=rng.choice(
                [
                    "Vi hjälper dig att hitta jobb eller studier med en personlig coach.",
                    "Stöd på vägen till jobb, med fokus på praktik hos arbetsgivare.",
                    "Personlig vägledning, språkstöd och kontakter med arbetsgivare.",
                    "Vi rustar dig för arbetsmarknaden i din takt.",
                ]
            ),
            how_we_work="\n\n".join(rng.sample(HOW_WE_WORK, 3)),
            website=f"https://{slug}.example",
            phone=demo_phone(rng),
            email=f"info@{slug}.example",
            offers_remote=rng.random() < 0.6,
            is_active=rng.random() > 0.03,
        )
        language_codes = ["sv"] + [
            code
            for code, weight in LANGUAGE_WEIGHTS.items()
            if code in self.languages and rng.random() < weight / 100
        ]
        industry_slugs = rng.sample(
            sorted(self.industries), k=min(len(self.industries), rng.randint(2, 8))
        )
        supplier.verified_at, supplier.data_source = demo_verification(rng)
        supplier.set_name_keys()
        demo = DemoSupplier(
            supplier,
            language_codes,
            industry_slugs,
            quality=rng.uniform(2.3, 4.7),
            review_weight=rng.lognormvariate(0, 1.2),
        )
        demo.offices = self.plan_offices(rng, name)
        return demo

    def plan_offices(self, rng, supplier_name):
        office_count = rng.choices(
            [rng.randint(1, 3), rng.randint(4, 10), rng.randint(11, 25), rng.randint(26, 40)],
            weights=[50, 30, 15, 5],
        )[0]
        home_county = rng.choices(self.municipalities, weights=self.weights)[0].county_id
        regional = rng.random() < 0.8
        candidates = [
            (m, w)
            for m, w in zip(self.municipalities, self.weights, strict=True)
            if not regional or m.county_id == home_county
        ]
        places = rng.choices(
            [m for m, _ in candidates], weights=[w for _, w in candidates], k=office_count
        )
        short_name = supplier_name.removesuffix(" AB")
        offices, used_names = [], set()
        today = timezone.localdate()
        for municipality in places:
            taking = rng.random() > 0.1
            office_name = f"{short_name} {municipality.name}"
            if office_name in used_names:
                office_name = f"{office_name} {rng.choice(OFFICE_AREAS)}"
            if office_name in used_names:
                continue
            used_names.add(office_name)
            offices.append(
                Office(
                    name=office_name,
                    ka_number=self.new_ka_number(rng),
                    street_address=f"{rng.choice(STREETS)} {rng.randint(1, 80)}",
                    postal_code=POSTAL_AREA[municipality.county.code]
                    + f"{rng.randrange(10000):04d}",
                    postal_town=municipality.name,
                    municipality=municipality,
                    latitude=round(municipality.latitude + rng.gauss(0, 0.01), 6),
                    longitude=round(municipality.longitude + rng.gauss(0, 0.02), 6),
                    phone=demo_phone(rng),
                    is_active=rng.random() > 0.03,
                    taking_participants=taking,
                    taking_participants_from=None
                    if taking
                    else today + timedelta(days=rng.randint(14, 120)),
                    **{
                        name: rng.choices(ACCESSIBILITY_VALUES, weights=[6, 1, 3])[0]
                        for name in ACCESSIBILITY_FIELDS
                    },
                    **dict(
                        zip(("verified_at", "data_source"), demo_verification(rng), strict=True)
                    ),
                )
            )
        return offices

    def new_ka_number(self, rng):
        ka_number = str(rng.randrange(100000, 1000000))
        while ka_number in self.taken_ka_numbers:
            ka_number = str(rng.randrange(100000, 1000000))
        self.taken_ka_numbers.add(ka_number)
        return ka_number

    def plan_reviews(self, plan):
        if not plan:
            return []
        rng = random.Random(f"reviews-{self.seed}-{self.count}")
        now = timezone.now()
        reviewed = rng.choices(plan, weights=[d.review_weight for d in plan], k=self.review_total)
        reviews = []
        for demo in reviewed:
            created_at = now - timedelta(minutes=rng.randrange(60 * 24 * 700))
            ended = (created_at - timedelta(days=rng.randrange(5, 60))).date().replace(day=1)
            comment = rng.choice(COMMENTS)
            reviews.append(
                Review(
                    supplier=demo.supplier,
                    office=rng.choice(demo.offices)
                    if demo.offices and rng.random() < 0.7
                    else None,
                    rating=min(5, max(1, round(rng.gauss(demo.quality, 0.9)))),
                    comment=comment,
                    comment_fingerprint=comment_fingerprint(comment),
                    participation_month=ended,
                    status=Review.Status.APPROVED,
                    created_at=created_at,
                    moderated_at=created_at,
                )
            )
        return reviews

    @transaction.atomic
    def build(self):
        plan = self.plan()
        Supplier.objects.bulk_create([demo.supplier for demo in plan])
        for demo in plan:
            for office in demo.offices:
                office.supplier = demo.supplier
        offices = Office.objects.bulk_create([o for demo in plan for o in demo.offices])
        Supplier.languages.through.objects.bulk_create(
            Supplier.languages.through(supplier=demo.supplier, language=self.languages[code])
            for demo in plan
            for code in demo.language_codes
        )
        Supplier.industries.through.objects.bulk_create(
            Supplier.industries.through(supplier=demo.supplier, industry=self.industries[slug])
            for demo in plan
            for slug in demo.industry_slugs
        )
        reviews = Review.objects.bulk_create(self.plan_reviews(plan), batch_size=5000)
        recompute_rating_summaries([demo.supplier.pk for demo in plan])
        grades = save_result_grades(self.plan_result_grades(plan))
        return {
            "suppliers": len(plan),
            "offices": len(offices),
            "reviews": len(reviews),
            "grades": len(grades),
        }

    def plan_result_grades(self, plan):
        """The latest two publications for each area a supplier has offices in: a grade
        near the supplier's quality, or none for a new supplier or an area with few offices."""
        publications = publication_days(timezone.localdate())
        reasons = ResultGrade.NoGradeReason
        grades = []
        for demo in plan:
            rng = random.Random(f"grades-{self.seed}-{demo.supplier.slug}")
            new_supplier = rng.random() < 0.12
            office_count = {}
            for office in demo.offices:
                area = office.municipality.delivery_area_id
                office_count[area] = office_count.get(area, 0) + 1
            for area, count in sorted(office_count.items()):
                few = rng.random() < (0.3 if count == 1 else 0.05)
                for published_on in publications:
                    stars = min(4, max(1, round(demo.quality - 0.7 + rng.gauss(0, 0.6))))
                    reason = ""
                    if new_supplier:
                        stars, reason = None, reasons.ACTIVE_LESS_THAN_12_MONTHS
                    elif few:
                        stars, reason = None, reasons.TOO_FEW_PARTICIPANTS
                    start, end = measured_period(published_on)
                    grades.append(
                        ResultGrade(
                            supplier=demo.supplier,
                            delivery_area_id=area,
                            stars=stars,
                            no_grade_reason=reason,
                            period_start=start,
                            period_end=end,
                            published_on=published_on,
                        )
                    )
        return grades
