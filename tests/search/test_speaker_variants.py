"""One person, one name in the search: a speaker filter finds a person under any
variant of the name (through --speaker and speaker:), and facets and stats count
the variants under the fullest form."""

import json
from collections import Counter

import pytest

from archive_search import Archive

ERDOGAN = ("رجب طيب أردوغان", "أردوغان", "اردوغان", "طيب أردوغان")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants") / "corpus"
    folder.mkdir()
    for n, speaker in enumerate(ERDOGAN + ("بلال أردوغان", "إيمانويل ماكرون")):
        (folder / f"a{n}.md").write_text(
            f"---\ntitle: تركيا والاتحاد الأوروبي {n}\nspeaker: {speaker}\n---\n"
            "بحثت تركيا مع الاتحاد الأوروبي ملف اللاجئين.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index(corpus, tmp_path_factory):
    index = tmp_path_factory.mktemp("variants-index") / "ix"
    with Archive(index, corpus_dir=corpus) as archive:
        archive.rebuild()
    return index


def _ids(run, index, *args):
    result = run("--index", index, "search", *args, "-f", "jsonl", "--limit", "50")
    return sorted(json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip())


def test_the_full_name_and_the_family_name_find_the_same_articles(run, index):
    erdogan = sorted(f"a{n}.md" for n in range(4))
    full = _ids(run, index, "تركيا", "--speaker", "رجب طيب أردوغان")
    assert full == erdogan
    assert _ids(run, index, "تركيا", "--speaker", "طيب أردوغان") == erdogan
    # the family name alone finds everyone who bears it, the son too
    assert _ids(run, index, "تركيا", "--speaker", "أردوغان") == erdogan + ["a4.md"]


def test_the_query_language_speaker_field_finds_the_variants(run, index):
    assert _ids(run, index, 'تركيا speaker:"رجب طيب أردوغان"') == sorted(f"a{n}.md" for n in range(4))
    assert _ids(run, index, "تركيا speaker:اردوغان") == _ids(run, index, "تركيا", "--speaker", "أردوغان")


def test_another_person_of_the_same_family_is_not_the_full_name(run, index):
    assert "a4.md" not in _ids(run, index, "تركيا", "--speaker", "رجب طيب أردوغان")
    # the family name alone cannot tell them apart: those articles go to either
    assert _ids(run, index, "تركيا", "--speaker", "بلال أردوغان") == ["a1.md", "a2.md", "a4.md"]


def test_facets_count_the_variants_under_the_fullest_form(index):
    with Archive(index) as archive:
        page = archive.search("تركيا", facets=True, limit=50)
    assert page.facets["speaker"] == Counter({"رجب طيب أردوغان": 4, "بلال أردوغان": 1, "إيمانويل ماكرون": 1})


def test_stats_count_the_variants_under_the_fullest_form(run, index):
    stats = json.loads(run("--index", index, "stats", "-f", "json").stdout)
    assert stats["top_speakers"][0] == ["رجب طيب أردوغان", 4]
    assert {name for name, _ in stats["top_speakers"]} == {"رجب طيب أردوغان", "بلال أردوغان", "إيمانويل ماكرون"}


def test_facets_follow_an_update_that_brings_a_variant(tmp_path, corpus):
    """A search after an update (a new segment, its terms decoded apart) counts
    the new article's speaker under the person's fullest name, with the rest;
    asking twice gives the same counts (the shards' decoded terms are kept)."""
    import shutil

    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    with Archive(tmp_path / "ix", corpus_dir=folder) as archive:
        archive.rebuild()
        first = archive.search("تركيا", facets=True, limit=50).facets["speaker"]
        assert archive.search("تركيا", facets=True, limit=50).facets["speaker"] == first
        (folder / "new.md").write_text("---\ntitle: تركيا اليوم\nspeaker: ماكرون\n---\nقالت تركيا.\n",
                                       encoding="utf-8")
        archive.update()
        after = archive.search("تركيا", facets=True, limit=50).facets["speaker"]
    assert after == first + Counter({"إيمانويل ماكرون": 1})
