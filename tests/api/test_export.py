"""GET /export: the whole graph, in a format rdflib reads back."""

from rdflib import Dataset, Graph, URIRef

ARTICLE_GRAPH = URIRef("https://w3id.org/milgraph/graph/article/004_23ce66ccd23087cf")
LVA = URIRef("https://w3id.org/milgraph/id/state/LVA")


def test_nquads_keep_one_graph_per_article(client):
    response = client.get("/export", params={"format": "nquads"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/n-quads")
    assert "milgraph.nq" in response.headers["content-disposition"]
    dataset = Dataset()
    dataset.parse(data=response.text, format="nquads")
    assert ARTICLE_GRAPH in {g.identifier for g in dataset.graphs()}
    assert (LVA, None, None) in dataset.graph(ARTICLE_GRAPH)


def test_turtle_holds_the_union(client):
    response = client.get("/export", params={"format": "turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    assert (LVA, None, None) in graph


def test_an_unknown_format_is_422_naming_the_choices(client):
    response = client.get("/export", params={"format": "csv"})
    assert response.status_code == 422
    assert "turtle" in str(response.json()["detail"])
