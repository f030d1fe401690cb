"""The right-to-left layout for terminals without BiDi."""

from hypothesis import given
from hypothesis import strategies as st

from archive_search.output import bidi


def test_arabic_line_is_reversed_and_shaped():
    shown, order = bidi.visual("مخيم الهول")
    assert order == list(range(9, -1, -1))
    # the last letter of الهول comes first on screen: lam, isolated after waw (ﻝ)
    assert shown[0] == "\ufedd"
    # and the first letter of مخيم comes last: meem in its initial form (ﻣ)
    assert shown[-1] == "\ufee3"
    assert len(shown) == len("مخيم الهول")


def test_numbers_and_latin_keep_their_direction():
    shown, _ = bidi.visual("في عام 2019 قال")
    assert "2019" in shown
    shown, _ = bidi.visual("تنظيم ISIS الإرهابي")
    assert "ISIS" in shown


def test_harakat_stay_after_their_letter():
    shown, order = bidi.visual("مُخَيَّم")
    # each mark follows its base letter on screen
    assert order == [7, 4, 5, 6, 2, 3, 0, 1]


def test_brackets_are_mirrored():
    shown, _ = bidi.visual("(مرحبا)")
    assert shown[0] == "(" and shown[-1] == ")"


def test_auto_mode(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    class Pipe:
        def isatty(self):
            return False

    assert bidi.enabled("auto", Tty(), {"TERM": "xterm"})
    assert not bidi.enabled("auto", Tty(), {"VTE_VERSION": "7600"})
    assert not bidi.enabled("auto", Pipe(), {"TERM": "xterm"})
    assert bidi.enabled("auto", Pipe(), {"ARCHIVE_SEARCH_BIDI": "on"})
    assert not bidi.enabled("auto", Tty(), {"ARCHIVE_SEARCH_BIDI": "off"})
    assert bidi.enabled("on") and not bidi.enabled("off")


@given(st.text())
def test_visual_is_a_permutation(text):
    shown, order = bidi.visual(text)
    assert sorted(order) == list(range(len(text)))
    assert len(shown) == len(text)
