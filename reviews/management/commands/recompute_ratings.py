from django.core.management.base import BaseCommand, CommandError

from reviews.services import find_rating_drift, recompute_rating_summaries


class Command(BaseCommand):
    help = (
        "Recount every supplier's rating summary from its approved reviews and report the "
        "suppliers whose stored summary had drifted. With --check, only report, and exit "
        "with status 1 on drift."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Report drift without correcting it; exit with status 1 if there is any.",
        )

    def handle(self, *, check, **options):
        drifted = find_rating_drift() if check else recompute_rating_summaries()
        for supplier in drifted:
            self.stdout.write(f"  {supplier.name} ({supplier.slug}, id {supplier.pk})")
        verb = "have" if check else "had"
        summary = f"{len(drifted)} supplier(s) {verb} a drifted rating summary"
        if check and drifted:
            raise CommandError(f"{summary}: run recompute_ratings without --check to fix.")
        self.stdout.write(f"{summary}{'' if check else '; all corrected' if drifted else ''}.")
