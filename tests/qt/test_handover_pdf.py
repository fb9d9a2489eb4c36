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
    assert "2026-11-24 23:00 – 2026-11-25 07:00 (Europe/Oslo)" in text
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
    with out_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
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
    assert out_csv.read_text(encoding="utf-8").startswith("section,key,value")
    assert handover_main(["--db", url, "--shift", "2026-11-24:brunch"]) == 2


def test_cli_takes_the_centres_own_shifts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    _fill(url)
    day = SHIFT.split(":")[0]
    assert handover_main(["--db", url, "--shift", f"{day}:brunch",
                          "--shifts", "early=07:00,brunch=11:00,late=19:00"]) == 0
    assert f"handover {day}:brunch" in capsys.readouterr().out
    assert handover_main(["--db", url, "--shift", f"{day}:brunch", "--shifts", "early"]) == 2
