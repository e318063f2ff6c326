"""What the search finds, and what the supplier page shows of each contract."""

from krom import register
from suppliers.search_order import SORT_VALUES, VisitorOrder, presorted


def search_results(filterset, *, register_version, seed):
    """The ids of the suppliers the search finds, in its order for the visitor's seed (a
    sequence that orders only the slice asked for).

    The database finds them and the values their order needs once per register version
    and search (kept in the process, krom/register.py), sorted by what the order puts
    first; each visitor's order breaks the ties (suppliers/search_order.py)."""
    sort = filterset.sort
    rows = register.remembered(
        register_version,
        ("search", filterset.cache_parts()),
        lambda: presorted(filterset.qs.values_list("pk", *SORT_VALUES[sort]), sort),
    )
    return VisitorOrder(rows, sort, seed)


def contracts_for_supplier_page(supplier, *, municipality=None):
    """The supplier's contracts in force, the chosen municipality's delivery area first,
    then by area name, read from what Supplier.objects.for_detail_page() prefetched (no
    query here). Each contract carries:

    - active_offices: nearest first from the municipality (each with distance_km), else
      by name; empty while Arbetsförmedlingen's files are all we know of the contract;
    - is_in_chosen_area: the municipality lies in the contract's area;
    - latest_result: the newest period of Arbetsförmedlingen's results follow-up, or None;
    - termination_risk: the newest period in which Arbetsförmedlingen said whether the
      contract risks termination, if it said that it does (a period without the column
      is unknown, neither yes nor no); else None.
    """
    chosen_area = municipality.delivery_area_id if municipality else None
    contracts = sorted(
        supplier.contracts_in_force,
        key=lambda contract: chosen_area is None or contract.delivery_area_id != chosen_area,
    )
    for contract in contracts:
        contract.is_in_chosen_area = (
            chosen_area is not None and contract.delivery_area_id == chosen_area
        )
        contract.active_offices = offices_nearest_first(contract.offices.all(), municipality)
        results = sorted(contract.results.all(), key=lambda result: result.period)
        contract.latest_result = results[-1] if results else None
        stated = [result for result in results if result.risks_termination is not None]
        contract.termination_risk = stated[-1] if stated and stated[-1].risks_termination else None
    return contracts


def offices_nearest_first(offices, municipality):
    offices = list(offices)
    for office in offices:
        office.distance_km = office.distance_km_from(municipality) if municipality else None
    if municipality:
        offices.sort(key=lambda office: office.distance_km)
    return offices
