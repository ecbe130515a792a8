"""Every command of the command line, every option and every action word has help text
in both languages and is described in the README or docs/ (sqlite-utils' test_docs.py is
the model): a command nobody can find out about is not there for the clerk."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from hbt_desktop.cli.parser import build_parser
from hbt_desktop.core import i18n

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _help_of_commands(parser: argparse.ArgumentParser) -> dict[str, str]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {a.dest: a.help or "" for a in sub._choices_actions}


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
    ]


PARSER = build_parser()
COMMANDS = _commands(PARSER)


def test_the_parser_has_the_commands() -> None:
    assert len(COMMANDS) > 20 and {"bulletin", "package", "sheet", "restore"} <= set(COMMANDS)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_command_and_option_has_help(language: str) -> None:
    i18n.set_language(language)
    parser = build_parser()
    missing = [f"hbt-desktop {a.option_strings}" for a in _options(parser) if not a.help]
    for name, help_text in _help_of_commands(parser).items():
        if not help_text.strip():
            missing.append(name)
    for name, command in _commands(parser).items():
        missing += [f"{name} {a.option_strings or a.dest}" for a in _options(command) if not a.help]
    assert missing == []


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_described_in_the_docs(name: str) -> None:
    assert re.search(rf"hbt-desktop (?:--?\S+(?: \S+)? )*{re.escape(name)}\b", DOCS), name


@pytest.mark.parametrize(
    "option", [o for a in _options(PARSER) for o in a.option_strings if o.startswith("--")]
)
def test_every_option_of_the_program_is_described_in_the_docs(option: str) -> None:
    assert re.search(rf"{re.escape(option)}\b", DOCS), option


@pytest.mark.parametrize(
    ("name", "option"),
    sorted(
        (name, option)
        for name, command in COMMANDS.items()
        for action in _options(command)
        for option in action.option_strings
        if option.startswith("--")
    ),
)
def test_every_option_is_described_in_the_docs(name: str, option: str) -> None:
    assert re.search(rf"{re.escape(option)}\b", DOCS), f"{name} {option}"


@pytest.mark.parametrize(
    ("name", "word"),
    sorted(
        (name, str(choice))
        for name, command in COMMANDS.items()
        for action in _options(command)
        if not action.option_strings and action.choices
        for choice in action.choices
    ),
)
def test_every_action_word_is_described_in_the_docs(name: str, word: str) -> None:
    """``package accept``, ``backup mirror``, ``import units`` …"""
    assert re.search(rf"\b{re.escape(name)} {re.escape(word)}\b", DOCS), f"{name} {word}"
