"""Topic prediction for articles whose file states none.

A multinomial Naive Bayes model over the analyzer's stems, trained on the
articles of the archive that do carry a topic. On the held-out fifth of the
ANT news corpora (bench/topics.py) raw stem counts with light smoothing
(0.01) beat counting each stem once per article (0.854 against 0.840 on
ant_multisource). No files here: the index stores the model beside
itself as JSON.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from itertools import chain, repeat
from typing import Iterable

from archive_search.articles.article import full_text
from archive_search.text.word_ids import stem_counts, text_field_word_ids

# Too few labelled articles (or only one topic) and no prediction is made.
MIN_TRAINING_ARTICLES = 20
# Stems seen in fewer training articles than this are left out of the model.
MIN_TERM_ARTICLES = 2
SMOOTHING = 0.01
# Decimal places of the stored log probabilities (0.001 is a 0.1 % change).
LOG_DIGITS = 3


def article_terms(title: str, body: str) -> Counter:
    """The stems of an article with their counts, as the model sees it."""
    return Counter(stem_counts(full_text(title, body)))


class TopicModel:
    """Multinomial Naive Bayes over stem counts.

    >>> model = TopicModel()
    >>> for _ in range(10):
    ...     model.add({"مبارا", "هدف", "فريق"}, "رياضة")
    ...     model.add({"اسعار", "نفط", "سوق"}, "اقتصاد")
    >>> model.finish().predict({"هدف", "مبارا"})[0]
    'رياضة'
    """

    def __init__(self):
        self._doc_counts: Counter = Counter()
        self._term_counts: dict[str, Counter] = defaultdict(Counter)
        self._term_articles: Counter = Counter()
        self.topics: list[str] = []
        self._log_prior: dict[str, float] = {}
        self._log_likelihood: dict[str, list[float]] = {}

    def add(self, terms: Iterable[str] | Counter, topic: str) -> None:
        """Count one labelled article's stems (a Counter, or any iterable of stems)."""
        counts = terms if isinstance(terms, Counter) else Counter(terms)
        self._doc_counts[topic] += 1
        self._term_counts[topic].update(counts)
        self._term_articles.update(counts.keys())

    def merge(self, other: "TopicModel") -> None:
        """Add the counts of another model not yet finished (a worker's, see
        :class:`LabelledArticles`)."""
        self._doc_counts.update(other._doc_counts)
        for topic, counts in other._term_counts.items():
            self._term_counts[topic].update(counts)
        self._term_articles.update(other._term_articles)

    @property
    def trained_on(self) -> int:
        return sum(self._doc_counts.values())

    @property
    def usable(self) -> bool:
        return len(self.topics) >= 2

    def finish(self) -> "TopicModel":
        """Turn the counts into log probabilities; unusable with too little data."""
        if self.trained_on < MIN_TRAINING_ARTICLES or len(self._doc_counts) < 2:
            self.topics = []
            return self
        self.topics = sorted(self._doc_counts)
        kept_stems = [t for t, n in self._term_articles.items() if n >= MIN_TERM_ARTICLES]
        total = self.trained_on
        self._log_prior = {c: math.log(self._doc_counts[c] / total) for c in self.topics}
        denominators = [
            sum(self._term_counts[c][t] for t in kept_stems) + SMOOTHING * len(kept_stems) for c in self.topics
        ]
        # Rounded to what a prediction can tell apart: the model is stored
        # beside the index as JSON, a third of its former size this way.
        self._log_likelihood = {
            t: [round(math.log((self._term_counts[c][t] + SMOOTHING) / d), LOG_DIGITS)
                for c, d in zip(self.topics, denominators)]
            for t in kept_stems
        }
        return self

    def predict(self, terms: Iterable[str]) -> tuple[str, float] | None:
        """The most probable topic and its probability, or None without a model."""
        if not self.usable:
            return None
        counts = terms if isinstance(terms, dict) else Counter(terms)
        # The likelihood table's row of each known stem, repeated as often as
        # the stem occurs, then summed a column at a time: all of it in C.
        rows = chain.from_iterable(map(repeat, map(self._log_likelihood.get, counts), counts.values()))
        columns = zip(*filter(None, rows))
        scores = [prior + sum(column) for prior, column in
                  zip(map(self._log_prior.__getitem__, self.topics), columns)]
        if not scores:  # no known stem
            scores = [self._log_prior[c] for c in self.topics]
        best = max(range(len(scores)), key=scores.__getitem__)
        top = scores[best]
        probability = 1 / sum(math.exp(s - top) for s in scores)
        return self.topics[best], probability

    def to_dict(self) -> dict:
        return {
            "topics": self.topics,
            "log_prior": self._log_prior,
            "log_likelihood": self._log_likelihood,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "TopicModel":
        model = cls()
        model.topics = list(data.get("topics") or [])
        model._log_prior = dict(data.get("log_prior") or {})
        # the rows as JSON gives them (lists, never changed): copying 100,000 stems' rows
        # took about 0.1 s of an update
        model._log_likelihood = dict(data.get("log_likelihood") or {})
        return model


class LabelledArticles:
    """The counts of :meth:`TopicModel.add` for many articles, made in bulk.

    Each article's words are kept as word ids (see
    :class:`archive_search.text.word_ids.WordIds`, which the indexer reads the
    same text through) and counted with numpy, rather than a dictionary update
    per stem and article: when :meth:`counts` is called, or whenever
    :data:`WORDS_KEPT` words are kept, so that the memory stays bounded.
    """

    # Words kept before they are counted into the model so far.
    WORDS_KEPT = 20_000_000

    def __init__(self):
        self._word_ids = text_field_word_ids()
        self._words = array("I")
        self._ends = array("Q")
        self._topics: list[str] = []
        self._counted = TopicModel()

    def add(self, title: str, body: str, topic: str) -> None:
        self._words.extend(self._word_ids.ids(full_text(title, body)))
        self._ends.append(len(self._words))
        self._topics.append(topic)
        if len(self._words) >= self.WORDS_KEPT:
            self._counted.merge(self._count_kept())

    def counts(self) -> TopicModel:
        """The articles added so far counted into an unfinished model (to
        :meth:`TopicModel.merge`); the articles are forgotten."""
        counted, self._counted = self._counted, TopicModel()
        counted.merge(self._count_kept())
        return counted

    def _count_kept(self) -> TopicModel:
        """The articles kept, counted into a new unfinished model, and forgotten."""
        import numpy as np

        model = TopicModel()
        if not self._topics:
            return model
        word_ids = self._word_ids
        words = np.frombuffer(self._words, dtype=np.uint32)
        ends = np.frombuffer(self._ends, dtype=np.uint64).astype(np.int64)
        names = sorted(set(self._topics))
        topic_of_article = np.array([names.index(t) for t in self._topics], dtype=np.int64)
        article_of_word = np.repeat(np.arange(len(ends)), np.diff(np.concatenate(([0], ends))))
        # A word's stem is its first term; stopwords have none.
        stem_of_word = _stem_term_ids(word_ids)
        stems = stem_of_word[words]
        kept = stems >= 0
        stems, article_of_word = stems[kept], article_of_word[kept]
        terms = len(word_ids.terms)

        def by_stem(counts) -> Counter:
            found = np.flatnonzero(counts)
            return Counter(dict(zip(map(word_ids.terms.__getitem__, found.tolist()), counts[found].tolist())))

        # occurrences of each stem in each topic's articles
        occurrences = np.bincount(topic_of_article[article_of_word] * terms + stems, minlength=len(names) * terms)
        for topic_number, topic in enumerate(names):
            model._term_counts[topic] = by_stem(occurrences[topic_number * terms:(topic_number + 1) * terms])
        # articles each stem occurs in: the distinct (article, stem) pairs
        pairs = np.sort(article_of_word * terms + stems)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        model._term_articles = by_stem(np.bincount(pairs % terms, minlength=terms))
        model._doc_counts = Counter(self._topics)
        self._words, self._ends, self._topics = array("I"), array("Q"), []
        return model


def _stem_term_ids(word_ids):
    """By word id, the term id of the word's stem (int64; -1 for a word
    without one: a stopword, or analysis without stemming)."""
    import numpy as np

    first = np.frombuffer(word_ids.first_term, dtype=np.uint32)
    has = np.frombuffer(word_ids.term_count, dtype=np.uint32) > 0
    terms = np.frombuffer(word_ids.word_term_ids, dtype=np.uint32)
    stems = np.full(len(first), -1, dtype=np.int64)
    if word_ids.options.stemming:
        stems[has] = terms[first[has]]
    return stems
