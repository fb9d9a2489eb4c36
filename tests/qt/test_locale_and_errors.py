"""Issue 11, point 6: errors as translated sentences that say what to do (the technical text
behind "Details"), the language setting checked, numbers, language names and phone numbers
as a Norwegian reader writes them."""

from __future__ import annotations

import concurrent.futures
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import QLocale
from test_desk_secrets import shown  # noqa: F401 (the fixture: the desk's error dialogs)

from operator_app import paths
from operator_app.app import run
from operator_app.cli.desk_args import desk_parser
from operator_app.domain.records import Contact
from operator_app.ui.common import i18n

pytestmark = pytest.mark.qt

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "feed"))


@pytest.fixture
def nb(qapp: Any, tmp_path: Path) -> Iterator[Any]:
    """The application in bokmål; afterwards English, the locale and base dir restored."""
    saved_locale = QLocale()
    paths.set_base_dir(tmp_path / "tr")
    i18n.install(qapp, "nb")
    try:
        yield qapp
    finally:
        i18n.install(qapp, "en")
        i18n.remove(qapp)  # the source texts again, as the other tests expect
        QLocale.setDefault(saved_locale)
        paths.set_base_dir(None)


def _free_port() -> int:
    with socket.socket() as s:  # a loopback port nobody listens on once closed
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sentence_and_detail(text: str) -> tuple[str, str]:
    sentence, _, detail = text.partition("\n")
    return sentence, detail


@pytest.mark.parametrize(("url", "said", "technical"), [
    ("foo://nowhere/db", "viser til en databasetype pulten ikke kan bruke",
     "Can't load plugin: sqlalchemy.dialects:foo"),
    (f"postgresql+psycopg://desk@127.0.0.1:{_free_port()}/desk",
     "Pulten får ikke kontakt med databaseserveren", "OperationalError"),
])
def test_database_open_error_is_a_bokmal_sentence_with_the_technical_text_in_details(
    tmp_path: Path, shown: list[str], url: str, said: str, technical: str,  # noqa: F811
) -> None:
    args = desk_parser().parse_args(["--data-dir", str(tmp_path / "base"), "--db", url])
    assert run(args) == 1
    assert len(shown) == 1
    sentence, detail = _sentence_and_detail(shown[0])
    assert said in sentence and "IT-brukerstøtte" in sentence
    assert technical not in sentence and "Error" not in sentence  # no English technical text
    assert technical in detail and url in detail


