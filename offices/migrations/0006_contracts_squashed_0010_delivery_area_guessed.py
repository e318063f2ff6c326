"""offices 0006–0010 in one migration.

Contracts. Kept: 0007's making of contracts from the offices of a register made before
contracts (copied here, self-contained), since such a database has offices and none of
0006–0010.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.db.models.deletion
from django.db import migrations, models

import offices.fields


# Copied from 0007_offices_belong_to_contracts, which it replaces.
def contracts_from_offices(apps, schema_editor):
    """Each supplier × delivery area of its offices becomes a contract. Its KA-number is
    not known: the old numbers were the offices' own, not the contract's, so each office
    keeps its number in legacy_ka_number (old links and the caseworker lookup still find
    it) until Arbetsförmedlingen's files give the contract its number. Self-contained:
    migrations never import live code."""
    Office = apps.get_model("offices", "Office")
    Contract = apps.get_model("offices", "Contract")
    DeliveryArea = apps.get_model("offices", "DeliveryArea")
    contracts = {}
    unknown_area = None
    for office in Office.objects.select_related("municipality").order_by("pk"):
        area_id = office.municipality.delivery_area_id
        if area_id is None:
            if unknown_area is None:
                unknown_area, _ = DeliveryArea.objects.get_or_create(
                    code="okant-omrade", defaults={"name": "Okänt leveransområde"}
                )
            area_id = unknown_area.pk
        key = office.supplier_id, area_id
        contract = contracts.get(key)
        if contract is None:
            contract = contracts[key] = Contract.objects.create(
                supplier_id=office.supplier_id,
                delivery_area_id=area_id,
                ka_number=None,
                in_force=False,
                verified_at=office.verified_at,
                data_source=office.data_source,
                source_note=office.source_note,
            )
        if office.is_active and not contract.in_force:
            contract.in_force = True
            contract.save(update_fields=["in_force"])
        office.contract = contract
        office.save(update_fields=["contract"])


def offices_without_contracts(apps, schema_editor):
    Office = apps.get_model("offices", "Office")
    Office.objects.update(contract=None)


class Migration(migrations.Migration):
    replaces = [
        ("offices", "0006_contracts"),
        ("offices", "0007_offices_belong_to_contracts"),
        ("offices", "0008_office_contract_required"),
        ("offices", "0009_no_longer_listed"),
        ("offices", "0010_delivery_area_guessed"),
    ]

    dependencies = [
        ("offices", "0005_verified_data_and_office_details"),
        ("suppliers", "0006_verified_data_and_office_details"),
    ]

    operations = [
        migrations.AddField(
            model_name="deliveryarea",
            name="region",
            field=models.CharField(
                blank=True,
                choices=[
                    ("Nord", "Nord"),
                    ("Mitt", "Mitt"),
                    ("Väst", "Väst"),
                    ("Öst", "Öst"),
                    ("Syd", "Syd"),
                    ("Stockholm-Gotland", "Stockholm-Gotland"),
                ],
                help_text="Tomt bara för områden från tiden före Arbetsförmedlingens egna listor.",
                max_length=20,
                verbose_name="Arbetsförmedlingens region",
            ),
        ),
        migrations.CreateModel(
            name="Contract",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
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
                        error_messages={"unique": "Ett annat avtal har redan det här KA-numret."},
                        help_text="Arbetsförmedlingens nummer för avtalet: 8 siffror, till exempel 10072909. Alla avtalets kontor har samma nummer.",
                        max_length=10,
                        null=True,
                        unique=True,
                        verbose_name="KA-nummer",
                    ),
                ),
                (
                    "start_date",
                    models.DateField(blank=True, null=True, verbose_name="avtalet började"),
                ),
                (
                    "current_grade",
                    models.PositiveSmallIntegerField(
                        blank=True, editable=False, null=True, verbose_name="aktuellt resultatbetyg"
                    ),
                ),
                (
                    "current_grade_month",
                    models.DateField(
                        blank=True,
                        editable=False,
                        null=True,
                        verbose_name="månad för aktuellt betyg",
                    ),
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
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skapad")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="ändrad")),
                (
                    "delivery_area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contracts",
                        to="offices.deliveryarea",
                        verbose_name="leveransområde",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contracts",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "avtal",
                "verbose_name_plural": "avtal",
                "ordering": ["ka_number"],
                "indexes": [
                    models.Index(
                        fields=["supplier", "in_force"], name="contract_supplier_in_force"
                    ),
                    models.Index(
                        fields=["delivery_area", "in_force"], name="contract_area_in_force"
                    ),
                    models.Index(fields=["current_grade"], name="contract_current_grade"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("current_grade__isnull", True),
                            models.Q(("current_grade__gte", 1), ("current_grade__lte", 4)),
                            _connector="OR",
                        ),
                        name="contract_current_grade_1_to_4",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ka_number__isnull", True),
                            models.Q(("ka_number__length__gte", 5), ("ka_number__length__lte", 10)),
                            _connector="OR",
                        ),
                        name="contract_ka_number_5_to_10_characters",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ContractName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="namn")),
                ("first_seen", models.DateField(verbose_name="först sedd")),
                ("last_seen", models.DateField(verbose_name="senast sedd")),
                (
                    "contract",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="names",
                        to="offices.contract",
                        verbose_name="avtal",
                    ),
                ),
            ],
            options={
                "verbose_name": "namn i Arbetsförmedlingens filer",
                "verbose_name_plural": "namn i Arbetsförmedlingens filer",
                "ordering": ["contract", "first_seen", "name"],
                "constraints": [
                    models.UniqueConstraint(fields=("contract", "name"), name="contract_name_once"),
                    models.CheckConstraint(
                        condition=models.Q(("first_seen__lte", models.F("last_seen"))),
                        name="contract_name_seen_in_order",
                    ),
                ],
            },
        ),
        migrations.RemoveConstraint(
            model_name="office",
            name="office_ka_number_5_to_10_characters",
        ),
        migrations.RenameField(
            model_name="office",
            old_name="ka_number",
            new_name="legacy_ka_number",
        ),
        migrations.AlterField(
            model_name="office",
            name="legacy_ka_number",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="Från tiden då varje kontor hade ett eget nummer: gamla länkar leder hit.",
                max_length=10,
                null=True,
                unique=True,
                verbose_name="tidigare eget KA-nummer",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="contract",
            field=models.ForeignKey(
                help_text="Kontoret har avtalets KA-nummer.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="offices",
                to="offices.contract",
                verbose_name="avtal",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="af_address_id",
            field=models.CharField(
                blank=True,
                help_text="Adressens id i Arbetsförmedlingens ”Sök leverantör”, när det är känt.",
                max_length=20,
                verbose_name="Arbetsförmedlingens adress-id",
            ),
        ),
        migrations.AlterField(
            model_name="office",
            name="supplier",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="offices",
                to="suppliers.supplier",
                verbose_name="leverantör",
            ),
        ),
        migrations.AddConstraint(
            model_name="office",
            constraint=models.UniqueConstraint(
                condition=models.Q(("af_address_id", ""), _negated=True),
                fields=("contract", "af_address_id"),
                name="office_af_address_once_per_contract",
            ),
        ),
        migrations.RunPython(
            code=contracts_from_offices,
            reverse_code=offices_without_contracts,
        ),
        migrations.AlterField(
            model_name="office",
            name="contract",
            field=models.ForeignKey(
                help_text="Kontoret har avtalets KA-nummer.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="offices",
                to="offices.contract",
                verbose_name="avtal",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="no_longer_listed_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="Saknades i Arbetsförmedlingens ”Sök leverantör” vid synkningen den dagen.",
                null=True,
                verbose_name="inte längre listat sedan",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="no_longer_listed_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="Saknades i Arbetsförmedlingens ”Sök leverantör” vid synkningen den dagen.",
                null=True,
                verbose_name="inte längre listat sedan",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="delivery_area_guessed",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Avtalet kom från ”Sök leverantör”, som inte anger leveransområde: området är gissat från första adressen tills Arbetsförmedlingens filer anger det.",
                verbose_name="leveransområdet är gissat",
            ),
        ),
    ]
