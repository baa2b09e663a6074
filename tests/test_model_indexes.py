"""Indexes that keep long blocks and many notes linear: each agrees with the plain scan it replaces."""
from hypothesis import given
from hypothesis import strategies as st

from teikit.model import Block, Line, Mark, Spans
from teikit.passes.notes import Choices, in_order, line_numbers

spans_st = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans_st, st.integers(0, 50), st.integers(0, 10))
def test_spans_overlap_agrees_with_a_scan(spans, start, width):
    end = start + width
    assert Spans(spans).overlap(start, end) == any(s < end and start < e for s, e in spans)


def scan_line_at(block: Block, offset: int) -> int:
    for line in block.text_lines:
        if offset <= len(line.text):
            return line.n
        offset -= len(line.text) + 1
    return block.text_lines[-1].n if block.text_lines else 0


@given(st.lists(st.tuples(st.text("ab ", max_size=6), st.booleans()), max_size=8), st.integers(0, 60))
def test_line_numbers_agrees_with_a_scan(rows, offset):
    block = Block("p", [Line(n, text, kind="text" if is_text else "fw") for n, (text, is_text) in enumerate(rows, 1)])
    assert line_numbers(block)(offset) == scan_line_at(block, offset)


def test_first_and_last_text_lines_skip_furniture():
    block = Block("p", [Line(1, "PAGE 3", kind="fw"), Line(2, "one"), Line(3, "two"), Line(4, "4", kind="fw")])
    assert [line.n for line in block.first_text_lines(1)] == [2]
    assert [line.n for line in block.first_text_lines(5)] == [2, 3]
    assert block.last_text_line.n == 3
    assert Block("p", [Line(1, "7", kind="fw")]).last_text_line is None


@given(spans_st, st.integers(0, 50), st.integers(0, 10), st.integers(0, 50), st.integers(0, 6))
def test_choices_over_a_marker_agree_with_a_scan(spans, start, width, added_start, added_width):
    block = Block("p", marks=[Mark("choice", s, e) for s, e in spans] + [Mark("ref", 0, 60)])
    choices = Choices()
    choices.over(block, 0, 0)            # indexed before a correction is added
    choices.add(block, Mark("choice", added_start, added_start + added_width))
    end = start + width
    expected = [m for m in block.marks if m.tag == "choice" and m.start < end and start < m.end]
    assert sorted(map(id, choices.over(block, start, end))) == sorted(map(id, expected))


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 30), max_size=10), st.integers(0, 10),
       st.lists(st.tuples(st.integers(1, 5), st.integers(0, 30)), max_size=6))
def test_in_order_agrees_with_checking_each_number(accepted, low, steps):
    numbers, n = [], low
    for step, _ in steps:
        n += step
        numbers.append(n)
    indices = [index for _, index in steps]
    expected = all(all(accepted.get(m, -1) < i for m in range(low, n)) for n, i in zip(numbers, indices))
    assert in_order(accepted, low, numbers, indices) == expected
