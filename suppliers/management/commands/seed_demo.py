import time

from django.core.management.base import BaseCommand, CommandError

from suppliers.demo_data import DemoDataBuilder


class Command(BaseCommand):
    help = (
        "Create fictional demo suppliers with offices, languages, industries, approved "
        "reviews and results grades. Deterministic for a seed; re-running adds nothing "
        "that is already there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--suppliers", type=int, default=60)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reviews",
            type=int,
            default=None,
            help="Approved reviews in all (default: 100 per supplier).",
        )

    def handle(self, *, suppliers, seed, reviews, **options):
        if suppliers < 0 or (reviews is not None and reviews < 0):
            raise CommandError("--suppliers and --reviews must not be negative.")
        started = time.perf_counter()
        try:
            created = DemoDataBuilder(suppliers=suppliers, seed=seed, reviews=reviews).build()
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Demo data (seed {seed}): created {created['suppliers']} suppliers, "
            f"{created['offices']} offices and {created['reviews']} reviews "
            f"(and {created['grades']} results grades) in {elapsed:.1f} s."
        )
