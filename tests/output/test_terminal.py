"""Rich output: titles and highlights, bidi layout keeping highlights on their words, no colour under NO_COLOR."""

import re


def test_rich_output_has_title_and_highlight_text(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم الهول", "--bidi", "off")
    assert result.exit_code == 0
    assert "إعادة عشرات الأطفال من مخيم الهول إلى بلدانهم" in result.stdout
    assert "hits 1–" in result.stderr


def test_bidi_on_highlight_holds_reordered_word(run, sample_index):
    from archive_search.output.bidi import visual

    result = run("--index", sample_index, "--color", "always", "search", "كوباني", "--bidi", "on",
                 "--limit", "1", env={"NO_COLOR": None})
    assert result.exit_code == 0
    shown, _order = visual("كوباني")
    # The highlighted cells hold the word reshaped and reversed, not the logical order.
    highlighted = re.findall(r"\x1b\[[0-9;]*;43m([^\x1b]*)\x1b\[0m", result.stdout)
    assert shown in highlighted
    assert "كوباني" not in result.stdout


def test_no_color_means_no_escape_codes(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--bidi", "off")
    assert "\x1b[" not in result.stdout
