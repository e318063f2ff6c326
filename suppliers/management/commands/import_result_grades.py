import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from suppliers.resources import GradeFileError, GradeListCSV, ResultGradeResource


class Command(BaseCommand):
    help = (
        "Import Arbetsförmedlingen's published results grades from a CSV file: all rows or "
        "none. With --dry-run, only report what would change."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *, file, dry_run, **options):
        started = time.perf_counter()
        try:
            dataset = GradeListCSV().create_dataset(file.read_bytes())
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        except GradeFileError as error:
            raise CommandError(f"{file}: {error}") from error
        result = ResultGradeResource().import_data(dataset, dry_run=dry_run)
        elapsed = time.perf_counter() - started
        for error in result.base_errors:
            self.stderr.write(str(error.error))
        for line, messages in result.rejected_rows:
            self.stderr.write(f"Rad {line}: {' '.join(messages)}")
        summary = result.summary
        self.stdout.write(
            f"{len(dataset)} rader på {elapsed:.2f} s ({len(dataset) / elapsed:.0f} rader/s): "
            f"{summary['new']} nya, {summary['changed']} ändrade, "
            f"{summary['unchanged']} oförändrade, {summary['rejected']} kan inte importeras."
        )
        if result.base_errors or result.rejected_rows:
            raise CommandError("Inget har sparats: rätta filen och försök igen.")
        if dry_run:
            self.stdout.write("Provkörning: inget har sparats.")
