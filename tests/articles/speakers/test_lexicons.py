"""The speaker finder's lexicons (archive_search.articles.speakers.lexicons): coverage."""

import pytest

from archive_search.articles.speakers.lexicons import (
    GIVEN_BY_ORIGIN, GIVEN_NAMES, MEDIA, NEVER_NAMES, ORGANISATIONS, PLACES, SPEECH_VERBS, TITLES, light,
)
from archive_search.text.normalize import normalize


# --- Lexicons -------------------------------------------------------------------


@pytest.mark.parametrize("origin, names", [
    ("arabic", "محمد أحمد فاطمة عائشة خالد عبدالله يوسف مريم حسن ليلى"),
    ("persian", "علي رضا حسن محمود جواد فرهاد داريوش مهدي شيرين نرجس"),
    ("turkish", "رجب طيب مولود هاكان إبراهيم مراد أردا جنكيز أورهان ميرال"),
    ("kurdish", "بدران مسعود نيجيرفان هوشيار سيروان دلشاد آزاد هفال ريبوار زوزان"),
    ("european", "دونالد إيمانويل أنغيلا فلاديمير سيرغي تيريزا بوريس جان ماريو كارلوس"),
    ("african", "أوهورو سيريل ثابو مامادو أمادو ماكي غودلاك كوامي نغوزي تيدروس"),
    ("asian", "شينزو يوشيهيدي ناريندرا جين بينغ جونغ أون ماساهارو يوكيا جوكو"),
])
def test_given_names_of_each_origin_are_in_the_lexicon(origin, names):
    lexicon = GIVEN_BY_ORIGIN[origin]
    assert [n for n in names.split() if normalize(n) not in lexicon] == []


@pytest.mark.parametrize("origin, names", [
    ("arabic", "نائف بخيت معيض ناظم لولوة"),
    ("european", "سالي سمانثا هنرييت جيروم سايمون كيمبرلي"),
])
def test_given_names_the_development_parts_showed_missing(origin, names):
    assert [n for n in names.split() if normalize(n) not in GIVEN_BY_ORIGIN[origin]] == []


@pytest.mark.parametrize("word", "نجاح واصل ثابت رفيعة نشأت مفيد دين بترا".split())
def test_words_that_read_as_names_but_are_mostly_words_are_no_given_names(word):
    # (a verb, an adjective, a noun, a city: listed as given names they would read a name into a sentence)
    assert normalize(word) not in GIVEN_NAMES


def test_the_given_name_lexicon_has_several_thousand_entries():
    assert len(GIVEN_NAMES) > 2500


@pytest.mark.parametrize("word", "وزارة هيئة حكومة شرطة جيش حزب منظمة شركة مجلس لجنة جامعة محكمة".split())
def test_organisation_words_are_never_names(word):
    assert normalize(word) in ORGANISATIONS and normalize(word) in NEVER_NAMES


@pytest.mark.parametrize("word", "دمشق واشنطن موسكو القاهرة تونس الرياض بغداد باريس لندن طهران".split())
def test_capitals_are_never_names(word):
    assert normalize(word) in PLACES and normalize(word) in NEVER_NAMES


@pytest.mark.parametrize("word", "قناة صحيفة وكالة إذاعة موقع رويترز".split())
def test_media_words_are_never_names(word):
    assert normalize(word) in MEDIA


@pytest.mark.parametrize("word", "بيان تقرير دراسة هذا الذي علنا اليوم أمس".split())
def test_abstract_nouns_pronouns_time_words_and_adverbs_are_never_names(word):
    assert normalize(word) in NEVER_NAMES


def test_titles_and_verbs_of_saying_are_listed():
    assert {normalize(w) for w in "رئيس وزير سفير متحدث ناطق دكتور شيخ مدرب".split()} <= TITLES
    assert {light(w) for w in "قال قالت يقول أكد أضاف أوضح أشار صرح".split()} <= SPEECH_VERBS
