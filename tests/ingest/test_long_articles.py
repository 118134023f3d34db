"""Extraction time grows with the text, not with its square: one long paragraph cannot stall ingest."""

from __future__ import annotations

import time

from ingest.records import Article


def _seconds(extractor, sentences: int) -> float:
    sentence = "Peruvian Defence Minister Ana Lopes met Russian General Ivan Petrov in Lima on Monday. "
    text = sentence * sentences
    started = time.perf_counter()
    record = extractor.extract_one(Article(id=f"long-{sentences}", text=text))
    elapsed = time.perf_counter() - started
    assert record.meetings, "the repeated encounter is still read"
    return elapsed


def test_four_times_the_text_takes_far_less_than_sixteen_times_as_long(extractor) -> None:
    _seconds(extractor, 20)
    short, long = _seconds(extractor, 150), _seconds(extractor, 600)
    # Linear is 4x; the quadratic cost this guards against was well past 16x at these sizes.
    assert long < 9 * short, f"{short:.2f} s for 150 sentences, {long:.2f} s for 600"
