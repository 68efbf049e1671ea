"""Every command is documented: in the README and in its own --help, with a real example."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_every_command_is_registered():
    assert sorted(_subparsers()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name):
    sub = _subparsers()[name]
    text = sub.format_help()
    assert sub.description or sub.format_usage()
    assert re.search(rf"eventwire {name}\b", text), f"`eventwire {name} --help` shows no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_documents_every_command(name):
    assert re.search(rf"eventwire {name}\b", README), f"README does not show `eventwire {name}`"


def test_readme_opens_with_the_two_commands():
    head = README[:2500]
    assert "make demo" in head and "make test" in head
