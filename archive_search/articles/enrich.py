"""Metadata the file did not state, filled in from the text and the archive."""

from __future__ import annotations

from archive_search.articles.article import Article
from archive_search.articles.dates import find_date, parse_date
from archive_search.articles.speakers import KnownNames, find_speakers
from archive_search.articles.topics import TopicModel, article_terms


def complete_metadata(article: Article, known: KnownNames | None = None) -> Article:
    """Fill speakers and date from the text where the file did not state them
    (a stated date is read as a date, or dropped); ``known`` is the
    archive's evidence about names (see :mod:`archive_search.articles.speakers`)."""
    if article.date:
        article.date = parse_date(article.date)
    if not article.speakers:
        article.speakers = find_speakers(f"{article.title}\n{article.body}", known)
    if not article.date:
        article.date = find_date(article.body)
    return article


def predict_topic(article: Article, model: TopicModel) -> Article:
    """Give an article without a topic the model's prediction, marked as predicted."""
    if not article.topic and model.usable:
        predicted = model.predict(article_terms(article.title, article.body))
        if predicted:
            article.topic, article.topic_predicted = predicted[0], True
    return article
