"""The dateline a story opens with: its city, where it ends, and what that costs on a long text."""

from __future__ import annotations

import time

from ingest.events import dateline, dateline_end
from ingest.pipeline import Extractor


def test_dateline_city_and_end_in_unicode_and_wire_forms(extractor: Extractor) -> None:
    doc = extractor.nlp.make_doc("HÀ NỘI — Defence Minister Tran Minh met his guest.")
    assert (dateline(doc), doc.text[dateline_end(doc) :]) == (
        "Hà Nội",
        "Defence Minister Tran Minh met his guest.",
    )
    doc = extractor.nlp.make_doc("OSLO, March 3. /NTB/. The ministers met.")
    assert (dateline(doc), doc.text[dateline_end(doc) :]) == ("Oslo", "The ministers met.")
    doc = extractor.nlp.make_doc("The ministers met in Oslo.")
    assert (dateline(doc), dateline_end(doc)) == (None, 0)


def test_the_dateline_of_a_long_text_is_read_once(extractor: Extractor) -> None:
    doc = extractor.nlp.make_doc("RIGA — " + "Juris Ozols met Ana Lopes in Riga. " * 28_000)
    assert len(doc.text) > 950_000
    start = time.perf_counter()
    # Every sentence asks for it: a million-character text has tens of thousands.
    ends = {dateline_end(doc) for _ in range(25_000)}
    assert ends == {len("RIGA — ")}
    assert time.perf_counter() - start < 5


def test_the_dateline_city_is_the_place_of_the_lead_meeting(extract) -> None:
    record = extract(
        "HÀ NỘI — Defence Minister Tran Minh received Chilean Defence Minister Diego Rojas on Tuesday."
    )
    [meeting] = record.meetings
    assert meeting.place == "Hà Nội"
    assert sorted(p.code for p in meeting.parties) == ["CHL", "VNM"]
