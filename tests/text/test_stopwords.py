"""Stopwords: function words dropped, names that look like them kept."""

from archive_search.text.stopwords import is_stopword


def test_preposition_is_stopword():
    assert is_stopword("على")
    assert is_stopword("في")


def test_name_ali_is_not_stopword():
    assert not is_stopword("علي")


def test_vocalized_stopword():
    assert is_stopword("فِي")


def test_content_word_is_not_stopword():
    assert not is_stopword("مخيم")


def test_stopword_spelled_with_alef_maqsura():
    # Egyptian spelling: فى for في, هى for هي
    assert is_stopword("فى")
    assert is_stopword("هى")


def test_question_words_written_together():
    assert is_stopword("ماهي")
    assert is_stopword("بماذا")
    assert is_stopword("وأين")


def test_alef_maqsura_spelling_that_is_also_a_word_is_kept():
    # الي may be إلى misspelled, but آلي (automatic) folds to the same key
    assert not is_stopword("آلي")
    assert not is_stopword("الي")
