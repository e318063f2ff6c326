"""offices 0011–0014 in one migration.

Counties, municipalities and delivery areas leave for `places` (places 0001; state only, the
tables keep their names), the history of contracts and offices, constraint messages and the
coordinates index.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import offices.fields


class Migration(migrations.Migration):
    replaces = [
        ("offices", "0011_places_moved_to_their_own_app"),
        ("offices", "0012_history"),
        ("offices", "0013_constraint_messages"),
        ("offices", "0014_office_coordinates_index"),
    ]

    dependencies = [
        ("offices", "0010_delivery_area_guessed"),
        ("places", "0001_initial"),
        ("suppliers", "0008_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="municipality",
                    name="county",
                ),
                migrations.RemoveField(
                    model_name="municipality",
                    name="delivery_area",
                ),
                migrations.AlterField(
                    model_name="contract",
                    name="delivery_area",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contracts",
                        to="places.deliveryarea",
                        verbose_name="leveransområde",
                    ),
                ),
                migrations.AlterField(
                    model_name="office",
                    name="municipality",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="offices",
                        to="places.municipality",
                        verbose_name="kommun",
                    ),
                ),
                migrations.DeleteModel(
                    name="County",
                ),
                migrations.DeleteModel(
                    name="DeliveryArea",
                ),
                migrations.DeleteModel(
                    name="Municipality",
                ),
            ],
        ),
        migrations.CreateModel(
            name="HistoricalContract",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "verified_at",
                    models.DateField(
                        blank=True, null=True, verbose_name="uppgifterna kontrollerades"
                    ),
                ),
                (
                    "data_source",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("supplier", "leverantören själv"),
                            ("af_list", "Arbetsförmedlingens publicerade lista"),
                            ("admin", "kontroll av Matchningskollen"),
                        ],
                        max_length=20,
                        verbose_name="källa",
                    ),
                ),
                (
                    "source_note",
                    models.CharField(
                        blank=True,
                        help_text="Till exempel listans datum: ”Arbetsförmedlingens lista 1 oktober 2026”.",
                        max_length=200,
                        verbose_name="om källan",
                    ),
                ),
                (
                    "ka_number",
                    offices.fields.KANumberField(
                        blank=True,
                        db_index=True,
                        error_messages={"unique": "Ett annat avtal har redan det här KA-numret."},
                        help_text="Arbetsförmedlingens nummer för avtalet: 8 siffror, till exempel 10072909. Alla avtalets kontor har samma nummer.",
                        max_length=10,
                        null=True,
                        verbose_name="KA-nummer",
                    ),
                ),
                (
                    "delivery_area_guessed",
                    models.BooleanField(
                        default=False,
                        editable=False,
                        help_text="Avtalet kom från ”Sök leverantör”, som inte anger leveransområde: området är gissat från första adressen tills Arbetsförmedlingens filer anger det.",
                        verbose_name="leveransområdet är gissat",
                    ),
                ),
                (
                    "start_date",
                    models.DateField(blank=True, null=True, verbose_name="avtalet började"),
                ),
                (
                    "in_force",
                    models.BooleanField(
                        default=True,
                        help_text="Ett avtal som har upphört visas inte i sökningen och kan inte väljas.",
                        verbose_name="gäller",
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="upphörde")),
                (
                    "no_longer_listed_on",
                    models.DateField(
                        blank=True,
                        editable=False,
                        help_text="Saknades i Arbetsförmedlingens ”Sök leverantör” vid synkningen den dagen.",
                        null=True,
                        verbose_name="inte längre listat sedan",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="skapad"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "delivery_area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="places.deliveryarea",
                        verbose_name="leveransområde",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "avtal (historik)",
                "verbose_name_plural": "avtal (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOffice",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "verified_at",
                    models.DateField(
                        blank=True, null=True, verbose_name="uppgifterna kontrollerades"
                    ),
                ),
                (
                    "data_source",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("supplier", "leverantören själv"),
                            ("af_list", "Arbetsförmedlingens publicerade lista"),
                            ("admin", "kontroll av Matchningskollen"),
                        ],
                        max_length=20,
                        verbose_name="källa",
                    ),
                ),
                (
                    "source_note",
                    models.CharField(
                        blank=True,
                        help_text="Till exempel listans datum: ”Arbetsförmedlingens lista 1 oktober 2026”.",
                        max_length=200,
                        verbose_name="om källan",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="kontorets namn")),
                (
                    "legacy_ka_number",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        editable=False,
                        help_text="Från tiden då varje kontor hade ett eget nummer: gamla länkar leder hit.",
                        max_length=10,
                        null=True,
                        verbose_name="tidigare eget KA-nummer",
                    ),
                ),
                (
                    "af_address_id",
                    models.CharField(
                        blank=True,
                        help_text="Adressens id i Arbetsförmedlingens ”Sök leverantör”, när det är känt.",
                        max_length=20,
                        verbose_name="Arbetsförmedlingens adress-id",
                    ),
                ),
                (
                    "no_longer_listed_on",
                    models.DateField(
                        blank=True,
                        editable=False,
                        help_text="Saknades i Arbetsförmedlingens ”Sök leverantör” vid synkningen den dagen.",
                        null=True,
                        verbose_name="inte längre listat sedan",
                    ),
                ),
                ("street_address", models.CharField(max_length=200, verbose_name="gatuadress")),
                (
                    "postal_code",
                    offices.fields.PostalCodeField(max_length=5, verbose_name="postnummer"),
                ),
                ("postal_town", models.CharField(max_length=100, verbose_name="ort")),
                ("latitude", models.FloatField(blank=True, null=True, verbose_name="latitud")),
                ("longitude", models.FloatField(blank=True, null=True, verbose_name="longitud")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="telefon")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-post")),
                ("is_active", models.BooleanField(default=True, verbose_name="aktivt")),
                (
                    "taking_participants",
                    models.BooleanField(default=True, verbose_name="tar emot nya deltagare"),
                ),
                (
                    "taking_participants_from",
                    models.DateField(
                        blank=True,
                        help_text="Om kontoret inte tar emot nya deltagare just nu: från vilket datum.",
                        null=True,
                        verbose_name="tar emot deltagare igen från",
                    ),
                ),
                (
                    "step_free_entrance",
                    models.CharField(
                        choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                        default="unknown",
                        max_length=7,
                        verbose_name="entré utan trappsteg",
                    ),
                ),
                (
                    "accessible_toilet",
                    models.CharField(
                        choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                        default="unknown",
                        max_length=7,
                        verbose_name="tillgänglig toalett",
                    ),
                ),
                (
                    "hearing_loop",
                    models.CharField(
                        choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                        default="unknown",
                        max_length=7,
                        verbose_name="hörslinga",
                    ),
                ),
                (
                    "parking_nearby",
                    models.CharField(
                        choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                        default="unknown",
                        max_length=7,
                        verbose_name="parkering i närheten",
                    ),
                ),
                (
                    "public_transport",
                    models.CharField(
                        choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                        default="unknown",
                        max_length=7,
                        verbose_name="nära kollektivtrafik",
                    ),
                ),
                (
                    "accessibility_notes",
                    models.TextField(blank=True, verbose_name="mer om tillgänglighet"),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="skapad"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "contract",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Kontoret har avtalets KA-nummer.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="offices.contract",
                        verbose_name="avtal",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="places.municipality",
                        verbose_name="kommun",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "kontor (historik)",
                "verbose_name_plural": "kontor (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterConstraint(
            model_name="contract",
            name="contract_current_grade_1_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("current_grade__isnull", True),
                    models.Q(("current_grade__gte", 1), ("current_grade__lte", 4)),
                    _connector="OR",
                ),
                name="contract_current_grade_1_to_4",
                violation_error_message="Resultatbetyget ska vara 1–4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contract",
            name="contract_ka_number_5_to_10_characters",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ka_number__isnull", True),
                    models.Q(("ka_number__length__gte", 5), ("ka_number__length__lte", 10)),
                    _connector="OR",
                ),
                name="contract_ka_number_5_to_10_characters",
                violation_error_message="Ett KA-nummer har 8 siffror (äldre nummer 5–10 siffror).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contractname",
            name="contract_name_seen_in_order",
            constraint=models.CheckConstraint(
                condition=models.Q(("first_seen__lte", models.F("last_seen"))),
                name="contract_name_seen_in_order",
                violation_error_message="”Först sedd” ska vara samma dag som eller före ”senast sedd”.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="office",
            name="office_postal_code_5_characters",
            constraint=models.CheckConstraint(
                condition=models.Q(("postal_code__length", 5)),
                name="office_postal_code_5_characters",
                violation_error_message="Ett postnummer består av fem siffror, till exempel 123 45.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="office",
            name="office_coordinates_both_or_none_on_earth",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("latitude__isnull", True), ("longitude__isnull", True)),
                    models.Q(
                        ("latitude__isnull", False),
                        ("longitude__isnull", False),
                        models.Q(("latitude__gte", -90), ("latitude__lte", 90)),
                        models.Q(("longitude__gte", -180), ("longitude__lte", 180)),
                    ),
                    _connector="OR",
                ),
                name="office_coordinates_both_or_none_on_earth",
                violation_error_message="Ange både latitud (−90 till 90) och longitud (−180 till 180), eller ingen av dem.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="office",
            name="office_af_address_once_per_contract",
            constraint=models.UniqueConstraint(
                condition=models.Q(("af_address_id", ""), _negated=True),
                fields=("contract", "af_address_id"),
                name="office_af_address_once_per_contract",
                violation_error_message="Avtalet har redan ett kontor med det här adress-id:t från Arbetsförmedlingen.",
            ),
        ),
        migrations.AddIndex(
            model_name="office",
            index=models.Index(fields=["latitude", "longitude"], name="office_coordinates"),
        ),
    ]
