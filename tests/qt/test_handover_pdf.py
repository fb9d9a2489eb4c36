"""Handover PDF (Qt's writer) and the headless ``handover`` command writing PDF and CSV."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from accounts_seed import seed

from operator_app.cli.handover_cmd import main as handover_main
from operator_app.domain.alarms import Outcome
from operator_app.domain.records import AlarmRecord, FeedEvent, PatientRecord
from operator_app.domain.shifts import DEFAULT_SCHEDULE
from operator_app.store import Store

pytestmark = pytest.mark.qt

SHIFT = "2026-11-24:night"  # 22:00-06:00 UTC
T = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)


def _fill(url: str) -> None:
    now = [T]
    with seed(Store.open(url, clock=lambda: now[0])) as store:
        shift = store.shift
        evs = [FeedEvent(seq=1, type="patient.upsert", data=PatientRecord(id="P-1", name="Kari"))]
        for i in range(30):
            evs.append(
                FeedEvent(
                    seq=2 + i,
                    type="alarm.raised",
                    data=AlarmRecord(
                        id=f"A-{i}",
                        patient_id=f"P-{i % 7}",
                        kind="fall" if i % 5 else "=cmd()",
                        raised_at=T + timedelta(minutes=i * 10),
                    ),
                )
            )
        store.apply_batch("feed", "S", evs, T)
        store.attach_pending([f"A-{i}" for i in range(30)])
        now[0] = T + timedelta(seconds=40)
        for v in store.open_alarms()[:4]:
            store.claim(v.id, "kari", "ws")
            store.close_alarm(v.id, "kari", "ws", Outcome.RESOLVED_BY_PHONE, "ok")
        shift.schedule_callback("P-1", T + timedelta(hours=1), "Ring Kari", None, "kari")
        shift.add_note(SHIFT, "kari", "Kari's door sensor needs a new battery.")
        now[0] = T + timedelta(hours=8)
        shift.sign_off(DEFAULT_SCHEDULE, SHIFT, "liv")
        shift.add_note(SHIFT, "ola", "Addendum: battery replaced 07:30.")


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        pytest.skip("neither pdftotext nor QtPdf is available to read the PDF back")
    doc = QPdfDocument()
    doc.load(str(path))
    return "\n".join(doc.getAllText(i).text() for i in range(doc.pageCount()))


def test_pdf_has_header_on_every_page(qapp: object, tmp_path: Path) -> None:
    from operator_app.ui.handover.handover_pdf import write_handover_pdf

    url = f"sqlite:///{tmp_path / 'd.db'}"
    _fill(url)
    with seed(Store.open(url)) as store:
        h = store.shift.handover(DEFAULT_SCHEDULE, SHIFT)
    out = tmp_path / "h.pdf"
    pages = write_handover_pdf(h, out, centre="Bodø responssenter")
    assert pages >= 1 and out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out)
    assert text.count("Bodø responssenter") >= pages
    assert "Night 24.–25.11.2026, 23:00–07:00 (Europe/Oslo)" in text
    assert text.count("Bodø responssenter · Night 24.–25.11.2026") == pages  # the footer
    assert "2026-11-24:night" not in text  # never the internal key
    assert "Kari" in text  # the overdue callback's patient by name
    assert "Shift lead: liv" in text and f"Page {pages} of {pages}" in text
    assert "TARGET" in text and "ADDENDUM" in text and "battery replaced" in text


def test_cli_writes_pdf_and_csv(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    _fill(url)
    pdf, out_csv = tmp_path / "o.pdf", tmp_path / "o.csv"
    rc = handover_main(
        [
            "--db",
            url,
            "--shift",
            SHIFT,
            "--pdf",
            str(pdf),
            "--csv",
            str(out_csv),
            "--centre",
            "Bodø",
        ]
    )
    assert rc == 0 and pdf.stat().st_size > 1000
    assert "handover 2026-11-24:night (signed off by liv): 30 alarms" in capsys.readouterr().out
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbfsection;key;value\r\n")
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert ["summary", "total", "30"] in rows and ["summary", "signed_off_by", "liv"] in rows
    kinds = [r[2] for r in rows if r and r[0].startswith("A-")]
    assert "'=cmd()" in kinds  # formula-injection guard
    assert any(r[-2:] == ["yes", "Addendum: battery replaced 07:30."] for r in rows)


def test_cli_as_subprocess_csv_only_and_bad_shift(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    _fill(url)
    out_csv = tmp_path / "o.csv"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_app.cli.handover_cmd",
            "--db",
            url,
            "--shift",
            SHIFT,
            "--csv",
            str(out_csv),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out_csv.read_text(encoding="utf-8").startswith("\ufeffsection;key;value")
    assert handover_main(["--db", url, "--shift", "2026-11-24:brunch"]) == 2


def test_cli_takes_the_centres_own_shifts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    _fill(url)
    day = SHIFT.split(":")[0]
    assert handover_main(["--db", url, "--shift", f"{day}:brunch",
                          "--shifts", "early=07:00,brunch=11:00,late=19:00"]) == 0
    assert f"handover {day}:brunch" in capsys.readouterr().out
    assert handover_main(["--db", url, "--shift", f"{day}:brunch", "--shifts", "early"]) == 2


def _rows(path: Path, dialect: str) -> list[list[str]]:
    if dialect == "excel-nb":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh, delimiter=";"))
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("dialect", ["excel-nb", "rfc4180"])
def test_csv_dialects_parse_back_with_local_times_whole_seconds(
    tmp_path: Path, dialect: str
) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    _fill(url)
    out_csv = tmp_path / "o.csv"
    assert handover_main(["--db", url, "--shift", SHIFT, "--csv", str(out_csv),
                          "--csv-dialect", dialect]) == 0
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (dialect == "excel-nb")
    rows = _rows(out_csv, dialect)
    assert rows[0] == ["section", "key", "value"]
    summary = {r[1]: r[2] for r in rows if len(r) == 3 and r[0] == "summary"}
    # local time with the offset (CET in November), whole seconds: parsed back to the instant
    assert summary["start"] == "2026-11-24T23:00:00+01:00"
    assert datetime.fromisoformat(summary["signed_off_at"]) == T + timedelta(hours=8)
    alarms = next(i for i, r in enumerate(rows) if r and r[0] == "alarm_id")
    for row in rows[alarms + 1:]:
        if not row:
            break
        received = datetime.fromisoformat(row[5])
        assert received.utcoffset() == timedelta(hours=1) and received.microsecond == 0
        assert "." not in row[5] and not row[5].endswith("Z")
    # a share: decimal comma in the Norwegian form, point in RFC 4180
    share = summary["answered_within_60s_share"]
    assert share == ("0,6" if dialect == "excel-nb" else "0.6")
    assert all(len(r) == 3 for r in rows[:alarms - 1] if r)  # one cell per column, none split


def test_csv_open_alarms_by_priority_then_age_with_names(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    now = [T]
    with seed(Store.open(url, clock=lambda: now[0])) as store:
        evs = [FeedEvent(seq=1, type="patient.upsert", data=PatientRecord(id="P-1", name="Kari")),
               FeedEvent(seq=2, type="patient.upsert", data=PatientRecord(id="P-2", name="Ola"))]
        store.apply_batch("feed", "S", evs, T)
        plan = [("L-old", "P-1", "device_battery_low", 0), ("M-new", "P-2", "door_open", 30),
                ("H-new", "P-1", "fall", 40), ("H-old", "P-2", "fall", 10),
                ("M-old", "P-2", "door_open", 5)]
        for seq, (aid, pid, kind, minutes) in enumerate(plan, start=3):
            at = T + timedelta(minutes=minutes)
            store.apply_batch("feed", "S", [FeedEvent(seq=seq, type="alarm.raised", data=AlarmRecord(
                id=aid, patient_id=pid, kind=kind, raised_at=at))], at)
        now[0] = T + timedelta(minutes=50)
        store.claim("H-new", "kari", "ws")
        h = store.shift.handover(DEFAULT_SCHEDULE, SHIFT, as_of=T + timedelta(hours=1))
    from operator_app.domain.handover_report import open_alarm_rows

    rows = open_alarm_rows(h)
    assert [r.fact.id for r in rows] == ["H-old", "H-new", "M-old", "M-new", "L-old"]
    assert [r.patient_name for r in rows[:2]] == ["Ola", "Kari"]
    assert rows[0].age_s == 50 * 60 and rows[1].claimed_by == "kari"
    assert h.running  # figures as of 01:00 in a shift that ends at 07:00
    out_csv = tmp_path / "o.csv"
    assert handover_main(["--db", url, "--shift", SHIFT, "--csv", str(out_csv),
                          "--as-of", (T + timedelta(hours=1)).isoformat()]) == 0
    csv_rows = _rows(out_csv, "excel-nb")
    head = csv_rows.index(["open_alarm_id", "patient_id", "patient_name", "kind", "priority",
                           "received_at", "age_s", "claimed_by"])
    listed = [r for r in csv_rows[head + 1:] if r]
    assert [r[0] for r in listed] == ["H-old", "H-new", "M-old", "M-new", "L-old"]
    assert listed[0][2] == "Ola" and listed[0][6] == "3000" and listed[1][7] == "kari"


def test_pdf_running_shift_wording_and_open_list_by_urgency(qapp: object, tmp_path: Path) -> None:
    from operator_app.ui.handover.handover_pdf import write_handover_pdf

    url = f"sqlite:///{tmp_path / 'd.db'}"
    with seed(Store.open(url, clock=lambda: T)) as store:
        store.apply_batch("feed", "S", [
            FeedEvent(seq=1, type="patient.upsert", data=PatientRecord(id="P-1", name="Kari Nordmann")),
            FeedEvent(seq=2, type="alarm.raised", data=AlarmRecord(
                id="A-1", patient_id="P-9", kind="door_open", raised_at=T)),
            FeedEvent(seq=3, type="alarm.raised", data=AlarmRecord(
                id="A-2", patient_id="P-1", kind="fall", raised_at=T))], T)
        h = store.shift.handover(DEFAULT_SCHEDULE, SHIFT, as_of=T + timedelta(minutes=30))
    out = tmp_path / "r.pdf"
    write_handover_pdf(h, out, centre="Bodø")
    text = " ".join(_pdf_text(out).split())
    assert "at shift end" not in text
    assert "Open now, the shift is still on (2)" in text
    # the fall (high) before the door (medium); names, or "Unknown patient" with the id
    assert text.index("Kari Nordmann") < text.index("Unknown patient P-9")
