"""What the CLI prints for outputs: one line cut at a word, Markdown with the prose first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from global_orchestrator.cli_view import one_line, output_markdown, output_text

WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), min_size=1, max_size=40)


@given(WORDS, st.integers(min_value=10, max_value=90))
def test_one_line_fits_and_never_ends_inside_a_word(words: list[str], width: int) -> None:
    text = " ".join(words)
    line = one_line(text, width)
    assert len(line) <= width
    if line == text:
        return
    assert line.endswith("…")
    kept = line[:-1].split(" ")
    # every kept word is whole, except a single word longer than half the width (cut hard)
    assert kept[:-1] == words[: len(kept) - 1]
    assert kept[-1] == words[len(kept) - 1] or len(kept) == 1


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ({"brief": "Go **now**", "text": "other"}, "Go **now**"),
        ({"summary": "  ", "text": "used"}, "used"),
        ({"options": [{"a": 1}], "n": 2}, "options: 1 item(s); n: 2"),
        ("plain", "plain"),
    ],
)
def test_output_text_prefers_prose(output: object, expected: str) -> None:
    assert output_text(output) == expected


def test_output_markdown_shows_a_brief_alone() -> None:
    md = output_markdown({"brief": "# Brief\n\nBody.", "facts": {"budget": "5000"}, "prose": "Body."})
    assert md == "# Brief\n\nBody."


def test_output_markdown_puts_prose_first_then_fields() -> None:
    md = output_markdown(
        {"channels": ["tiktok", "email"], "summary": "# Summary\n\nBody.", "budget": {"tiktok": "2500.00"}}
    )
    assert md.startswith("# Summary\n\nBody.")
    assert "**channels**\n\n- tiktok\n- email" in md
    assert "**budget**\n\n- tiktok: 2500.00" in md


def test_hints_never_print_a_database_password() -> None:
    from global_orchestrator.cli_view import shown_db

    assert (
        shown_db("postgresql://app:s3cr%40t@db.example:5432/orch")
        == "postgresql://app:***@db.example:5432/orch"
    )
    assert shown_db("postgresql://app@127.0.0.1/test") == "postgresql://app@127.0.0.1/test"
    assert shown_db("sqlite:///.orchestrator/state.db") == "sqlite:///.orchestrator/state.db"
    assert shown_db("memory") == "memory"
