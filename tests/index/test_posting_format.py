"""The Arabic text fields' posting values round-trip."""

from hypothesis import given
from hypothesis import strategies as st

from archive_search.index.posting_format import (
    ArabicPositions,
    encode_count,
    encode_positions,
)


@given(st.lists(st.integers(min_value=0, max_value=200_000), min_size=1, max_size=40, unique=True))
def test_positions_round_trip(numbers):
    positions = sorted(numbers)
    fmt = ArabicPositions()
    value = encode_positions(positions)
    assert fmt.decode_positions(value) == positions
    assert fmt.decode_frequency(value) == len(positions)


@given(st.integers(min_value=1, max_value=1_000_000))
def test_counts_round_trip(count):
    fmt = ArabicPositions()
    assert fmt.decode_frequency(encode_count(count)) == count
    assert fmt.decode_positions(encode_count(count)) == []
