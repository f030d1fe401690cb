"""index: added, changed and deleted files applied; an index of an earlier version rebuilt."""

import json
import os



def ids(result):
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def _outdate(index):
    """Make the current generation look built by another version (format 3)."""
    (index / os.readlink(index / "current") / "FORMAT").write_text("3\n")  # as an earlier version wrote it


def test_incremental_add_change_delete_rename(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0

    (corpus_copy / "new.txt").write_text("مزارعون في الحسكة يزرعون القطن\n\nبدأ موسم زراعة القطن.", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "1 added, 0 changed, 0 deleted, 32 unchanged (33 articles)" in result.stderr
    assert ids(run("--index", index, "search", "القطن", "-f", "jsonl")) == ["new.txt"]

    (corpus_copy / "new.txt").write_text("مزارعون في الحسكة يزرعون الشعير\n\nبدأ موسم الشعير.", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "0 added, 1 changed, 0 deleted" in result.stderr
    assert run("--index", index, "search", "القطن", "-f", "jsonl").exit_code == 1
    assert ids(run("--index", index, "search", "الشعير", "-f", "jsonl")) == ["new.txt"]

    (corpus_copy / "new.txt").rename(corpus_copy / "renamed.txt")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "1 added, 0 changed, 1 deleted" in result.stderr
    assert ids(run("--index", index, "search", "الشعير", "-f", "jsonl")) == ["renamed.txt"]

    (corpus_copy / "renamed.txt").unlink()
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "0 added, 0 changed, 1 deleted, 32 unchanged (32 articles)" in result.stderr
    assert run("--index", index, "search", "الشعير", "-f", "jsonl").exit_code == 1


def test_incremental_jsonl_by_record(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    path = corpus_copy / "bulletins" / "regional-bulletin.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[0]["title"] = "ارتفاع أسعار الكعك في أسواق منبج"
    del records[1]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "0 added, 1 changed, 1 deleted, 30 unchanged" in result.stderr
    assert ids(run("--index", index, "search", "الكعك", "-f", "jsonl")) == ["bulletins/regional-bulletin.jsonl#b-001"]


def test_nothing_changed(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "0 added, 0 changed, 0 deleted, 32 unchanged" in result.stderr


def test_index_without_index_builds_it(run, tmp_path, corpus_copy):
    result = run("--corpus", corpus_copy, "--index", tmp_path / "ix", "index")
    assert result.exit_code == 0
    assert "32 added" in result.stderr


def test_update_rebuilds_an_index_of_an_earlier_version(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    _outdate(index)
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "built by another version of archive-search: rebuilt it" in result.stderr
    assert "32 added" in result.stderr
    assert run("--index", index, "search", "مخيم", "-f", "jsonl").exit_code == 0
