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


def test_without_a_format_the_accept_header_decides(client):
    assert client.get("/export").headers["content-type"].startswith("application/trig")
    turtle = client.get("/export", headers={"Accept": "text/turtle;q=0.9, application/rdf+xml;q=0.1"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert "milgraph.ttl" in turtle.headers["content-disposition"]
    assert (LVA, None, None) in Graph().parse(data=turtle.text, format="turtle")
    gexf = client.get("/export", headers={"Accept": "application/gexf+xml"})
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    assert client.get("/export", headers={"Accept": "application/json"}).json()["@context"]


def test_the_format_parameter_wins_over_accept(client):
    response = client.get("/export", params={"format": "nquads"}, headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("application/n-quads")


def test_an_accept_header_no_format_fits_is_406(client):
    response = client.get("/export", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/trig" in response.json()["detail"]


def test_an_etag_sent_back_gets_a_304_until_the_store_changes(make_client, memory_store):
    client = make_client(memory_store)
    memory_store.update('INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> "one" } }')
    first = client.get("/export", params={"format": "nquads"})
    tag = first.headers["etag"]
    assert tag.startswith('W/"')
    again = client.get("/export", params={"format": "nquads"}, headers={"If-None-Match": tag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", tag)
    other_format = client.get("/export", params={"format": "turtle"}, headers={"If-None-Match": tag})
    assert other_format.status_code == 200
    # The same number of statements, another content: the store's own change is what counts.
    memory_store.update(
        'DELETE DATA { GRAPH <urn:notes> { <urn:a> <urn:b> "one" } } ;'
        'INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> "two" } }'
    )
    changed = client.get("/export", params={"format": "nquads"}, headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != tag


def test_head_gives_the_headers_without_the_body(client):
    head = client.head("/export", params={"format": "turtle"})
    get = client.get("/export", params={"format": "turtle"})
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "etag", "content-disposition"):
        assert head.headers[name] == get.headers[name]


def test_the_export_is_gzipped_for_clients_that_accept_it(client):
    response = client.get("/export", params={"format": "nquads"}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    dataset = Dataset()
    dataset.parse(data=response.text, format="nquads")  # httpx has already decoded it
    assert ARTICLE_GRAPH in {g.identifier for g in dataset.graphs()}


def test_the_etag_tells_a_blank_node_graph_and_a_datatype_change(make_client, memory_store):
    client = make_client(memory_store)
    memory_store.update('INSERT DATA { GRAPH <urn:notes> { _:b <urn:says> "1" } }')
    first = client.get("/export", params={"format": "nquads"})
    assert first.status_code == 200
    memory_store.update(
        "DELETE WHERE { GRAPH <urn:notes> { ?s <urn:says> ?o } } ;"
        "INSERT DATA { GRAPH <urn:notes> { _:b <urn:says> 1 } }"
    )
    changed = client.get(
        "/export", params={"format": "nquads"}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != first.headers["etag"]
