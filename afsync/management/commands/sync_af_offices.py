import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from afsync.af_search import SearchError, fetch, read_files
from afsync.sync import apply_sync, plan_sync
from grades.register import RegisterError
from krom.locks import af_writers_lock

SHOWN = 20


class Command(BaseCommand):
    help = (
        'Keep contracts and offices in step with Arbetsförmedlingen\'s "Sök leverantör": '
        "read saved JSON pages (FILE …) or fetch them (--url, default the setting "
        "AF_SUPPLIER_SEARCH_URL). All or nothing; --dry-run only reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
        parser.add_argument("--url", default=settings.AF_SUPPLIER_SEARCH_URL)
        parser.add_argument("--pause", type=float, default=1.0, help="seconds between pages")
        parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *, files, url, pause, timeout, dry_run, **options):
        started = time.perf_counter()
        if not files and not url:
            raise CommandError(
                "Ange sparade sidor (FILE …) eller adressen till Sök leverantör med --url "
                "eller miljövariabeln AF_SUPPLIER_SEARCH_URL."
            )
        try:
            listed = read_files(files) if files else fetch(url, pause=pause, timeout=timeout)
            with af_writers_lock():
                plan = plan_sync(listed)
                if not dry_run:
                    source = url if not files else ", ".join(str(path) for path in files)
                    apply_sync(plan, source=source)
        except (SearchError, RegisterError) as error:
            message = str(error)
            if "Inget har sparats" not in message:
                message += " Inget har sparats."
            raise CommandError(message) from error
        for label, value in plan.labelled_counts():
            self.stdout.write(f"{label}: {value}")
        for label, rows in [
            ("Nya kontor", [office.full_address for office in plan.new_offices]),
            ("Inte längre listade kontor", [o.full_address for o in plan.unlisted_offices]),
            ("Inte längre listade avtal", [c.ka_number for c in plan.unlisted_contracts]),
        ]:
            if rows:
                more = f" (och {len(rows) - SHOWN} till)" if len(rows) > SHOWN else ""
                self.stdout.write(f"{label}: {', '.join(rows[:SHOWN])}{more}")
        if dry_run:
            self.stdout.write("Provkörning: inget har sparats.")
            return
        elapsed = time.perf_counter() - started
        offices = sum(len(entry.addresses) for entry in listed)
        self.stdout.write(
            f"Klart: {offices} kontor på {elapsed:.2f} s ({offices / elapsed:.0f} kontor/s)."
        )
