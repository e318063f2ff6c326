"""Write-side logic for contracts and offices."""

from django.db import transaction

from krom.history import Author, update_with_history
from offices.models import Office


@transaction.atomic
def save_contract(contract):
    """Save a contract, and move its offices along when it has changed supplier (a
    takeover): offices keep their contract's supplier for the search's joins. The change
    history names the signed-in admin (simple-history's request middleware)."""
    contract.save()
    moved = Office.objects.filter(contract=contract).exclude(supplier_id=contract.supplier_id)
    update_with_history(moved, author=Author(), supplier_id=contract.supplier_id)
    return contract
