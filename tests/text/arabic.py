"""What the tests of the Arabic rules share: a stem as the index makes it, and
random text of Arabic letters, presentation forms, joiners, marks and Latin."""

from hypothesis import strategies as st

from archive_search.text.normalize import normalize
from archive_search.text.stemmer import stem


def stem_of(word: str) -> str:
    return stem(normalize(word))


arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(" \u200c\u200d\u200e\u200f0123456789abcXYZ"),
    )
)