def test_unknown_language_stops_the_desk_naming_the_choices(
    tmp_path: Path, shown: list[str], monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    monkeypatch.setenv("OPERATOR_APP_LANGUAGE", "de")
    args = desk_parser().parse_args(["--data-dir", str(tmp_path / "base")])
    assert run(args) == 2
    sentence, detail = _sentence_and_detail(shown[0])
    assert sentence.startswith("Språkinnstillingen «de» er ikke et språk pulten kan.")
    assert "nb (norsk bokmål), nn (norsk nynorsk) eller en (English)" in sentence
    assert "unknown language 'de'" in detail


def test_error_dialog_keeps_the_detail_behind_details(qtbot: Any, nb: Any) -> None:
    from operator_app.domain.user_errors import ErrorKind
    from operator_app.ui.common.user_errors import ErrorDialog

    dialog = ErrorDialog(ErrorKind.TOKEN_FILE, "cannot read token file /x: permissions 0644")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.text().startswith("Pulten får ikke lest nøkkelfilen")
    assert dialog.details_button.text() == "Detaljer"
    assert dialog.details.isHidden()
    dialog.details_button.click()
    assert dialog.details.isVisible() and "permissions 0644" in dialog.detail_text()


def test_feed_connect_error_is_said_in_bokmal_with_the_reason_in_the_tooltip(
    window: Any, bridge: Any, nb: Any,
) -> None:
    from feed_harness import MemorySink, Recorder, make_client, running, wait_until

    rec = Recorder()
    with concurrent.futures.ThreadPoolExecutor(1) as pool, running(make_client(
            f"ws://127.0.0.1:{_free_port()}/feed", MemorySink(), rec, pool)):
        wait_until(lambda: any((s.reason or "").startswith("cannot connect")
                               for s in list(rec.statuses)), timeout=10, what="a refused connect")
    status = next(s for s in rec.statuses if (s.reason or "").startswith("cannot connect"))
    bridge.statusChanged.emit(status)
    warning = window.feed_warning.text()
    assert "Pulten får ikke kontakt med alarmmottaket" in warning
    assert "cannot connect" not in warning and "Error" not in warning
    assert status.reason in window.feed_warning.toolTip()
    assert window.status.reason_label.text() == "får ikke kontakt med alarmmottaket"
    assert "ConnectionRefusedError" in window.status.reason_label.toolTip()
    assert not window.status.stream_label.isVisible()  # the stream id is not on the bar


def test_numbers_use_the_locales_decimal_separator(nb: Any) -> None:
    from operator_app.domain.connection import ConnectionStatus, LinkState
    from operator_app.ui.common.numbers import number, percent, seconds
    from operator_app.ui.measurements.parameter_labels import format_value
    from operator_app.ui.shell.status_bar import DeskStatusBar

    assert (number(18.2, 1), percent(0.182), seconds(0.03)) == ("18,2", "18,2 %", "0,03 s")
    assert number(12345.5, 1) == "12\N{NO-BREAK SPACE}345,5"  # grouped as bokmål writes it
    assert percent(None) == "–"
    assert format_value("8310-5", 37.85) == "37,9"  # body temperature, one decimal
    bar = DeskStatusBar("anne", "RS-03")
    bar.set_status(ConnectionStatus(LinkState.CONNECTED, "ws://feed", lag_s=0.25, stream="s1",
                                    last_applied_seq=7))
    assert bar.lag_label.text() == "forsinkelse 0,25 s"
    assert "s1" in bar.indicator.toolTip()
    bar.deleteLater()


def test_plural_alarm_counts(nb: Any) -> None:
    from operator_app.ui.handover.handover_pdf import HandoverPdf

    assert HandoverPdf.tr("%n alarm(s)", "", 1) == "1 alarm"
    assert HandoverPdf.tr("%n alarm(s)", "", 3) == "3 alarmer"


@pytest.mark.parametrize(("code", "bokmal", "english"), [
    ("se", "nordsamisk (davvisámegiella)", "Northern Sami (davvisámegiella)"),
    ("nb", "norsk bokmål", "Norwegian Bokmål"),
    ("nb-NO", "norsk bokmål", "Norwegian Bokmål"),
    ("pl", "polsk (polski)", "Polish (polski)"),
    ("xx", "xx", "xx"),  # not a language Qt knows: shown as it is
    ("bokmål; hard of hearing", "bokmål; hard of hearing", "bokmål; hard of hearing"),
])
def test_language_codes_are_shown_by_name(qapp: Any, tmp_path: Path, code: str, bokmal: str,
                                          english: str) -> None:
    from operator_app.ui.common.labels import language_name

    assert language_name(code) == english
    saved = QLocale()
    paths.set_base_dir(tmp_path)
    try:
        i18n.install(qapp, "nb")
        assert language_name(code) == bokmal
    finally:
        i18n.install(qapp, "en")
        i18n.remove(qapp)  # the source texts again, as the other tests expect
        QLocale.setDefault(saved)
        paths.set_base_dir(None)


def test_patient_panel_groups_phone_numbers_and_names_the_language(qtbot: Any) -> None:
    from qt_samples import sample_patient

    from operator_app.domain.views import PatientView
    from operator_app.ui.triage.patient_panel import PatientPanel

    record = msgspec.structs.replace(
        sample_patient().record, phone="22123456", language="se",
        contacts=[Contact(name="Hans", relation="Son", phone="+4791234567", order=1)])
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.set_patient("P-1", PatientView(record))
    assert panel.fields["phone"].text() == "22 12 34 56"
    assert panel.fields["language"].text() == "Northern Sami (davvisámegiella)"
    assert panel.contact_rows[0][3].text() == "+47 912 34 567"
