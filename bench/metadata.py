"""Dates found in text, and reading speed of each corpus format.

Dates: on the sample corpus, where each article's date comes from (file
metadata, the text, or none); on news bodies (the shared sample_200 files,
whose records carry their publication date), how often a full date is written
in the body, how often it is the publication date, and how often it falls in
the month before it.

Reading: articles per second for JSON Lines (gzip and plain), plain text and
front-matter Markdown, with the news articles written out in each format;
reading alone and reading with speaker and date extraction.

    python bench/metadata.py
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from archive_search.articles.dates import find_date  # noqa: E402
from archive_search.articles.enrich import complete_metadata  # noqa: E402
from archive_search.articles.readers import read_corpus  # noqa: E402
from bench.evalsets import NEWS_SETS, shared_dir  # noqa: E402


def sample_corpus_dates() -> None:
    sources = {"metadata": 0, "text": 0, "none": 0}
    for article in read_corpus(HERE.parent / "corpus"):
        if article.date:
            sources["metadata"] += 1
        elif find_date(article.body):
            sources["text"] += 1
        else:
            sources["none"] += 1
    total = sum(sources.values())
    print(f"sample corpus, {total} articles: date from metadata {sources['metadata']}, "
          f"from the text {sources['text']}, none {sources['none']}")


def news_dates() -> None:
    found = same = month_before = total = 0
    for name in NEWS_SETS:
        with open(shared_dir() / "corpora" / "news" / name / "sample_200.jsonl", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if not record.get("date"):
                    continue
                total += 1
                written = find_date(record.get("body") or "")
                if written:
                    found += 1
                    published = date.fromisoformat(record["date"])
                    delta = (published - date.fromisoformat(written)).days
                    same += delta == 0
                    month_before += 0 <= delta <= 31
    print(f"news bodies, {total} dated articles: a full date written in {found} ({found / total:.1%}); "
          f"of those, the publication day {same} ({same / max(found, 1):.1%}), "
          f"within the month before publication {month_before} ({month_before / max(found, 1):.1%})")


def write_formats(root: Path, limit: int) -> dict[str, Path]:
    records = []
    for name in NEWS_SETS:
        with gzip.open(shared_dir() / "corpora" / "news" / name / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n >= limit // len(NEWS_SETS):
                    break
                records.append(json.loads(line))
    folders = {fmt: root / fmt for fmt in ("jsonl.gz", "jsonl", "txt", "md")}
    for folder in folders.values():
        folder.mkdir()
    with gzip.open(folders["jsonl.gz"] / "news.jsonl.gz", "wt", encoding="utf-8") as gz, \
            open(folders["jsonl"] / "news.jsonl", "w", encoding="utf-8") as plain:
        for r in records:
            line = json.dumps(r, ensure_ascii=False) + "\n"
            gz.write(line)
            plain.write(line)
    for n, r in enumerate(records):
        (folders["txt"] / f"{n:05d}.txt").write_text(f"{r['title']}\n\n{r['body']}", encoding="utf-8")
        header = f"---\ntitle: {r['title']}\ndate: {r.get('date') or ''}\ntopic: {r.get('topic') or ''}\n---\n"
        (folders["md"] / f"{n:05d}.md").write_text(header + r["body"], encoding="utf-8")
    return folders


def reading_speed(limit: int = 6000) -> None:
    with tempfile.TemporaryDirectory(prefix="archive-search-read-") as tmp:
        folders = write_formats(Path(tmp), limit)
        for fmt, folder in folders.items():
            t0 = time.perf_counter()
            articles = list(read_corpus(folder))
            read_seconds = time.perf_counter() - t0
            t0 = time.perf_counter()
            for article in articles:
                complete_metadata(article)
            extract_seconds = time.perf_counter() - t0
            print(f"{fmt:>8}: {len(articles):,} articles, reading {len(articles) / read_seconds:,.0f}/s, "
                  f"reading + speakers and dates {len(articles) / (read_seconds + extract_seconds):,.0f}/s")


def main() -> None:
    sample_corpus_dates()
    if not (shared_dir() / "corpora" / "news").is_dir():
        sys.exit(f"metadata: no news corpora at {shared_dir() / 'corpora' / 'news'}")
    news_dates()
    reading_speed()


if __name__ == "__main__":
    main()
