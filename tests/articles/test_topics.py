"""The topic model: counted in bulk as one by one, predictions, stored beside the index, used at index time."""

from collections import Counter

from archive_search import Archive
from archive_search.articles.readers import corpus_files, read_file
from archive_search.articles.topics import LabelledArticles, TopicModel, article_terms
from archive_search.index.manifest import TOPIC_MODEL, read_topic_model, write_topic_model
from tests.conftest import SAMPLE_CORPUS, needs_shared

SPORT = ["فاز الفريق في المباراة بهدفين وتصدر الدوري", "سجل المهاجم هدف الفوز في المباراة النهائية للبطولة",
         "المدرب يعلن تشكيلة الفريق قبل مباراة الدوري"]


ECONOMY = ["ارتفعت أسعار النفط في الأسواق العالمية", "البنك المركزي يرفع سعر الفائدة لمواجهة التضخم",
           "تراجع سعر صرف العملة المحلية أمام الدولار في السوق"]


def trained(repeat=5):
    model = TopicModel()
    for _ in range(repeat):
        for text in SPORT:
            model.add(article_terms("", text), "رياضة")
        for text in ECONOMY:
            model.add(article_terms("", text), "اقتصاد")
    return model.finish()


def _counts(model: TopicModel) -> dict:
    return {"articles": dict(model._doc_counts), "stems": {t: dict(c) for t, c in model._term_counts.items()},
            "documents": dict(model._term_articles)}


def test_bulk_counts_are_those_of_one_article_at_a_time():
    articles = [a for p in corpus_files(SAMPLE_CORPUS) for a in read_file(p, p.name, lambda s: None)]
    articles += [a for a in articles[:5]]  # an article counted twice counts twice
    one_by_one, bulk = TopicModel(), LabelledArticles()
    for number, article in enumerate(articles):
        topic = article.topic or ("أخبار" if number % 2 else "تقارير")
        one_by_one.add(article_terms(article.title, article.body), topic)
        bulk.add(article.title, article.body, topic)
    counted = bulk.counts()
    assert _counts(counted) == _counts(one_by_one)
    assert _counts(bulk.counts()) == _counts(TopicModel())  # counted once
    assert counted.finish().to_dict() == one_by_one.finish().to_dict()


def test_predicts_from_stems():
    model = trained()
    assert model.predict(article_terms("", "الفريق يخسر المباراة"))[0] == "رياضة"
    assert model.predict(article_terms("", "أسعار الدولار ترتفع"))[0] == "اقتصاد"


def test_probability_is_a_probability():
    topic, probability = trained().predict(article_terms("", "المباراة"))
    assert 0.5 < probability <= 1.0


def test_too_little_training_makes_no_model():
    model = trained(repeat=1)  # six articles
    assert not model.usable
    assert model.predict(Counter({"مبارا": 1})) is None


def test_model_round_trips_through_its_file(tmp_path):
    model = trained()
    write_topic_model(tmp_path, model)
    again = read_topic_model(tmp_path)
    assert again.to_dict() == model.to_dict()
    terms = article_terms("", "هدف في المباراة")
    assert again.predict(terms) == model.predict(terms)
    write_topic_model(tmp_path, trained(repeat=1))  # too little to learn from: no model, and none read
    assert not read_topic_model(tmp_path).usable


def test_a_damaged_model_file_reads_as_no_model(tmp_path):
    write_topic_model(tmp_path, trained())
    path = tmp_path / TOPIC_MODEL
    path.write_bytes(path.read_bytes()[:100])
    assert not read_topic_model(tmp_path).usable
    path.unlink()
    assert not read_topic_model(tmp_path).usable


def test_topics_predicted_at_index_time(run, tmp_path):
    """Labelled ANT articles teach the model; unlabelled Saudi articles get predicted topics."""
    labelled = needs_shared("corpora", "news", "ant_multisource_v2_1", "sample_200.jsonl")
    unlabelled = needs_shared("corpora", "news", "saudinewsnet", "sample_200.jsonl")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "labelled.jsonl").write_bytes(labelled.read_bytes())
    (corpus / "unlabelled.jsonl").write_bytes(unlabelled.read_bytes())
    assert run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index").exit_code == 0
    with Archive(tmp_path / "ix") as archive:
        records = list(archive.searcher().records())
    predicted = [r for r in records if r.path == "unlabelled.jsonl"]
    given = [r for r in records if r.path == "labelled.jsonl"]
    assert predicted and all(r.topic and r.topic_predicted for r in predicted)
    assert given and all(r.topic and not r.topic_predicted for r in given)
    assert {r.topic for r in predicted} <= {r.topic for r in given}
    # a sports report from the Saudi papers is predicted as sport
    sport = [r for r in predicted if "المنتخب" in r.title or "الهلال" in r.title]
    assert sport and Counter(r.topic for r in sport).most_common(1)[0][0] == "sport"


def test_counts_made_in_several_goes_are_those_made_at_once(monkeypatch):
    articles = [a for p in corpus_files(SAMPLE_CORPUS) for a in read_file(p, p.name, lambda s: None) if a.topic]
    at_once, in_goes = LabelledArticles(), LabelledArticles()
    monkeypatch.setattr(in_goes, "WORDS_KEPT", 50)  # counted every few articles
    for article in articles:
        at_once.add(article.title, article.body, article.topic)
        in_goes.add(article.title, article.body, article.topic)
    assert _counts(in_goes.counts()) == _counts(at_once.counts())
