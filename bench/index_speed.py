"""Indexing speed on the shared news corpora, beside the Lucene reference peer.

Indexes the three news corpora (``../shared/corpora/news/*/articles.jsonl.gz``,
45,969 articles) through ``Archive.rebuild`` with --jobs 1 and
--jobs 2 (each in a fresh process), and prints articles/s, MB/s of text, peak
RSS (the indexing process and its workers together, sampled from /proc) and
index size. Then times one changed file
applied to that index. With --lucene, the Lucene peer indexes the same articles
in the same run and the ratio is printed. With --speakers-before, each rebuild
is preceded by one with the speaker finder as it was before issue 14, so that
the cost of finding speakers is read from two runs side by side.

    python bench/index_speed.py --lucene
    python bench/index_speed.py --jobs 2 --limit 5000
    python bench/index_speed.py --jobs 1 2 --speakers-before   # what speaker finding costs a rebuild
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.evalsets import NEWS_SETS, shared_dir  # noqa: E402


def prepare_corpus(target: Path, limit: int | None) -> tuple[int, int]:
    """Write the news corpora (or the first ``limit`` articles, spread over them)
    into a corpus folder; returns (articles, bytes of title+body text in UTF-8)."""
    target.mkdir(parents=True)
    articles = text_bytes = 0
    per_set = None if limit is None else max(1, limit // len(NEWS_SETS))
    for name in NEWS_SETS:
        source = shared_dir() / "corpora" / "news" / name / "articles.jsonl.gz"
        with gzip.open(source, "rt", encoding="utf-8") as f, \
                gzip.open(target / f"{name}.jsonl.gz", "wt", encoding="utf-8") as out:
            for n, line in enumerate(f):
                if per_set is not None and n >= per_set:
                    break
                record = json.loads(line)
                out.write(line)
                articles += 1
                text_bytes += len(((record.get("title") or "") + (record.get("body") or "")).encode("utf-8"))
    return articles, text_bytes


def _child(corpus: str, index: str, jobs: int, speakers_before: bool = False) -> None:
    """Run in a fresh process: one rebuild, its figures as JSON on stdout.
    With ``speakers_before``, the rebuild finds speakers with the finder as it
    was before issue 14 and observes no sample (the workers fork from here and
    keep the substitution): what speaker finding costs a rebuild, measured."""
    from archive_search import Archive

    if speakers_before:
        from archive_search.articles import enrich
        from archive_search.index import rebuild
        from bench.speakers_before import find_speakers as before

        enrich.find_speakers = lambda text, known=None: before(text)
        rebuild.observe = lambda known, articles: known
    t0 = time.perf_counter()
    with Archive(index, corpus_dir=corpus) as archive:
        report = archive.rebuild(jobs=jobs)
    seconds = time.perf_counter() - t0
    print(json.dumps({"articles": report.articles, "seconds": seconds}))


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its descendants, from /proc (Linux)."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return total
    return total + sum(_tree_rss(int(c)) for c in children)


def peak_tree_rss(process: subprocess.Popen, every: float = 0.05) -> int:
    """The highest resident memory of a running process and its workers
    together, sampled until it exits."""
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(every)
    return peak


def _child_update(corpus: str, index: str) -> None:
    from archive_search import Archive

    t0 = time.perf_counter()
    with Archive(index, corpus_dir=corpus) as archive:
        report = archive.update()
    print(json.dumps({"seconds": time.perf_counter() - t0, "changed": report.changes}))


def index_size(index: Path) -> int:
    """Bytes of the current generation, its columns included."""
    generation = index / os.readlink(index / "current")
    return sum(p.stat().st_size for p in generation.rglob("*") if p.is_file())


def run_lucene(corpus: Path, workdir: Path) -> dict:
    docs = workdir / "lucene-docs.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for path in sorted(corpus.glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    r = json.loads(line)
                    out.write(json.dumps({"id": r["id"], "title": r.get("title") or "", "body": r.get("body") or ""},
                                         ensure_ascii=False) + "\n")
    env = dict(os.environ, LUCENE_PEER_FIELDS="all")
    peer = shared_dir() / "peers" / "lucene" / "run"
    subprocess.run([str(peer), "index", str(docs), str(workdir / "warmup")], env=env, check=True,
                   capture_output=True)  # compiles the peer once, outside the timing
    shutil.rmtree(workdir / "warmup")
    t0 = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M", str(peer), "index", str(docs), str(workdir / "lucene")], env=env,
                   check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in (workdir / "lucene").iterdir())
    return {"seconds": seconds, "size": size}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="job counts to measure")
    parser.add_argument("--limit", type=int, help="index only this many articles (spread over the corpora)")
    parser.add_argument("--lucene", action="store_true", help="index the same articles with the Lucene peer")
    parser.add_argument("--speakers-before", action="store_true",
                        help="also rebuild with the speaker finder before issue 14, each job count in turn")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--child-update", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child[0], args.child[1], int(args.child[2]), args.child[3] == "before")
    if args.child_update:
        return _child_update(*args.child_update)
    if not (shared_dir() / "corpora" / "news").is_dir():
        sys.exit(f"index_speed: no news corpora at {shared_dir() / 'corpora' / 'news'}")

    with tempfile.TemporaryDirectory(prefix="archive-search-speed-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        articles, text_bytes = prepare_corpus(corpus, args.limit)
        print(f"corpus: {articles:,} articles, {text_bytes / 1e6:.1f} MB of title+body text (UTF-8)")
        lucene_rate = None
        if args.lucene:
            lucene = run_lucene(corpus, tmp)
            lucene_rate = articles / lucene["seconds"]
            print(f"lucene peer (whole process, one field): {lucene['seconds']:.1f} s, {lucene_rate:,.0f} articles/s, "
                  f"index {lucene['size'] / 1e6:.0f} MB")
        last_index = None
        runs = [(jobs, finder) for jobs in args.jobs for finder in (("before", "now") if args.speakers_before
                                                                      else ("now",))]
        for jobs, finder in runs:
            index = tmp / f"index-{jobs}-{finder}"
            child = subprocess.Popen([sys.executable, __file__, "--child", str(corpus), str(index), str(jobs), finder],
                                     stdout=subprocess.PIPE, text=True)
            peak = peak_tree_rss(child)
            figures = json.loads(child.stdout.read())
            if child.wait():
                sys.exit(f"index_speed: the rebuild failed (exit code {child.returncode})")
            rate = figures["articles"] / figures["seconds"]
            size = index_size(index)
            label = " (speakers: the finder before issue 14)" if finder == "before" else ""
            line = (f"archive-search --jobs {jobs}{label}: {figures['seconds']:.1f} s, {rate:,.0f} articles/s, "
                    f"{text_bytes / 1e6 / figures['seconds']:.2f} MB/s, peak RSS {peak / 1e9:.2f} GB, "
                    f"index {size / 1e6:.0f} MB ({size / text_bytes:.2f}× the text)")
            if lucene_rate:
                line += f", {rate / lucene_rate:.2f}× Lucene"
            print(line, flush=True)
            if finder == "now":
                last_index = index
        if last_index is not None:
            # one changed file: a small article dropped into the corpus
            (corpus / "changed.txt").write_text("مقال جديد عن مخيم الهول\n\nنص قصير عن المخيم.", encoding="utf-8")
            out = subprocess.run([sys.executable, __file__, "--child-update", str(corpus), str(last_index)],
                                 check=True, capture_output=True, text=True)
            figures = json.loads(out.stdout)
            print(f"one changed file applied (archive-search index): {figures['seconds']:.2f} s")


if __name__ == "__main__":
    main()
