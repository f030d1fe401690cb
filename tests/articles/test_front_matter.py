"""Front matter: key: value lines, and speakers as YAML block or flow lists."""

from archive_search.articles.readers import read_file


def read_one(tmp_path, text):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    (article,) = read_file(path, "a.md", lambda skipped: pytest_fail(skipped))
    return article


def pytest_fail(skipped):
    raise AssertionError(f"skipped: {skipped}")


def test_speakers_as_a_block_list(tmp_path):
    article = read_one(tmp_path, "---\ntitle: اجتماع\nspeakers:\n  - ليلى مصطفى\n  - 'سلمان بارودو'\n"
                                 "date: 2021-08-14\n---\nنص الخبر.")
    assert article.speakers == ["ليلى مصطفى", "سلمان بارودو"]
    assert article.date == "2021-08-14"


def test_speakers_as_a_block_list_without_indent(tmp_path):
    article = read_one(tmp_path, "---\nspeakers:\n- ليلى مصطفى\n- سلمان بارودو\ntitle: اجتماع\n---\nنص.")
    assert article.speakers == ["ليلى مصطفى", "سلمان بارودو"] and article.title == "اجتماع"


def test_speakers_as_a_flow_list(tmp_path):
    article = read_one(tmp_path, '---\ntitle: اجتماع\nspeakers: [ليلى مصطفى, "سلمان بارودو"]\n---\nنص.')
    assert article.speakers == ["ليلى مصطفى", "سلمان بارودو"]


def test_speakers_separated_by_semicolons_still(tmp_path):
    article = read_one(tmp_path, "---\ntitle: اجتماع\nspeakers: ليلى مصطفى; سلمان بارودو\n---\nنص.")
    assert article.speakers == ["ليلى مصطفى", "سلمان بارودو"]
