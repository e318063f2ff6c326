"""Fictional example data, deterministic for a given seed.

Invented suppliers (Supplier.is_example) with contracts in Arbetsförmedlingen's real delivery
areas under invented 8-digit KA-numbers, their offices, a grade history and results follow-up
shaped like what Arbetsförmedlingen publishes, and participants' reviews.

Supplier i is always built from its own random stream (seed, i), so the first 60 suppliers
of `--seed 1` are the same whether 60 or 2,000 are asked for, and re-running adds nothing.
Everything is written in bulk and without change history, the many rows without model
instances (demo.rows): 2,000 suppliers are the national-scale test bed.

Longer than 300 lines on purpose: one generator that follows one random stream per supplier
from the supplier to its reviews; its steps share that stream and the bulk writers, and read
best in the order they draw.
"""

import itertools
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from stdnum import luhn

from demo.rows import delete_rows, insert_objects, insert_rows
from grades.models import ContractResult, ResultGrade, ResultWeights
from grades.services import refresh_current_grades
from krom.verification import DataSource
from offices.models import ACCESSIBILITY_FIELDS, Accessibility, Contract, ContractName, Office
from places.models import Municipality
from reviews.models import Review, comment_fingerprint
from reviews.services import recompute_rating_summaries
from suppliers.models import ErrorReport, Industry, Language, Supplier, SupplierName

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
ACCESSIBILITY_VALUES = [Accessibility.YES, Accessibility.NO, Accessibility.UNKNOWN]

# Invented KA-numbers: 8 digits like Arbetsförmedlingen's, above its real 1007xxxx numbers.
KA_NUMBERS = range(10090000, 11000000)
# About 15 months of Arbetsförmedlingen's grade history.
PUBLICATIONS = 8
# When Rusta och matcha's first contracts began.
FIRST_CONTRACTS = date(2023, 4, 17)
# Arbetsförmedlingen grades a contract once it has been active for 12 months.
MONTHS_BEFORE_A_GRADE = 12
# Typical share of participants with a job or studies (RR1) by grade.
RR1_SHARE_BY_GRADE = {1: 0.19, 2: 0.29, 3: 0.37, 4: 0.48}
# Of those, the share still in work or studies later (RR2).
RR2_SHARE_OF_RR1 = 0.67
# Levels A–C in Arbetsförmedlingen's weights of 2026, for periods it has not published.
TYPICAL_WEIGHTS = (Decimal("0.709"), Decimal("0.968"), Decimal("1.328"))
SOURCE_FILE = "exempeldata (seed_demo)"
BATCH_SIZE = 5000
# Current grades are checked a thousand contracts at a time: refresh_current_grades() asks
# about all of a call's contracts in one query, and SQLite limits a query's parameters.
GRADE_CHUNK = 1000
# The columns of a review the generator draws; the rest keep their defaults.
REVIEW_FIELDS = (
    "supplier_id",
    "office_id",
    "rating",
    "comment",
    "comment_fingerprint",
    "participation_month",
    "status",
    "created_at",
    "moderated_at",
)


@dataclass
class DemoContract:
    contract: Contract
    offices: list
    grades: list = field(default_factory=list)
    results: list = field(default_factory=list)
    names: list = field(default_factory=list)


@dataclass
class DemoSupplier:
    supplier: Supplier
    language_codes: list
    industry_slugs: list
    contracts: list = field(default_factory=list)
    quality: float = 3.5
    review_weight: float = 1.0

    @property
    def offices(self):
        return [office for contract in self.contracts for office in contract.offices]


def supplier_names(seed):
    """Every name the stems, endings and areas can make, in a seeded order; then each
    again as a second company ("… Två AB"), so that the national-scale bench can seed
    20,000 suppliers while the first names stay as they were."""
    names = [
        f"{stem}{ending} {area} AB"
        for stem, ending, area in itertools.product(NAME_STEMS, NAME_ENDINGS, NAME_AREAS)
    ]
    random.Random(f"names-{seed}").shuffle(names)
    return names + [name.removesuffix(" AB") + " Två AB" for name in names]


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


