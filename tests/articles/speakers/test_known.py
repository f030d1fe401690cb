"""Evidence from the archive (archive_search.articles.speakers.known.KnownNames)."""

import pytest

from archive_search.articles.speakers import KnownNames, find_speakers


# --- Evidence from the archive ------------------------------------------------


def _archive(articles: int) -> KnownNames:
    known = KnownNames()
    for i in range(articles):
        known.observe(f"وقال وزير التجارة تاكيهيرو سوزوكي إن الصادرات ارتفعت {i}.")
    return known


def test_a_given_name_seen_in_the_archive_makes_a_name_a_person():
    text = "وقال تاكيهيرو ناكامورا كذلك في المؤتمر إن السوق مستقر."
    assert find_speakers(text) == []
    assert find_speakers(text, _archive(4).finish()) == ["تاكيهيرو ناكامورا"]


def test_one_article_is_no_evidence():
    text = "وقال تاكيهيرو ناكامورا كذلك في المؤتمر إن السوق مستقر."
    assert find_speakers(text, _archive(1).finish()) == []


def test_known_names_merge_and_round_trip():
    a, b = _archive(2), _archive(2)
    merged = a.merge(b).finish()
    assert merged.articles == 4
    again = KnownNames.from_dict(merged.to_dict())
    assert again.to_dict() == merged.to_dict()
    assert again.is_given("تاكيهيرو")


def test_known_names_refuse_to_observe_once_finished():
    known = KnownNames().finish()
    with pytest.raises(ValueError):
        known.observe("قال فلان")


def test_a_family_name_the_archive_knows_is_cut_from_the_object_after_it():
    known = KnownNames()
    for i in range(4):
        known.observe(f"وقال الرئيس الأمريكي دونالد ترامب إن الاقتصاد قوي {i}.")
    known.finish()
    text = 'قال الرئيس الأمريكي دونالد ترامب إن الاقتصاد قوي.\nووصف ترامب أوماروسا بأنها "كاذبة".'
    assert find_speakers(text, known) == ["دونالد ترامب"]
    # without a fuller name in the article, two unknown words stay one name
    assert find_speakers('ووصف ترامب أوماروسا بأنها "كاذبة".', known) == ["ترامب أوماروسا"]
    text = 'التقى الرئيس الأمريكي دونالد ترامب رجال الأعمال.\nووصف ترامب الحملة الإعلانية بأنها "قرار سيئ".'
    assert find_speakers(text, known) == ["دونالد ترامب"]


def test_a_family_name_known_with_al_is_no_evidence_for_the_bare_word():
    known = KnownNames()
    for i in range(4):
        known.observe(f"وقال رئيس الحكومة يوسف الشاهد إن الإصلاحات مستمرة {i}.")
        known.observe(f"وقال الدكتور عبد الله نصر الله إن الأمر جيد {i}.")
    known.finish()
    assert known.is_family("الشاهد", definite=True) and not known.is_family("شاهد")
    assert find_speakers("وأضاف الشاهد إن الحكومة ماضية في الإصلاح.", known) == ["الشاهد"]
    # "a witness", and God after a verb: no family name of the archive's
    assert find_speakers("وقال شاهد عيان إن الانفجار كان قويا.", known) == []
    assert find_speakers("وسأل الله أن يتغمدهم برحمته.", known) == []


def test_a_transliterated_family_name_in_in_or_un_is_learned_but_no_arabic_plural():
    known = KnownNames()
    for i in range(4):
        known.observe(f"وقال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار {i}.")
        known.observe(f"وقال الرئيس الفرنسي إيمانويل ماكرون إن أوروبا موحدة {i}.")
        known.observe(f"وقال الوزير محمد مسؤولين عن القطاع إن الأمر جيد {i}.")
    known.finish()
    assert known.is_family("بوتين") and known.is_family("ماكرون") and not known.is_family("مسؤولين")
    assert find_speakers("وقال بوتين إن العقوبات لن تجدي.", known) == ["بوتين"]
    assert find_speakers("وأكد ماكرون أن أوروبا موحدة.", known) == ["ماكرون"]
    assert find_speakers("ويقول كثيرون إن الأمر مبالغ فيه.", known) == []
