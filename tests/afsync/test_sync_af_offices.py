"""The sync with Arbetsförmedlingen's "Sök leverantör": the plan, applying it, snapshots,
the fetch from a local HTTP server and the lock (long because it runs on AF's saved pages)."""

import copy
import datetime
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from afsync.af_search import USER_AGENT, SearchError, fetch, read_files, read_pages
from afsync.models import OfficeSync
from afsync.sync import apply_sync, plan_sync
from grades.grade_file import read_grade_file
from grades.services import import_grade_file
from offices.models import Contract, Office
from suppliers.models import Supplier
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent.parent / "data" / "af"
PAGES = [DATA / f"sokleverantor-sida-{n}.json" for n in (1, 2, 3)]


def page(number):
    return json.loads(PAGES[number - 1].read_bytes())


class FakeSearch(BaseHTTPRequestHandler):
    """AF's "Sök leverantör" on 127.0.0.1: ?sida=N answers the saved page N, or a 500
    for the pages in `failing`."""

    failing = set()
    requests = []

    def do_GET(self):
        number = int(parse_qs(urlsplit(self.path).query)["sida"][0])
        type(self).requests.append((number, self.headers["User-Agent"]))
        if number in self.failing or not 1 <= number <= 3:
            self.send_response(500)
            self.end_headers()
            return
        body = PAGES[number - 1].read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def af_search():
    FakeSearch.failing, FakeSearch.requests = set(), []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSearch)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sok?typ=rusta"
    server.shutdown()
    server.server_close()


def sync(*args):
    out = io.StringIO()
    call_command("sync_af_offices", *args, stdout=out)
    return out.getvalue()


def test_fetching_reads_page_after_page_until_total_count_with_an_honest_user_agent(af_search):
    pauses = []
    listed = fetch(af_search, pause=0.5, sleep=pauses.append)
    assert len(listed) == 45
    assert [number for number, _ in FakeSearch.requests] == [1, 2, 3]
    assert {agent for _, agent in FakeSearch.requests} == {USER_AGENT}
    assert pauses == [0.5, 0.5]


def test_the_command_fetches_and_creates_contracts_and_offices_with_af_coordinates(af_search):
    output = sync("--url", af_search, "--pause", "0")
    assert "nya kontor: 70" in output
    assert Contract.objects.count() == 45
    assert Office.objects.count() == 70
    office = Office.objects.get(contract__ka_number="10079000", af_address_id="331121")
    assert (office.street_address, office.postal_code, office.postal_town) == (
        "Storgatan 20",
        "58571",
        "Eksjö",
    )
    assert (office.latitude, office.longitude) == (57.682807, 14.959766)
    assert office.municipality.name == "Eksjö"
    assert office.supplier == office.contract.supplier
    assert OfficeSync.objects.get().counts["offices_new"] == 70


def test_taking_new_participants_is_set_per_contract_and_null_leaves_it_as_it_was(af_search):
    sync("--url", af_search, "--pause", "0")
    closed = Contract.objects.get(ka_number="10079007")
    assert closed.offices.count() == 3
    assert not closed.offices.filter(taking_participants=True).exists()
    assert Contract.objects.get(ka_number="10079000").offices.get().taking_participants


def test_an_http_error_on_page_2_writes_nothing(af_search):
    FakeSearch.failing = {2}
    with pytest.raises(CommandError, match="500"):
        sync("--url", af_search, "--pause", "0")
    assert not Contract.objects.exists()
    assert not OfficeSync.objects.exists()


def test_a_repeated_sync_changes_nothing(af_search):
    sync("--url", af_search, "--pause", "0")
    before = list(Office.objects.order_by("pk").values())
    output = sync("--url", af_search, "--pause", "0")
    assert "oförändrade kontor: 70" in output
    assert "nya kontor: 0" in output
    assert list(Office.objects.order_by("pk").values()) == before


def test_the_dry_run_reports_and_writes_nothing():
    output = sync(*map(str, PAGES), "--dry-run")
    assert "nya avtal: 45" in output
    assert "Provkörning: inget har sparats." in output
    assert not Office.objects.exists()
    assert not Supplier.objects.exists()


