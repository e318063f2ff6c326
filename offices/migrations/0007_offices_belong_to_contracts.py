from django.db import migrations


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
    dependencies = [("offices", "0006_contracts")]

    operations = [migrations.RunPython(contracts_from_offices, offices_without_contracts)]
