"""Links out: states and organisations carry owl:sameAs their Wikidata item, from a static table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pycountry
import pytest
from sample_records import tallinn_record

from graph.rdf import article_triples
from graph.wikidata import read_table, wikidata_iri
from ingest.records import Party
from ontology import OWL, WIKIDATA_FILE

ORGANISATIONS = Path(__file__).resolve().parents[2] / "ingest" / "resources" / "organisations.tsv"
SAME_AS = str(OWL.sameAs)


def test_a_listed_state_and_organisation_get_their_item() -> None:
    assert wikidata_iri(Party("LVA", "state", "Latvia")) == "http://www.wikidata.org/entity/Q211"
    assert wikidata_iri(Party("NATO", "organisation", "NATO")) == "http://www.wikidata.org/entity/Q7184"


def test_a_party_the_table_does_not_list_gets_no_link() -> None:
    assert wikidata_iri(Party("XYZ", "state", "Nowhere")) is None
    # Codes are per kind: an organisation's acronym is not looked up among the states.
    assert wikidata_iri(Party("LVA", "organisation", "Not Latvia")) is None


def test_the_links_are_written_where_parties_become_rdf() -> None:
    links = {
        (t.subject.value, t.object.value)
        for t in article_triples(tallinn_record())
        if t.predicate.value == SAME_AS
    }
    assert ("https://w3id.org/milgraph/id/state/EST", "http://www.wikidata.org/entity/Q191") in links


def test_the_table_names_real_codes_and_each_item_once() -> None:
    table = read_table(WIKIDATA_FILE)
    acronyms = {
        line.split("\t")[0] for line in ORGANISATIONS.read_text().splitlines() if not line.startswith("#")
    }
    for kind, code in table:
        if kind == "state":
            assert pycountry.countries.get(alpha_3=code) is not None, code
        else:
            assert code in acronyms, code
    assert [item for item, n in Counter(table.values()).items() if n > 1] == []


@pytest.mark.parametrize(
    "line", ["state\tLVA\t211", "country\tLVA\tQ211", "state\t\tQ211", "state\tLVA\tQ211\nstate\tLVA\tQ212"]
)
def test_a_malformed_table_is_refused_naming_the_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "wikidata.tsv"
    path.write_text(f"# kind\tcode\twikidata\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{path.name}:\d+: expected"):
        read_table(path)


def test_sparql_users_can_join_on_the_wikidata_item(seeded_store) -> None:
    query = f"SELECT ?party WHERE {{ ?party <{SAME_AS}> <http://www.wikidata.org/entity/Q211> }}"
    assert seeded_store.select(query) == [{"party": "https://w3id.org/milgraph/id/state/LVA"}]
