import time

from django.core.management.base import BaseCommand, CommandError

from demo.context_processors import forget_example_data
from demo.demo_data import DemoDataBuilder, analyze_tables, remove_demo_data


class Command(BaseCommand):
    help = (
        "Create fictional example suppliers with contracts (invented KA-numbers in "
        "Arbetsförmedlingen's real delivery areas), offices, languages, industries, grade "
        "history, results follow-up and approved reviews. Deterministic for a seed; "
        "re-running adds nothing that is already there. Every page then says that it shows "
        "example data. --remove deletes all of it."
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
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete all example data (before loading Arbetsförmedlingen's real data).",
        )

    def handle(self, *, suppliers, seed, reviews, remove, **options):
        # Pages of this process (tests, a shell) ask again; servers within a minute.
        forget_example_data()
        if remove:
            started = time.perf_counter()
            removed = remove_demo_data()
            if removed:
                analyze_tables()
            self.stdout.write(
                f"Removed {removed} example suppliers and all their data "
                f"in {time.perf_counter() - started:.1f} s."
            )
            return
        if suppliers < 0 or (reviews is not None and reviews < 0):
            raise CommandError("--suppliers and --reviews must not be negative.")
        started = time.perf_counter()
        try:
            created = DemoDataBuilder(suppliers=suppliers, seed=seed, reviews=reviews).build()
        except ValueError as error:
            raise CommandError(str(error)) from error
        if created["suppliers"]:
            analyze_tables()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Demo data (seed {seed}): created {created['suppliers']} suppliers, "
            f"{created['contracts']} contracts, {created['offices']} offices and "
            f"{created['reviews']} reviews (and {created['grades']} results grades, "
            f"{created['results']} results follow-ups) in {elapsed:.1f} s."
        )