def publication_months(today, count=PUBLICATIONS):
    """Arbetsförmedlingen's latest grade publications, oldest first: January, March, May,
    July, September and November, each published at the end of its month."""
    months, year, month = [], today.year, today.month
    while len(months) < count:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        if month % 2 == 1:
            months.append(date(year, month, 1))
    return months[::-1]


def months_between(start, end):
    return (end.year - start.year) * 12 + end.month - start.month


def approximately(rng, count, share):
    """About share × count, as a binomial draw would give (normal approximation)."""
    spread = math.sqrt(count * share * (1 - share))
    return min(count, max(0, round(rng.gauss(count * share, spread))))


def weighted_result(weights, result):
    """Arbetsförmedlingen's weighted result measure, to its three decimals:
    Σ weight × (RR1 + RR2) over levels A–C, divided by 2 × participants."""
    total = sum(
        weight * (getattr(result, f"rr1_{level}") + getattr(result, f"rr2_{level}"))
        for weight, level in zip(weights, "abc", strict=True)
    )
    return (total / (2 * result.participants)).quantize(Decimal("0.001"))


class DemoDataBuilder:
    def __init__(self, *, suppliers, seed, reviews=None):
        self.count = suppliers
        self.seed = seed
        self.review_total = 100 * suppliers if reviews is None else reviews
        self.today = timezone.localdate()
        self.months = publication_months(self.today)
        # Offices only where the municipality lies in one of Arbetsförmedlingen's real areas.
        self.municipalities = list(
            Municipality.objects.select_related("county", "delivery_area")
            .exclude(delivery_area__region="")
            .filter(delivery_area__isnull=False)
            .order_by("code")
        )
        self.weights = [MUNICIPALITY_WEIGHTS.get(m.code, 1) for m in self.municipalities]
        self.languages = {language.code: language for language in Language.objects.all()}
        self.industries = {industry.slug: industry for industry in Industry.objects.all()}
        self.taken_ka_numbers = set(
            Contract.objects.exclude(ka_number=None).values_list("ka_number", flat=True)
        ) | set(
            Office.objects.exclude(legacy_ka_number=None).values_list("legacy_ka_number", flat=True)
        )
        self.taken_org_numbers = set(
            Supplier.objects.exclude(organisation_number=None).values_list(
                "organisation_number", flat=True
            )
        )
        self.taken_slugs = set(Supplier.objects.values_list("slug", flat=True))
        self.result_weights = {w.period: w for w in ResultWeights.objects.all()}
        self.new_weights = []

    def plan(self):
        names = supplier_names(self.seed)
        if self.count > len(names):
            raise ValueError(f"At most {len(names)} demo suppliers can be named.")
        if not self.municipalities:
            raise ValueError("Load the reference data first: manage.py load_reference_data.")
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
            is_example=True,
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
        demo.contracts = self.plan_contracts(rng, demo, self.plan_offices(rng, name))
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
                    else self.today + timedelta(days=rng.randint(14, 120)),
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

    def plan_contracts(self, rng, demo, offices):
        """One contract per delivery area the supplier has offices in, as Arbetsförmedlingen
        has it: the area's offices share the contract's KA-number."""
        offices_by_area = {}
        for office in offices:
            offices_by_area.setdefault(office.municipality.delivery_area, []).append(office)
        contracts = []
        for area in sorted(offices_by_area, key=lambda area: area.code):
            start_date = self.contract_start(rng)
            in_force = rng.random() > 0.03
            contract = Contract(
                ka_number=self.new_ka_number(rng),
                supplier=demo.supplier,
                delivery_area=area,
                start_date=start_date,
                in_force=in_force,
                ended_on=None
                if in_force
                else min(self.today, start_date + timedelta(days=rng.randint(200, 900))),
            )
            contract.verified_at, contract.data_source = demo_verification(rng)
            for office in offices_by_area[area]:
                office.contract, office.supplier = contract, demo.supplier
            planned = DemoContract(contract, offices_by_area[area])
            self.plan_grades(rng, demo, planned)
            self.plan_results(rng, planned)
            self.plan_names(rng, demo, planned)
            contracts.append(planned)
        return contracts

    def contract_start(self, rng):
        """Most contracts from the start of Rusta och matcha; some later, a few recent."""
        kind = rng.choices(["first", "later", "recent"], weights=[65, 27, 8])[0]
        if kind == "first":
            return FIRST_CONTRACTS + timedelta(days=rng.randint(0, 45))
        if kind == "later":
            return self.today - timedelta(days=rng.randint(420, 900))
        return self.today - timedelta(days=rng.randint(20, 420))

    def new_ka_number(self, rng):
        ka_number = str(rng.choice(KA_NUMBERS))
        while ka_number in self.taken_ka_numbers:
            ka_number = str(rng.choice(KA_NUMBERS))
        self.taken_ka_numbers.add(ka_number)
        return ka_number

    def published_months(self, contract):
        """The publications that include the contract: from its start to its end."""
        start = contract.start_date.replace(day=1)
        end = contract.ended_on or self.today
        return [month for month in self.months if start <= month <= end]

    def plan_grades(self, rng, demo, planned):
        """A grade near the supplier's quality that drifts from month to month, or
        "Betyg saknas" (reason unknown, as in Arbetsförmedlingen's file) while the contract
        is younger than 12 months and for most months of a contract with few participants."""
        contract = planned.contract
        few_participants = rng.random() < (0.35 if len(planned.offices) == 1 else 0.1)
        level = demo.quality - 1.0 + rng.gauss(0, 0.5)
        drift = 0.0
        for month in self.published_months(contract):
            drift = 0.6 * drift + rng.gauss(0, 0.45)
            stars = min(4, max(1, round(level + drift)))
            too_young = months_between(contract.start_date, month) < MONTHS_BEFORE_A_GRADE
            if too_young or (few_participants and rng.random() < 0.8):
                stars = None
            planned.grades.append(
                ResultGrade(
                    contract=contract,
                    month=month,
                    stars=stars,
                    no_grade_reason="" if stars else ResultGrade.NoGradeReason.UNKNOWN,
                )
            )
            # What refresh_current_grades() will find: it then has no contracts to update.
            contract.current_grade, contract.current_grade_month = stars, month

    def plan_results(self, rng, planned):
        """The results follow-up of the latest one or two publications, for most contracts:
        participants per level, RR1 and RR2 in line with the grade, and the weighted result
        measure from the period's weights. Only the latest period says whether the contract
        risks termination; for the one before it is unknown, as when AF's file lacks the column."""
        if not planned.grades or rng.random() < 0.15:
            return
        latest = planned.grades[-2:] if rng.random() < 0.7 else planned.grades[-1:]
        for grade in latest:
            result = self.plan_result(rng, planned, grade)
            if grade is planned.grades[-1]:
                result.risks_termination = rng.random() < {1: 0.6, 2: 0.08}.get(grade.stars, 0)
            planned.results.append(result)

    def plan_result(self, rng, planned, grade):
        contract = planned.contract
        if grade.stars is None:
            participants = rng.randint(1, 19)
            rr1_share = rng.uniform(0.1, 0.5)
        else:
            typical = 30 + 15 * len(planned.offices)
            participants = min(700, max(20, round(rng.lognormvariate(math.log(typical), 0.5))))
            rr1_share = min(0.95, max(0.02, rng.gauss(RR1_SHARE_BY_GRADE[grade.stars], 0.04)))
        level_a = approximately(rng, participants, rng.uniform(0.2, 0.4))
        level_b = approximately(rng, participants - level_a, rng.uniform(0.45, 0.65))
        levels = {"a": level_a, "b": level_b, "c": participants - level_a - level_b}
        values = {}
        for level, count in levels.items():
            values[f"participants_{level}"] = count
            values[f"rr1_{level}"] = approximately(rng, count, rr1_share)
            values[f"rr2_{level}"] = approximately(rng, values[f"rr1_{level}"], RR2_SHARE_OF_RR1)
        result = ContractResult(
            contract=contract,
            period=grade.month,
            grade=grade.stars,
            participants=participants,
            active_22_months=months_between(contract.start_date, grade.month) >= 22,
            source_file=SOURCE_FILE,
            edition=self.months[-1],
            **values,
        )
        result.weighted_result = weighted_result(self.weights_for(grade.month), result)
        return result

    def weights_for(self, period):
        """The period's weights as Arbetsförmedlingen published them, or, where none are
        stored, weights close to AF's (the same for a period whatever the seed)."""
        weights = self.result_weights.get(period)
        if weights is None:
            rng = random.Random(f"weights-{period:%Y-%m}")
            a, b, c = (
                (typical + Decimal(rng.randint(-3000, 3000)) / 1_000_000).quantize(
                    Decimal("0.000001")
                )
                for typical in TYPICAL_WEIGHTS
            )
            weights = ResultWeights(
                period=period,
                weight_a=a,
                weight_b=b,
                weight_c=c,
                source_file=SOURCE_FILE,
                edition=self.months[-1],
            )
            self.result_weights[period] = weights
            self.new_weights.append(weights)
        return weights.weight_a, weights.weight_b, weights.weight_c

    def plan_names(self, rng, demo, planned):
        """The names the contract has had in Arbetsförmedlingen's files: the supplier's own,
        and for a few contracts taken over from another supplier, that supplier's before."""
        months = [grade.month for grade in planned.grades]
        if not months:
            return
        name, contract = demo.supplier.name, planned.contract
        if len(months) >= 3 and rng.random() < 0.04:
            earlier = f"{rng.choice(NAME_STEMS)}{rng.choice(NAME_ENDINGS)} Sverige AB"
            if earlier != name:
                taken_over = rng.randint(1, len(months) - 1)
                planned.names.append(
                    ContractName(
                        contract=contract,
                        name=earlier,
                        first_seen=months[0],
                        last_seen=months[taken_over - 1],
                    )
                )
                months = months[taken_over:]
        planned.names.append(
            ContractName(contract=contract, name=name, first_seen=months[0], last_seen=months[-1])
        )

    def plan_reviews(self, plan):
        """(supplier, office or None, rating, comment, participation month, written at) for
        the reviews of the suppliers created now, their share of the total asked for. Each
        supplier's rating summary is set to match, so recompute_rating_summaries() finds
        nothing to correct."""
        if not plan:
            return []
        rng = random.Random(f"reviews-{self.seed}-{self.count}")
        total = round(self.review_total * len(plan) / self.count)
        now = timezone.now()
        offices = {id(demo): demo.offices for demo in plan}
        reviews = []
        for demo in rng.choices(plan, weights=[d.review_weight for d in plan], k=total):
            created_at = now - timedelta(minutes=rng.randrange(60 * 24 * 700))
            ended = (created_at - timedelta(days=rng.randrange(5, 60))).date().replace(day=1)
            comment = rng.choice(COMMENTS)
            supplier_offices = offices[id(demo)]
            office = (
                rng.choice(supplier_offices) if supplier_offices and rng.random() < 0.7 else None
            )
            rating = min(5, max(1, round(rng.gauss(demo.quality, 0.9))))
            reviews.append((demo.supplier, office, rating, comment, ended, created_at))
            supplier = demo.supplier
            supplier.review_count += 1
            supplier.rating_sum += rating
            setattr(
                supplier, f"rating_{rating}_count", getattr(supplier, f"rating_{rating}_count") + 1
            )
        return reviews

    @staticmethod
    def approved_reviews(planned_reviews):
        """The planned reviews as rows of REVIEW_FIELDS, once their suppliers and offices
        have ids."""
        fingerprints = {comment: comment_fingerprint(comment) for comment in COMMENTS}
        approved = Review.Status.APPROVED.value
        return [
            (
                supplier.pk,
                office.pk if office else None,
                rating,
                comment,
                fingerprints[comment],
                ended,
                approved,
                created_at,
                created_at,
            )
            for supplier, office, rating, comment, ended, created_at in planned_reviews
        ]

    @transaction.atomic
    def build(self):
        plan = self.plan()
        planned_reviews = self.plan_reviews(plan)
        contracts = [contract for demo in plan for contract in demo.contracts]
        Supplier.objects.bulk_create([demo.supplier for demo in plan], batch_size=BATCH_SIZE)
        Contract.objects.bulk_create([c.contract for c in contracts], batch_size=BATCH_SIZE)
        offices = Office.objects.bulk_create(
            [office for c in contracts for office in c.offices], batch_size=BATCH_SIZE
        )
        insert_objects(ContractName, (name for c in contracts for name in c.names))
        insert_rows(
            Supplier.languages.through,
            ("supplier_id", "language_id"),
            (
                (demo.supplier.pk, self.languages[code].pk)
                for demo in plan
                for code in demo.language_codes
            ),
        )
        insert_rows(
            Supplier.industries.through,
            ("supplier_id", "industry_id"),
            (
                (demo.supplier.pk, self.industries[slug].pk)
                for demo in plan
                for slug in demo.industry_slugs
            ),
        )
        grades = insert_objects(ResultGrade, (g for c in contracts for g in c.grades))
        for start in range(0, len(contracts), GRADE_CHUNK):
            refresh_current_grades([c.contract.pk for c in contracts[start : start + GRADE_CHUNK]])
        ResultWeights.objects.bulk_create(self.new_weights)
        results = insert_objects(ContractResult, (r for c in contracts for r in c.results))
        reviews = insert_rows(Review, REVIEW_FIELDS, self.approved_reviews(planned_reviews))
        recompute_rating_summaries([demo.supplier.pk for demo in plan])
        return {
            "suppliers": len(plan),
            "contracts": len(contracts),
            "offices": len(offices),
            "grades": grades,
            "results": results,
            "reviews": reviews,
        }


