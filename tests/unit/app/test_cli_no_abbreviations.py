"""Issue 9, point 7: no command of the product accepts an abbreviated flag. ``--token X`` must
never be taken for ``--token-file X`` (a secret on the command line, read by ``ps``)."""

from __future__ import annotations

import argparse
import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from operator_app.cli import (
    credentials_cmd,
    devices_cmd,
    handover_cmd,
    journal_cmd,
    log_cmd,
    scaip_gateway_cmd,
    stats_cmd,
)
from operator_app.cli.desk_args import desk_parser
from operator_app.feed.simulator.main import _parser as simulate_parser

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]

#: every command of the product: operator-app, simulate, credentials, log, handover,
#: scaip-gateway, devices
PARSERS: dict[str, Callable[[], argparse.ArgumentParser]] = {
    "operator-app": desk_parser,
    "simulate": simulate_parser,
    "credentials": credentials_cmd.parser,
    "log": log_cmd.parser,
    "handover": handover_cmd.parser,
    "scaip-gateway": scaip_gateway_cmd.parser,
    "devices": devices_cmd.parser,
    "journal": journal_cmd.parser,
    "stats": stats_cmd.parser,
}


def _walk(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _walk(sub)


def _long_options(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings
            if o.startswith("--") and o not in ("--help", "--version")]


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_every_parser_and_subparser_refuses_abbreviations(name: str) -> None:
    parsers = list(_walk(PARSERS[name]()))
    for parser in parsers:
        assert parser.allow_abbrev is False, parser.prog
        for option in _long_options(parser):
            prefix = option[:-1]
            if any(o.startswith(prefix) and o != option for o in _long_options(parser)):
                continue  # argparse would call it ambiguous anyway
            # a lone prefix with its value: refused, never taken for the full flag
            with pytest.raises(SystemExit) as refused:
                parser.parse_args([*_required_args(parser), prefix, "x"])
            assert refused.value.code == 2, (parser.prog, prefix)


def _required_args(parser: argparse.ArgumentParser) -> list[str]:
    """Just enough arguments for the parser to accept an otherwise valid line."""
    valid = {
        "operator-app simulate": ["--token-file", "t"],
        "operator-app log export": ["--db", "sqlite:///x.db", "--since", "2026-11-24T00:00Z"],
        "operator-app handover": ["--db", "sqlite:///x.db", "--shift", "2026-11-24:night"],
        "operator-app credentials": ["check", "feed"],
        "operator-app devices": ["list"],
        "operator-app journal export": ["--since", "2026-11-24T00:00Z"],
        "operator-app stats": ["--db", "sqlite:///x.db", "--shift", "2026-11-24:night"],
    }
    return list(valid.get(parser.prog, []))


@pytest.mark.parametrize(("command", "argv", "error"), [
    ("operator-app", ["--token", "s3cret"], "unrecognized arguments: --token s3cret"),
    # with abbreviations this was a valid line: --token-file s3cret (a secret in argv)
    ("simulate", ["--token", "s3cret"], "unrecognized arguments: --token s3cret"),
    ("simulate", ["--token-file", "t", "--token", "s3cret"], "unrecognized arguments: --token s3cret"),
])
def test_token_is_refused_where_only_token_file_exists(
    command: str, argv: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = PARSERS[command]()
    assert "--token-file" in _long_options(parser) and "--token" not in _long_options(parser)
    with pytest.raises(SystemExit) as refused:
        parser.parse_args(argv)
    assert refused.value.code == 2
    assert error in capsys.readouterr().err


def test_the_command_line_refuses_token_before_anything_runs(
    capsys: pytest.CaptureFixture[str]
) -> None:
    from operator_app import cli

    with pytest.raises(SystemExit) as refused:
        cli.main(["simulate", "--port", "0", "--token", "s3cret"])
    assert refused.value.code == 2
    assert "--token" in capsys.readouterr().err


def test_no_parser_in_the_product_is_built_without_allow_abbrev_false() -> None:
    """A parser added later (a new command) is caught too: every ``ArgumentParser(...)`` and
    ``add_parser(...)`` call in the product's source passes ``allow_abbrev=False``."""
    found = 0
    for source in (ROOT / "operator_app").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("ArgumentParser", "add_parser"):
                continue
            found += 1
            assert any(k.arg == "allow_abbrev" and isinstance(k.value, ast.Constant)
                       and k.value.value is False for k in node.keywords), (
                f"{source.relative_to(ROOT)}:{node.lineno}: {name}(...) without allow_abbrev=False")
    assert found >= 6  # desk, simulate, credentials, log, log export, handover
