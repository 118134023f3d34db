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
    response = client.get("/export", params={"format": "xlsx"})
    assert response.status_code == 422
    assert "turtle" in str(response.json()["detail"])


def test_graphml_of_the_party_network_reads_back_with_networkx(client):
    import io

    import networkx as nx

    response = client.get("/export", params={"format": "graphml", "network": "parties"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphml+xml")
    assert "milgraph.graphml" in response.headers["content-disposition"]
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert graph.edges[str(LVA), "https://w3id.org/milgraph/id/state/AZE"]["weight"] >= 2


def test_csv_is_a_zip_of_nodes_and_edges(client):
    import csv
    import io
    import zipfile

    response = client.get("/export", params={"format": "csv", "from": "2022", "to": "2022"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        nodes = list(csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8")))
    dates = [row["date"] for row in nodes if row["date"]]
    assert dates and all(date.startswith("2022") for date in dates)


def test_gexf_reads_back_with_networkx(client):
    import io

    import networkx as nx

    response = client.get("/export", params={"format": "gexf"})
    graph = nx.read_gexf(io.BytesIO(response.content))
    assert graph.nodes[str(LVA)]["label"] == "Latvia"


def test_network_options_on_an_rdf_format_are_422(client):
    response = client.get("/export", params={"format": "turtle", "network": "parties"})
    assert response.status_code == 422
    assert "apply to the graphml, gexf and csv formats only" in response.json()["detail"]