WRITTEN_MODELS = [
    Supplier,
    Supplier.languages.through,
    Supplier.industries.through,
    Contract,
    ContractName,
    Office,
    ResultGrade,
    ContractResult,
    ResultWeights,
    Review,
]


def analyze_tables():
    """Give the query planner (PostgreSQL's or SQLite's) statistics for the tables the demo
    data has just filled."""
    with connection.cursor() as cursor:
        for model in WRITTEN_MODELS:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@transaction.atomic
def remove_demo_data():
    """Delete every example supplier with its contracts, offices, grades, results,
    reviews and whatever else points at them, and their change history (example data is
    written without history; versions exist only where an admin edited it); returns how
    many suppliers were removed. Weights left without results go too.

    Each table in one statement, the rows that point at others first: no rows loaded, no
    deletion versions (see demo.rows)."""
    suppliers = Supplier.objects.filter(is_example=True)
    contracts = Contract.objects.filter(supplier__in=suppliers)
    offices = Office.objects.filter(supplier__in=suppliers)
    removed = suppliers.count()
    # What Django's cascade would set to null: another supplier's rows naming an example
    # office (none that seed_demo makes).
    Review.objects.filter(office__in=offices).exclude(supplier__in=suppliers).update(office=None)
    ErrorReport.objects.filter(office__in=offices).exclude(supplier__in=suppliers).update(
        office=None
    )
    for rows in (
        Review.objects.filter(supplier__in=suppliers),
        ErrorReport.objects.filter(supplier__in=suppliers),
        SupplierName.objects.filter(supplier__in=suppliers),
        Supplier.languages.through.objects.filter(supplier__in=suppliers),
        Supplier.industries.through.objects.filter(supplier__in=suppliers),
        ResultGrade.objects.filter(contract__in=contracts),
        ContractResult.objects.filter(contract__in=contracts),
        ContractName.objects.filter(contract__in=contracts),
        offices,
        contracts,
        suppliers,
    ):
        history = getattr(rows.model, "history", None)
        if history is not None:
            history.filter(id__in=rows.values("pk")).delete()
        delete_rows(rows)
    ResultWeights.objects.exclude(period__in=ContractResult.objects.values("period")).delete()
    return removed