def test_an_incomplete_list_is_refused():
    with pytest.raises(CommandError, match="ofullständig: 40 avtal av 45"):
        sync(str(PAGES[0]), str(PAGES[1]))
    assert not Office.objects.exists()


def test_offices_and_contracts_no_longer_listed_are_marked_not_deleted_and_not_choosable():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    gone = page(3)["leverantorer"][-1]
    pages = [(f"sida {n}", page(n)) for n in (1, 2, 3)]
    pages[2][1]["leverantorer"].pop()
    for _, data in pages:
        data["total_count"] = 44
    snapshot = apply_sync(plan_sync(read_pages(pages)), source="test")
    contract = Contract.objects.get(ka_number=str(gone["id"]))
    assert contract.no_longer_listed_on is not None
    assert contract.offices.count() == len(gone["adresser"])
    assert not Office.objects.active().filter(contract=contract).exists()
    assert not contract.is_available
    assert snapshot.counts["contracts_unlisted"] == 1
    assert {row["ka_number"] for row in snapshot.disappeared} == {str(gone["id"])}


def test_a_listed_again_office_is_choosable_again():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    Office.objects.update(no_longer_listed_on="2026-01-01")
    plan = plan_sync(read_files(PAGES))
    assert len(plan.relisted_offices) == 70
    apply_sync(plan, source="test")
    assert Office.objects.active().count() == 70


def test_a_moved_office_is_updated_in_place():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    moved = copy.deepcopy(page(1))
    address = moved["leverantorer"][0]["adresser"][0]
    address["adressrad"], address["koordinater"]["latitud"] = "Nygatan 2", "57.69"
    listed = read_pages([("1", moved), ("2", page(2)), ("3", page(3))])
    plan = plan_sync(listed)
    assert [changes for _, changes in plan.changed_offices] == [
        {"street_address": "Nygatan 2", "latitude": 57.69}
    ]
    apply_sync(plan, source="test")
    office = Office.objects.get(af_address_id=address["adressid"])
    assert (office.street_address, office.latitude) == ("Nygatan 2", 57.69)


def test_a_suspiciously_short_list_is_refused():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    short = page(1)
    short["total_count"] = 20
    with pytest.raises(SearchError, match="bara 20 avtal, men 45"):
        plan_sync(read_pages([("1", short)]))


def test_offices_entered_by_hand_and_contracts_from_grade_files_are_left_alone():
    by_hand = OfficeFactory()
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    by_hand.refresh_from_db()
    assert by_hand.no_longer_listed_on is None
    assert by_hand.contract.no_longer_listed_on is None


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (lambda d: d.pop("leverantorer"), "leverantorer"),
        (lambda d: d["leverantorer"][0].update(id="12"), "8 siffror"),
        (lambda d: d["leverantorer"][0]["adresser"][0].update(postnummer="1"), "fem siffror"),
        (
            lambda d: d["leverantorer"][0]["adresser"][0]["koordinater"].update(latitud="x"),
            "koordinaterna ”x, .*” är inga tal",
        ),
        (lambda d: d["leverantorer"][0].update(nyval_tillatet="ja"), "nyval_tillatet"),
    ],
)
def test_a_page_in_another_shape_is_refused_with_a_clear_message(tmp_path, broken, message):
    data = page(1)
    broken(data)
    path = tmp_path / "sida.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=message):
        sync(str(path))
    assert not Office.objects.exists()


def test_without_pages_or_address_the_command_says_what_to_give():
    with pytest.raises(CommandError, match="--url"):
        sync()


IMPORT = "admin:afsync_officesync_import"


def upload(admin_client, paths):
    files = [SimpleUploadedFile(p.name, p.read_bytes(), "application/json") for p in paths]
    return admin_client.post(reverse(IMPORT), {"file": files})


