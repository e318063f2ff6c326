import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from grades.results_file import ResultsFileError, read_results_file
from grades.results_services import import_results

WEIGHTS = {
    "new": "nya",
    "changed": "ändrade",
    "unchanged": "oförändrade",
    "newer_kept": "finns redan från en nyare fil",
}


class Command(BaseCommand):
    help = (
        "Import Arbetsförmedlingen's results follow-up (resultatuppfoljning-*.xlsx) as "
        "published: all rows or none. With --dry-run, only report what would change."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *, file, dry_run, **options):
        started = time.perf_counter()
        try:
            plan = import_results(read_results_file(file, file.name), dry_run=dry_run)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from error
        except ResultsFileError as error:
            raise CommandError(f"{file}: {error} Inget har sparats.") from error
        elapsed = time.perf_counter() - started
        for counts in plan.periods:
            self.stdout.write(
                f"{counts.period:%Y-%m}: {counts.rows} rader, {counts.new} nya, "
                f"{counts.changed} ändrade, {counts.unchanged} oförändrade, "
                f"{counts.newer_kept} finns redan från en nyare fil; "
                f"vikter {WEIGHTS[counts.weights]}; "
                f"{len(counts.disagreements)} stämmer inte med vikterna."
            )
        summary = plan.register_summary
        self.stdout.write(
            f"Avtal: {summary['contracts_new']} nya, {summary['contracts_changed']} ändrade. "
            f"Nya leverantörer: {summary['suppliers_new']}. "
            f"Nya leveransområden: {summary['areas_new']}."
        )
        for disagreement in plan.disagreements:
            self.stdout.write(f"Stämmer inte med vikterna: {disagreement}")
        rows = plan.results_file.row_count
        self.stdout.write(f"{rows} rader på {elapsed:.2f} s ({rows / elapsed:.0f} rader/s).")
        if dry_run:
            self.stdout.write("Provkörning: inget har sparats.")
