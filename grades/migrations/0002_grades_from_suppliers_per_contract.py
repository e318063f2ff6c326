from django.db import migrations


def grades_per_contract(apps, schema_editor):
    """Copy the grades kept per supplier × delivery area to that pair's contract (made by
    offices 0007 from the offices; a pair graded where the supplier had no office gets a
    contract of its own, without a KA-number and not in force, since no office of it is
    known). The month is the publication's month; of two
    publications in one month the later wins. The contract's current grade is the latest
    month's. Self-contained: migrations never import live code."""
    OldGrade = apps.get_model("suppliers", "ResultGrade")
    Contract = apps.get_model("offices", "Contract")
    ResultGrade = apps.get_model("grades", "ResultGrade")
    contracts = {}
    for contract in Contract.objects.order_by("-pk"):
        contracts[contract.supplier_id, contract.delivery_area_id] = contract
    latest = {}
    for old in OldGrade.objects.order_by("published_on", "pk"):
        key = old.supplier_id, old.delivery_area_id
        contract = contracts.get(key)
        if contract is None:
            contract = contracts[key] = Contract.objects.create(
                supplier_id=old.supplier_id, delivery_area_id=old.delivery_area_id, in_force=False
            )
        month = old.published_on.replace(day=1)
        latest[contract.pk, month] = (contract, old)
    ResultGrade.objects.bulk_create(
        ResultGrade(
            contract=contract,
            month=month,
            stars=old.stars,
            no_grade_reason=old.no_grade_reason,
        )
        for (_, month), (contract, old) in latest.items()
    )
    current = {}
    for (contract_id, month), (contract, old) in sorted(latest.items(), key=lambda i: i[0][1]):
        current[contract_id] = contract, month, old.stars
    for contract, month, stars in current.values():
        contract.current_grade, contract.current_grade_month = stars, month
        contract.save(update_fields=["current_grade", "current_grade_month"])


class Migration(migrations.Migration):
    dependencies = [
        ("grades", "0001_initial"),
        ("offices", "0007_offices_belong_to_contracts"),
        ("suppliers", "0006_verified_data_and_office_details"),
    ]

    operations = [migrations.RunPython(grades_per_contract, migrations.RunPython.noop)]