def test_admin_upload_shows_the_dry_run_and_writes_only_when_confirmed(admin_client):
    response = upload(admin_client, PAGES)
    assert response.status_code == 200
    assert "Provkörning" in response.text
    assert "Storgatan 20, 585 71 Eksjö" in response.text
    assert not Office.objects.exists()
    confirmation = response.context["confirm_form"].initial
    response = admin_client.post(reverse(IMPORT), confirmation)
    sync_record = OfficeSync.objects.get()
    assert response.status_code == 302
    assert sync_record.synced_by.is_superuser
    assert Office.objects.count() == 70
    detail = admin_client.get(reverse("admin:afsync_officesync_change", args=[sync_record.pk]))
    assert "Storgatan 20, 585 71 Eksjö" in detail.text


def test_admin_upload_of_an_incomplete_list_says_why_and_writes_nothing(admin_client):
    response = upload(admin_client, PAGES[:2])
    assert response.status_code == 200
    assert "Listan är ofullständig: 40 avtal av 45." in response.text
    assert not Office.objects.exists()


def test_admin_upload_of_something_else_than_json_is_refused(admin_client, tmp_path):
    path = tmp_path / "sida.json"
    path.write_bytes(b"\xff\xfe not json")
    response = upload(admin_client, [path])
    assert "sida.json är ingen JSON-fil." in response.text


def test_admin_confirmation_with_broken_pages_writes_nothing(admin_client):
    response = admin_client.post(
        reverse(IMPORT), {"content": "W1sxCg==", "file_name": "sida-1.json"}
    )
    assert response.status_code == 302
    assert not Office.objects.exists()
    assert not OfficeSync.objects.exists()


def test_the_caseworker_page_says_plainly_when_af_no_longer_lists_a_contract(client):
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    Contract.objects.filter(ka_number="10079000").update(no_longer_listed_on="2026-11-30")
    Office.objects.filter(contract__ka_number="10079000").update(no_longer_listed_on="2026-11-30")
    response = client.get("/ka/10079000/")
    assert response.status_code == 200
    assert "listar inte avtalet sedan 30 november 2026" in response.text
    assert "listar inte kontoret sedan 30 november 2026" in response.text


def test_an_office_entered_by_hand_at_af_s_address_becomes_af_s_office_not_a_second_one():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    office = Office.objects.get(af_address_id="331121")
    Office.objects.filter(pk=office.pk).update(af_address_id="")
    plan = plan_sync(read_files(PAGES))
    assert plan.new_offices == []
    assert [changes for _, changes in plan.changed_offices] == [{"af_address_id": "331121"}]
    apply_sync(plan, source="test")
    assert Office.objects.filter(contract__ka_number="10079000").count() == 1


def test_taking_new_participants_reaches_the_contract_s_offices_entered_by_hand():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    closed = Contract.objects.get(ka_number="10079007")
    by_hand = OfficeFactory(contract=closed, taking_participants=True)
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    by_hand.refresh_from_db()
    assert by_hand.taking_participants is False


def test_every_listed_office_counts_as_checked_on_the_day_of_the_sync():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    Office.objects.update(verified_at="2025-01-01")
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    assert not Office.objects.exclude(verified_at=datetime.date.today()).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a.update(adressid=None), "adressid"),
        (lambda a: a.update(adressid="331467"), "två gånger"),
    ],
)
def test_a_missing_or_repeated_address_id_is_refused(tmp_path, change, message):
    data = page(1)
    change(data["leverantorer"][1]["adresser"][1])
    path = tmp_path / "sida.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=message):
        sync(str(path))


def test_af_s_grade_file_settles_the_area_the_sync_could_only_guess():
    apply_sync(plan_sync(read_files(PAGES)), source="test")
    contract = Contract.objects.get(ka_number="10079000")
    assert contract.delivery_area_guessed
    guessed = contract.delivery_area.name
    grade_file = read_grade_file(
        "Leverantörsnamn;Leveransområde;Af Region;Ka-Nummer;mars 2026\n"
        "Stegresurs i Sverige AB;Jönköping;Öst;10079000;3\n".encode()
    )
    import_grade_file(grade_file)
    contract.refresh_from_db()
    assert (contract.delivery_area.name, contract.delivery_area_guessed) == ("Jönköping", False)
    assert contract.current_grade == 3
    assert guessed == "Vetlanda"  # Eksjö, in our approximate mapping
    assert contract.offices.count() == 1
