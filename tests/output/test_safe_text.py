"""No control sequence from an article reaches the terminal: its escapes are shown, never obeyed.

Cases from the fault matrix: a title or body holding ESC]0;…BEL (retitles the
window), ESC[2J (clears the screen), ESC]8;;URL (plants a hyperlink), DCS and
APC strings, and the C1 controls U+009B (CSI) and U+009D (OSC), in rich
output with colour, with --color never, with --bidi on, from show, stats and
--facets; a speaker or topic written as Rich markup.
"""

import io
import json
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from archive_search.output.safe_text import json_safe, safe
from archive_search.output.terminal import render_article, render_facets, render_hits, render_stats
from archive_search.search.records import Hit, StoredArticle
from archive_search.search.snippets import Fragment
from tests.terminal import run_on_terminal

HOSTILE = {
    "retitle": "\x1b]0;owned\x07",
    "clear": "\x1b[2J",
    "hyperlink": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "dcs": "\x1bP1$r0m\x1b\\",
    "apc": "\x1b_payload\x1b\\",
    "csi_c1": "\x9b2J",
    "osc_c1": "\x9d0;owned\x9c",
    "bidi_override": "\u202eنص معكوس",
}
# What our own styling writes: SGR sequences (colours, bold) and nothing else.
OWN_STYLING = re.compile(rb"\x1b\[[0-9;]*m")


def assert_no_foreign_sequences(written: bytes) -> None:
    rest = OWN_STYLING.sub(b"", written)
    assert b"\x1b" not in rest, rest[max(0, rest.find(b"\x1b") - 20):rest.find(b"\x1b") + 20]
    text = rest.decode("utf-8", errors="replace")
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert "\x07" not in text


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    corpus.mkdir()
    with open(corpus / "hostile.jsonl", "w", encoding="utf-8") as f:
        for n, (name, payload) in enumerate(HOSTILE.items()):
            f.write(json.dumps({
                "id": name, "title": f"مخيم {payload} الهول", "body": f"افتتح مخيم جديد {payload} قرب الحدود.",
                "speakers": [f"ليلى {payload}", "[link=file:///etc/passwd]y[/link]", "[/bold]"],
                "topic": f"[red]{payload}[/red]", "date": f"2020-01-{n + 1:02d}",
            }, ensure_ascii=False) + "\n")
    index = corpus.parent / "index"
    code, _ = run_on_terminal("--corpus", corpus, "--index", index, "rebuild-index")
    assert code == 0
    return index


@pytest.mark.parametrize("command", [
    ["search", "مخيم"], ["--color", "never", "search", "مخيم"], ["search", "مخيم", "--bidi", "on"],
    ["search", "مخيم", "--facets"], ["show", "hostile.jsonl#retitle"], ["show", "hostile.jsonl#osc_c1"],
    ["stats"], ["search", "مخيم", "-f", "jsonl"], ["show", "hostile.jsonl#csi_c1", "-f", "json"],
])
def test_no_escape_of_an_article_reaches_the_terminal(hostile_index, command):
    code, written = run_on_terminal("--index", hostile_index, *command)
    assert code == 0, written.decode("utf-8", "replace")
    assert_no_foreign_sequences(written)


def test_markup_in_speakers_and_topics_is_text(hostile_index):
    code, written = run_on_terminal("--index", hostile_index, "--color", "never", "stats")
    assert code == 0
    shown = written.decode("utf-8")
    assert "[link=file:///etc/passwd]y[/link]" in shown and "[/bold]" in shown
    code, written = run_on_terminal("--index", hostile_index, "--color", "never", "search", "مخيم", "--facets")
    assert code == 0 and "[/bold]" in written.decode("utf-8")


def test_escapes_are_shown_as_visible_characters(hostile_index):
    code, written = run_on_terminal("--index", hostile_index, "--color", "never", "show", "hostile.jsonl#retitle", "--bidi", "off")
    assert "\u241b]0;owned\u2407" in written.decode("utf-8")  # ␛]0;owned␇


def test_json_keeps_the_text_but_escapes_controls(hostile_index):
    code, written = run_on_terminal("--index", hostile_index, "search", "مخيم", "-f", "jsonl")
    hits = {hit["id"]: hit for hit in map(json.loads, written.decode("utf-8").splitlines())}
    assert HOSTILE["osc_c1"] in hits["hostile.jsonl#osc_c1"]["title"]  # decoded back to the very same text
    assert HOSTILE["bidi_override"] in hits["hostile.jsonl#bidi_override"]["title"]


# Every control character, escape sequences, bidi controls and Rich markup, among Arabic.
hostile_text = st.lists(st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x9f),
    st.sampled_from(list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029[]/=:;")),
    st.sampled_from(list("مخيم الهول")),
    st.sampled_from(["\x1b]0;", "\x1b[2J", "\x1b]8;;", "\x1bP", "\x1b_", "[link=x]", "[/", "[bold]"]),
), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(hostile_text, hostile_text, hostile_text, hostile_text)
def test_rendering_writes_no_sequence_but_its_own_styling(title, body, speaker, topic):
    hit = Hit(rank=1, id=f"{title}.txt", score=1.0, title=title, speakers=[speaker], date="2020-01-01",
              topic=topic, topic_predicted=False, source=None, url=None, path=None,
              fragments=[Fragment(body, [(0, min(3, len(body)))] if body else [])],
              title_spans=[(0, min(2, len(title)))] if title else [])
    article = StoredArticle(id=hit.id, title=title, speakers=[speaker], date=None, topic=topic,
                            topic_predicted=False, source=speaker, url=body, path=None, body=body)
    for bidi in (False, True):
        out = io.StringIO()
        console = Console(file=out, force_terminal=True, color_system="truecolor", width=80)
        render_hits(console, [hit], bidi=bidi)
        render_article(console, article, bidi=bidi)
        render_facets(console, {"speaker": Counter({speaker: 1}), "topic": Counter({topic: 1})})
        render_stats(console, {"articles": 1, "dated_articles": 0, "first_date": None, "last_date": None,
                               "index_bytes": 1, "index_dir": title, "corpus_dir": body,
                               "last_update": "2020", "top_speakers": [(speaker, 1)], "topics": [(topic, 1)]})
        assert_no_foreign_sequences(out.getvalue().encode("utf-8"))


@given(st.text())
def test_safe_keeps_the_length_and_json_safe_round_trips(text):
    assert len(safe(text)) == len(text)
    assert json.loads(json_safe(json.dumps(text, ensure_ascii=False))) == text
