"""archive-search at scale: rebuild, search and update on archives of up to millions of articles.

The archives are synthetic, made from the three news corpora of
``../shared/corpora/news`` by resampling their paragraphs into new articles
(a fixed seed: the same archive every run): each article takes the title,
date and topic of a random real article and 3 to 12 random paragraphs of
others, so posting lists grow as in a real archive while the vocabulary
grows less. The pooled retrieval passages are added to each archive. The
first row is the real pooled+news archive (47,950 documents).

For each archive, in fresh processes: ``rebuild-index --jobs 2`` (its time,
rate, and peak RSS of the whole process tree, workers included, sampled);
the index size; 400 pooled questions (a fixed sample) through
``Archive.search(plain=True, limit=10)`` with snippets, in process (p50,
p95, max); three one-word searches end to end as a person runs them
(process start to exit, default output, on a pseudo-terminal; median of 5);
``index`` after one added file and after one changed file. With
``--lucene`` the Lucene reference peer (``../shared/peers/lucene/run``,
``LUCENE_PEER_FIELDS=all``) indexes and searches the same archive, and its
figures are printed in the same table.

    python bench/scale.py                       # pooled+news, 50k, 200k, 1M
    python bench/scale.py --sizes 200000 --lucene
    python bench/scale.py --sizes 3000000 --skip-real --work /data/scale
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.evalsets import NEWS_SETS, RETRIEVAL_SETS, load_retrieval_set, shared_dir  # noqa: E402
from bench.index_speed import peak_tree_rss  # noqa: E402

SEED = 20261201
ARTICLES_PER_FILE = 10_000
QUESTIONS = 400
WORDS = ("الحكومة", "مخيم", "الكهرباء")
LUCENE = HERE.parent.parent / "shared" / "peers" / "lucene" / "run"


# --- the archives ---------------------------------------------------------------------------------


def _news():
    for name in NEWS_SETS:
        with gzip.open(shared_dir() / "corpora" / "news" / name / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)


def _passages() -> list[dict]:
    return [d for name in RETRIEVAL_SETS for d in load_retrieval_set(name).docs]


def make_real(target: Path) -> int:
    """The pooled passages and every news article, as they are."""
    target.mkdir(parents=True)
    count = 0
    with open(target / "pooled-news.jsonl", "w", encoding="utf-8") as f:
        for d in _passages():
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            count += 1
        for a in _news():
            f.write(json.dumps({k: a.get(k) for k in ("id", "title", "body", "date", "topic", "source")},
                               ensure_ascii=False) + "\n")
            count += 1
    return count


def make_synthetic(target: Path, size: int) -> int:
    """``size`` articles resampled from the news paragraphs, plus the pooled passages."""
    rng = random.Random(SEED)
    heads, paragraphs = [], []
    for a in _news():
        heads.append((a.get("title") or "", a.get("date"), a.get("topic"), a.get("source")))
        paragraphs.extend(p for p in (a.get("body") or "").split("\n") if len(p.strip()) > 40)
    target.mkdir(parents=True)
    out, count = None, 0
    for d in _passages():
        out = out or open(target / "part-00000.jsonl", "w", encoding="utf-8")
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
    for n in range(size):
        if n % ARTICLES_PER_FILE == 0:
            if out:
                out.close()
            out = open(target / f"part-{n // ARTICLES_PER_FILE + 1:05d}.jsonl", "w", encoding="utf-8")
        title, day, topic, source = heads[rng.randrange(len(heads))]
        body = "\n".join(paragraphs[rng.randrange(len(paragraphs))] for _ in range(rng.randint(3, 12)))
        out.write(json.dumps({"id": f"s{n}", "title": title, "body": body, "date": day, "topic": topic,
                              "source": source}, ensure_ascii=False) + "\n")
        count += 1
    out.close()
    return count + len(_passages())


def archive_for(work: Path, size: int | None) -> tuple[str, Path, int]:
    """(label, corpus folder, documents), made once and kept in ``work``."""
    label = "pooled+news (real)" if size is None else f"{size:,} (synthetic)"
    corpus = work / ("real" if size is None else f"synthetic-{size}") / "corpus"
    marker = corpus.parent / "documents"
    if not marker.exists():
        shutil.rmtree(corpus.parent, ignore_errors=True)
        t0 = time.perf_counter()
        count = make_real(corpus) if size is None else make_synthetic(corpus, size)
        marker.write_text(str(count))
        print(f"# made {label}: {count:,} documents in {time.perf_counter() - t0:.0f} s", flush=True)
    return label, corpus, int(marker.read_text())


# --- archive-search ---------------------------------------------------------------------------------


def _cli() -> str:
    return shutil.which("archive-search") or str(Path(sys.executable).parent / "archive-search")


def rebuild(corpus: Path, index: Path, jobs: int, extra: list[str]) -> dict:
    shutil.rmtree(index, ignore_errors=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen([_cli(), "--corpus", str(corpus), "--index", str(index), "rebuild-index",
                             "--jobs", str(jobs), *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    peak = peak_tree_rss(proc)
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"scale: rebuild failed: {stderr.strip().splitlines()[-1]}")
    generation = index / os.readlink(index / "current")
    size = sum(p.stat().st_size for p in generation.rglob("*") if p.is_file())
    return {"seconds": seconds, "peak": peak, "size": size}


def questions() -> list[str]:
    pool = [text for name in RETRIEVAL_SETS for text in load_retrieval_set(name).queries.values()]
    return random.Random(SEED).sample(pool, QUESTIONS)


def _in_process_child(index: str) -> None:
    from archive_search import Archive

    latencies = []
    with Archive(index) as archive:
        archive.search("تجربة", limit=1)  # the index opened outside the timing
        for text in questions():
            t0 = time.perf_counter()
            archive.search(text, plain=True, limit=10)
            latencies.append(time.perf_counter() - t0)
    print(json.dumps(latencies))


def in_process(index: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(index)], check=True, capture_output=True,
                         text=True)
    latencies = sorted(json.loads(out.stdout))
    return {"p50": statistics.median(latencies), "p95": latencies[int(0.95 * (len(latencies) - 1))],
            "max": latencies[-1]}


def end_to_end(index: Path, runs: int = 5) -> list[float]:
    """The median time of a one-word search from process start to exit, on a pseudo-terminal, each word."""
    from tests.terminal import run_on_terminal  # the same pseudo-terminal as the tests use

    medians = []
    for word in WORDS:
        seconds = []
        for _ in range(runs):
            t0 = time.perf_counter()
            run_on_terminal("--index", index, "search", word, command=[_cli()])
            seconds.append(time.perf_counter() - t0)
        medians.append(statistics.median(seconds))
    return medians


def updates(corpus: Path, index: Path) -> tuple[float, float]:
    """Seconds of ``index`` after one added file, then after that file changed."""
    added = corpus / "zz-added.jsonl"
    record = {"id": "added", "title": "مخيم جديد للنازحين", "body": "افتتح مخيم جديد للنازحين قرب الحدود."}
    times = []
    for body_tail in ("", " وقال المسؤول إن المخيم يتسع لألف عائلة."):
        added.write_text(json.dumps({**record, "body": record["body"] + body_tail}, ensure_ascii=False) + "\n",
                         encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([_cli(), "--corpus", str(corpus), "--index", str(index), "index"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    added.unlink()
    subprocess.run([_cli(), "--corpus", str(corpus), "--index", str(index), "index"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return times[0], times[1]


# --- the Lucene peer --------------------------------------------------------------------------------


def lucene(corpus: Path, work: Path) -> dict:
    env = {**os.environ, "LUCENE_PEER_FIELDS": "all"}
    docs = work / "lucene-docs.jsonl"
    with open(docs, "w", encoding="utf-8") as out:
        for path in sorted(corpus.glob("*.jsonl")):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    out.write(json.dumps({"id": d["id"], "title": d.get("title") or "", "body": d.get("body") or ""},
                                         ensure_ascii=False) + "\n")
    index = work / "lucene-index"
    shutil.rmtree(index, ignore_errors=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(LUCENE), "index", str(docs), str(index)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak = peak_tree_rss(proc)
    proc.wait()
    seconds = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    tsv = work / "questions.tsv"
    tsv.write_text("".join(f"q{n}\t{q}\n" for n, q in enumerate(questions())), encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run([str(LUCENE), "search", str(index), str(tsv), "10"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    batch = time.perf_counter() - t0
    one_word = []
    for word in WORDS:
        (work / "one.tsv").write_text(f"q\t{word}\n", encoding="utf-8")
        seconds_word = []
        for _ in range(3):
            t1 = time.perf_counter()
            subprocess.run([str(LUCENE), "search", str(index), str(work / "one.tsv"), "10"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds_word.append(time.perf_counter() - t1)
        one_word.append(statistics.median(seconds_word))
    docs.unlink()
    return {"seconds": seconds, "peak": peak, "size": size, "batch": batch, "one_word": one_word}


# --- the table ------------------------------------------------------------------------------------------


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


HEADER = ["articles", "system", "rebuild", "peak RSS (tree)", "index", "search p50 / p95 / max",
          "`search WORD` end to end (median)", "`index`: one added / one changed file"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50_000, 200_000, 1_000_000])
    parser.add_argument("--skip-real", action="store_true", help="leave out the real pooled+news row")
    parser.add_argument("--work", type=Path, default=Path("/tmp/archive-search-scale"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--memory", help="rebuild-index --memory (default: its own)")
    parser.add_argument("--lucene", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _in_process_child(args.child)
    if not (shared_dir() / "corpora" / "news").is_dir():
        sys.exit(f"scale: no news corpora at {shared_dir() / 'corpora' / 'news'}")
    args.work.mkdir(parents=True, exist_ok=True)
    extra = ["--memory", args.memory] if args.memory else []
    print(_row(HEADER))
    print(_row(["---"] * len(HEADER)), flush=True)
    for size in ([] if args.skip_real else [None]) + args.sizes:
        label, corpus, documents = archive_for(args.work, size)
        index = corpus.parent / "index"
        built = rebuild(corpus, index, args.jobs, extra)
        searched = in_process(index)
        e2e = end_to_end(index)
        added, changed = updates(corpus, index)
        print(_row([f"{documents:,} {label.split(' ', 1)[-1] if size else label}", "archive-search",
                    f"{built['seconds']:.0f} s ({documents / built['seconds']:,.0f}/s)",
                    f"{built['peak'] / 1e9:.2f} GB", f"{built['size'] / 1e6:,.0f} MB",
                    f"{searched['p50'] * 1000:.0f} / {searched['p95'] * 1000:.0f} / {searched['max'] * 1000:.0f} ms",
                    " · ".join(f"{s * 1000:.0f}" for s in e2e) + " ms", f"{added:.2f} / {changed:.2f} s"]),
              flush=True)
        if args.lucene:
            peer = lucene(corpus, corpus.parent)
            print(_row([f"{documents:,}", "Lucene (one field)",
                        f"{peer['seconds']:.0f} s ({documents / peer['seconds']:,.0f}/s)",
                        f"{peer['peak'] / 1e9:.2f} GB", f"{peer['size'] / 1e6:,.0f} MB",
                        f"{QUESTIONS} questions in {peer['batch']:.1f} s, JVM start included",
                        " · ".join(f"{s * 1000:.0f}" for s in peer["one_word"]) + " ms", "—"]), flush=True)
    print(f"# in-process search: {QUESTIONS} pooled questions (seed {SEED}), plain, top 10 with snippets; "
          f"end to end: {', '.join(WORDS)}, default output on a pseudo-terminal", flush=True)


if __name__ == "__main__":
    main()
