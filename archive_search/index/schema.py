"""The Whoosh schema of an archive index, and the fields an article becomes."""

from __future__ import annotations

from datetime import datetime

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from archive_search.articles.article import Article, full_text
from archive_search.index.posting_format import ArabicPositions
from archive_search.text.analyzer import ArabicAnalyzer
from archive_search.text.person_names import person_key


def _arabic_text(analyzer, stored: bool = False) -> TEXT:
    field = TEXT(analyzer=analyzer, stored=stored, phrase=True)
    field.format = ArabicPositions(field_boost=field.format.field_boost)
    return field


def build_schema(stemming: bool = True, keep_exact: bool = True, stopwords: bool = True,
                 proclitics: bool = True) -> Schema:
    """The schema of an archive index.

    ``title`` and ``body`` hold stems (with positions, for phrases) and, with
    ``keep_exact``, the exact normalized forms beside them. The analyzer
    options exist for the quality benchmark's ablation; the archive uses the
    defaults.
    """
    analyzer = ArabicAnalyzer(stemming=stemming, keep_exact=keep_exact, stopwords=stopwords, proclitics=proclitics)
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=_arabic_text(analyzer, stored=True),
        body=_arabic_text(analyzer, stored=True),
        # Full speaker names as written in the article, for exact filtering;
        # speaker_words makes a part of a name findable, speaker_keys each
        # name's key (text.person_names), so that a full name finds its
        # shorter variants ("رجب طيب أردوغان" finds "أردوغان").
        speakers=KEYWORD(stored=True, commas=True, scorable=False, lowercase=False),
        speaker_words=_arabic_text(ArabicAnalyzer(stemming=False, stopwords=False)),
        speaker_keys=KEYWORD(commas=True, scorable=False, lowercase=False),
        date=DATETIME(stored=True, sortable=True),
        topic=ID(stored=True),
        topic_predicted=STORED(),
        source=ID(stored=True),
        url=STORED(),
    )


def text_fields(title: str, body: str) -> dict[str, str]:
    """The ``add_document`` arguments for an article's title and body.

    The body field indexes the title too (while storing the body alone): BM25
    then sees one document, as Lucene users do with ``copy_to``, which ranks
    better on our evaluation sets than scoring title and body apart; the title
    field adds a smaller, separate weight.
    """
    return {"title": title, "body": full_text(title, body), "_stored_body": body}


def document_fields(article: Article) -> dict:
    """The Whoosh ``add_document`` arguments for one article (its metadata complete).

    What tells a changed article from an unchanged one (the file's signature,
    the article's content hash) lives in the manifest, not in the index.
    """
    fields = {
        "id": article.id,
        "path": article.path,
        **text_fields(article.title, article.body),
        "speakers": ",".join(s.replace(",", " ") for s in article.speakers),
        "_stored_speakers": list(article.speakers),
        "speaker_words": " ".join(article.speakers),
        "speaker_keys": ",".join(filter(None, map(person_key, article.speakers))),
        "topic_predicted": article.topic_predicted,
    }
    if article.date:
        fields["date"] = datetime.fromisoformat(article.date)
    for name in ("topic", "source", "url"):
        value = getattr(article, name)
        if value:
            fields[name] = value
    return fields
