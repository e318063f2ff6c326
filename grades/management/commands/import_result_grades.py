import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from grades.grade_file import GradeFileError, read_grade_file
from grades.register import RegisterError
from grades.services import import_grade_file


class Command(BaseCommand):
    help = (
        "Import Arbetsförmedlingen's grade file (betyg-rusta-och-matcha-<månad>-<år>.xlsx, "
        "or the same layout as CSV): all of it or nothing. With --dry-run, only report what "
        "would change."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *, file, dry_run, **options):
        started = time.perf_counter()
        try:
            grade_file = read_grade_file(file.read_bytes())
            result = import_grade_file(grade_file, dry_run=dry_run, source_note=file.name)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        except (GradeFileError, RegisterError) as error:
            raise CommandError(f"{file}: {error}\nInget har sparats.") from error
        elapsed = time.perf_counter() - started
        rows = len(grade_file.rows)
        summary = result.summary
        first, last = grade_file.months[0], grade_file.latest_month
        self.stdout.write(
            f"{rows} avtal, {len(grade_file.months)} månader ({first:%Y-%m} – {last:%Y-%m}), "
            f"{grade_file.grade_count} betyg på {elapsed:.2f} s ({rows / elapsed:.0f} rader/s)."
        )
        self.stdout.write(
            "Avtal: {contracts_new} nya, {contracts_changed} ändrade, "
            "{contracts_unchanged} oförändrade. Leverantörer: {suppliers_new} nya. "
            "Leveransområden: {areas_new} nya, {areas_changed} ändrade. "
            "Nya namn på kända avtal: {names_new}.".format(**summary)
        )
        self.stdout.write(
            "Betyg: {grades_new} nya, {grades_changed} ändrade, "
            "{grades_unchanged} oförändrade.".format(**summary)
        )
        for contract, name in result.register.renamed:
            self.stdout.write(f"KA-nummer {contract.ka_number} heter nu {name} i filen.")
        if dry_run:
            self.stdout.write("Provkörning: inget har sparats.")
