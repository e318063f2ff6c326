"""Write-side logic for contracts and offices."""

from django.db import transaction

from offices.models import Office


@transaction.atomic
def save_contract(contract):
    """Save a contract, and move its offices along when it has changed supplier (a
    takeover): offices keep their contract's supplier for the search's joins."""
    contract.save()
    Office.objects.filter(contract=contract).exclude(supplier_id=contract.supplier_id).update(
        supplier_id=contract.supplier_id
    )
    return contract
