"""Arabic stopwords: function words recognised without swallowing names.

Stopwords are compared in a lighter form than :func:`~archive_search.text.normalize.normalize`
gives, which keeps ى, ة and hamza seats: على (a preposition) is a stopword
while علي (a name) is not.
"""

from __future__ import annotations

from archive_search.text.letters import ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, ALEF_WASLA
from archive_search.text.normalize import DELETED


# Stopwords are compared in a lighter form that keeps ى, ة and hamza seats:
# على (a preposition) is a stopword while علي (a name) is not, and the
# feminine-marked forms stay distinct from names that only differ there.
# So the list spells out the other spellings that news and questions use:
# ى for ي where no content word is spelled the same (فى, هى, أى; not علي,
# nor الي, which is also آلي), and question words written together or with
# و (ماهي, بماذا, وأين).
_STOP_KEY_TABLE = str.maketrans(
    {
        ALEF_MADDA: ALEF,
        ALEF_HAMZA_ABOVE: ALEF,
        ALEF_HAMZA_BELOW: ALEF,
        ALEF_WASLA: ALEF,
        **{c: None for c in DELETED},
    }
)

STOPWORDS = frozenset(
    """
    من في على الى إلى عن مع ب ل ك و ف ثم او أو أم ام بل لكن لكنه لكنها لكن
    ان إن أن انه أنه إنه انها أنها إنها انهم أنهم إنهم اننا أننا لان لأن كان كانت كانوا يكون تكون
    ما ماذا لماذا كيف متى اين أين اي أي أية اية هل كم
    هو هي هم هما هن انا أنا نحن انت أنت انتم أنتم
    هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك أولئك هنا هناك هنالك
    الذي التي الذين اللذان اللتان اللاتي اللواتي اللذين
    قد لقد لا لم لن ليس ليست سوف
    كل بعض غير عند عندما حتى حيث حين اذا إذا اذ إذ لو لولا كما كذلك ايضا أيضا
    منذ خلال بين بينما قبل بعد فوق تحت امام أمام خلف حول دون ضد لدى لدي نحو
    الا إلا الا الى عليه عليها عليهم اليه إليه اليها إليها منه منها منهم فيه فيها فيهم
    به بها بهم له لها لهم لنا لك عنه عنها عنهم معه معها
    وقد ولا ولم ولن وهو وهي وهم وفي ومن وعلى وإلى والى وعن وما وكان وكانت وأن وان وإن
    فقد فإن فان فلا فهو فهي
    يا اما أما إما اما لدى تم التى الذى يتم وتم
    فى هى وهى فهى اى أى متي حتي
    ماهي ماهى ماهو بماذا ولماذا ومتى ومتي وأين واين وكيف وهل وكم
    """.split()
)


def stopword_key(word: str) -> str:
    """The form in which a word is looked up in :data:`STOPWORDS`."""
    return word.translate(_STOP_KEY_TABLE)


_STOP_KEYS = frozenset(stopword_key(w) for w in STOPWORDS)


def is_stopword(word: str) -> bool:
    """True for an Arabic function word (the word as written, not normalized).

    >>> is_stopword("على"), is_stopword("علي")
    (True, False)
    """
    return stopword_key(word).lower() in _STOP_KEYS


