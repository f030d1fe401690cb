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


def test_an_update_touches_only_what_changed(tmp_path, corpus_copy, monkeypatch):
    """One changed file: only it is read, no segment or column file of the rebuild is rewritten,
    and the manifest's rows of the other files are as they were."""
    import sqlite3

    from archive_search import Archive
    from archive_search.index import corpus_pass, storage
    from archive_search.index.manifest import MANIFEST

    index = tmp_path / "ix"
    Archive(index, corpus_dir=corpus_copy).rebuild()

    def files_of(generation):
        return {p.relative_to(generation): (p.stat().st_ino, p.stat().st_mtime_ns)
                for p in generation.rglob("*") if p.is_file() and p.name != MANIFEST}

    def manifest_rows(generation, path):
        with sqlite3.connect(generation / MANIFEST) as db:
            return sorted(db.execute("SELECT id, path, hash FROM articles WHERE path != ?", (path,)))

    generation = storage.current_generation(index)
    before, rows_before = files_of(generation), manifest_rows(generation, "reports/hol-camp-repatriation.md")
    read = []
    real_read_file = corpus_pass.read_file
    monkeypatch.setattr(corpus_pass, "read_file", lambda path, *args, **kw: read.append(path.name) or
                        real_read_file(path, *args, **kw))
    changed = corpus_copy / "reports" / "hol-camp-repatriation.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nوأضاف أن العملية مستمرة.\n", encoding="utf-8")
    report = Archive(index, corpus_dir=corpus_copy).update()

    assert (report.added, report.changed, report.deleted) == (0, 1, 0)
    assert read == ["hol-camp-repatriation.md"]
    after = storage.current_generation(index)
    kept = files_of(after)
    assert all(kept.get(name) == stamp for name, stamp in before.items()
               if not name.name.endswith((".toc", ".del")) and not name.name.startswith(("FILES", "FORMAT"))), \
        "a file of the rebuild was rewritten"
    assert manifest_rows(after, "reports/hol-camp-repatriation.md") == rows_before
