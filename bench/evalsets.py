"""Loading the shared evaluation sets and scoring ranked runs.

The sets live in ``../shared/corpora`` beside the checkout (or where
``ARCHIVE_SEARCH_SHARED`` points); see the README there for their origin.
"""

from __future__ import annotations

import gzip
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

RETRIEVAL_SETS = ("tydiqa_goldp_ar_dev", "arcd", "mlqa_ar_dev", "xquad_ar")
NEWS_SETS = ("ant_multisource_v2_1", "ant_jawharafm_v1_1", "saudinewsnet")


def shared_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    return Path(os.environ.get("ARCHIVE_SEARCH_SHARED", here.parent / "shared"))


@dataclass
class EvalSet:
    name: str
    docs: list[dict] = field(default_factory=list)  # {"id", "title", "body"}
    queries: dict[str, str] = field(default_factory=dict)
    qrels: dict[str, set[str]] = field(default_factory=dict)


def read_jsonl(path: Path):
    """The records of a JSON Lines file, gzipped or not (blank lines skipped)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_retrieval_set(name: str) -> EvalSet:
    base = shared_dir() / "corpora" / "retrieval" / name
    s = EvalSet(name)
    for p in read_jsonl(base / "passages.jsonl"):
        s.docs.append({"id": p["id"], "title": p.get("title") or "", "body": p.get("text") or ""})
    for line in (base / "queries.tsv").read_text(encoding="utf-8").splitlines():
        qid, _, text = line.partition("\t")
        if qid:
            s.queries[qid] = text
    for line in (base / "qrels.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            s.qrels.setdefault(parts[0], set()).add(parts[1])
    return s


def load_news(limit: int | None = None) -> list[dict]:
    docs = []
    for name in NEWS_SETS:
        for a in read_jsonl(shared_dir() / "corpora" / "news" / name / "articles.jsonl.gz"):
            docs.append({"id": a["id"], "title": a.get("title") or "", "body": a.get("body") or ""})
            if limit and len(docs) >= limit:
                return docs
    return docs


def pooled(sets: list[EvalSet], name: str, extra_docs: list[dict] = ()) -> EvalSet:
    s = EvalSet(name)
    for part in sets:
        s.docs.extend(part.docs)
        s.queries.update(part.queries)
        s.qrels.update(part.qrels)
    s.docs.extend(extra_docs)
    return s


def metrics(run: dict[str, list[str]], qrels: dict[str, set[str]], qids) -> dict[str, float]:
    """MRR@10, nDCG@10 (binary relevance), Recall@10 and Recall@100 over qids."""
    mrr = ndcg = r10 = r100 = 0.0
    n = 0
    for qid in qids:
        relevant = qrels.get(qid)
        if not relevant:
            continue
        n += 1
        ranked = run.get(qid, [])
        for rank, doc in enumerate(ranked[:10], 1):
            if doc in relevant:
                mrr += 1 / rank
                break
        dcg = sum(1 / math.log2(r + 1) for r, d in enumerate(ranked[:10], 1) if d in relevant)
        ideal = sum(1 / math.log2(r + 1) for r in range(1, min(len(relevant), 10) + 1))
        ndcg += dcg / ideal
        r10 += len(relevant & set(ranked[:10])) / len(relevant)
        r100 += len(relevant & set(ranked[:100])) / len(relevant)
    n = n or 1
    return {"MRR@10": mrr / n, "nDCG@10": ndcg / n, "R@10": r10 / n, "R@100": r100 / n}
