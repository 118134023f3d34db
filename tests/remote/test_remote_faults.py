"""RemoteStore when the server is down, failing, slow or cutting connections (faults injected on loopback)."""

from __future__ import annotations

import socket
import time

import pytest
from faults import FaultProxy

from graph.remote import RemoteStore
from graph.store import GraphUpload, QueryTimeout, StoreError, StoreUnavailable
from ontology import GRAPH, ID, MG, RDF, SCHEMA

ASK_ANY = "ASK { ?s ?p ?o }"


def upload(key: str, content_hash: str) -> GraphUpload:
    node = f"<{ID}article/{key}>"
    ntriples = f'{node} <{RDF.type}> <{SCHEMA.NewsArticle}> .\n{node} <{MG.contentHash}> "{content_hash}" .\n'
    return GraphUpload(str(GRAPH[f"article/{key}"]), ntriples.encode(), content_hash)


def test_a_server_that_is_not_running_is_reported_unavailable_by_url() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = RemoteStore(f"http://127.0.0.1:{port}", retries=1)
    with pytest.raises(StoreUnavailable, match=rf"http://127\.0\.0\.1:{port}/query is unreachable"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(StoreUnavailable, match=rf"http://127\.0\.0\.1:{port}/update is unreachable"):
        store.replace_graphs([upload("a1", "h1")])


def test_transient_failures_are_retried_until_answered(store: RemoteStore, proxy: FaultProxy) -> None:
    store.replace_graphs([upload("a1", "h1")])
    proxy.inject(503, 502)
    through_proxy = RemoteStore(proxy.url, retries=3)
    assert through_proxy.ask(ASK_ANY) is True
    assert len(proxy.requests) == 3


def test_the_store_gives_up_after_its_retries(proxy: FaultProxy) -> None:
    proxy.inject(503, 503, 503, 503)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match=rf"{proxy.url}/query is unavailable \(HTTP 503\): injected"):
        RemoteStore(proxy.url, retries=2).ask(ASK_ANY)
    assert len(proxy.requests) == 3
    assert time.monotonic() - started < 5


def test_a_server_error_is_reported_at_once_with_its_message(proxy: FaultProxy) -> None:
    proxy.inject(500)
    expected = r"/query failed to run an ASK query \(HTTP 500\): injected HTTP 500"
    with pytest.raises(StoreError, match=expected) as err:
        RemoteStore(proxy.url, retries=3).ask(ASK_ANY)
    assert not isinstance(err.value, StoreUnavailable)
    assert len(proxy.requests) == 1


def test_a_hanging_server_times_the_query_out(proxy: FaultProxy) -> None:
    proxy.inject("hang")
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=rf"{proxy.url}/query gave no answer within 0.5 s"):
        RemoteStore(proxy.url, timeout=5).ask(ASK_ANY, timeout=0.5)
    assert time.monotonic() - started < 3


def test_a_user_update_is_not_sent_twice(store: RemoteStore, proxy: FaultProxy) -> None:
    proxy.inject(503)
    with pytest.raises(StoreUnavailable, match=r"/update is unavailable \(HTTP 503\)"):
        RemoteStore(proxy.url, retries=3).update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert len(proxy.requests) == 1
    assert store.ask("ASK { <urn:a> <urn:b> <urn:c> }") is False


def test_an_article_batch_is_sent_again_after_a_bad_gateway(store: RemoteStore, proxy: FaultProxy) -> None:
    proxy.inject(502)
    RemoteStore(proxy.url).replace_graphs([upload("a1", "h1"), upload("a2", "h2")])
    assert store.graph_hashes() == {str(GRAPH["article/a1"]): "h1", str(GRAPH["article/a2"]): "h2"}
    assert len(proxy.requests) == 2


def test_a_batch_cut_mid_upload_leaves_the_previous_version(store: RemoteStore, proxy: FaultProxy) -> None:
    store.replace_graphs([upload("a1", "old")])
    proxy.inject("cut", "cut")
    with pytest.raises(StoreUnavailable, match=r"dropped the connection .*; nothing was written"):
        RemoteStore(proxy.url, retries=1).replace_graphs([upload("a1", "new"), upload("a2", "new")])
    assert len(proxy.requests) == 2
    assert store.graph_hashes() == {str(GRAPH["article/a1"]): "old"}
    in_default_graph = f"SELECT ?hash WHERE {{ ?article <{MG.contentHash}> ?hash }}"
    assert store.select(in_default_graph) == [{"hash": "old"}]


def test_credentials_are_sent_and_a_refusal_says_what_to_check(store: RemoteStore, proxy: FaultProxy) -> None:
    proxy.credentials = ("analyst", "s3cret")
    expected = r"refused to run an ASK query \(HTTP 401\): check the store username and password"
    with pytest.raises(StoreError, match=expected):
        RemoteStore(proxy.url).ask(ASK_ANY)
    assert RemoteStore(proxy.url, username="analyst", password="s3cret").ask(ASK_ANY) is False


def test_a_wrong_endpoint_path_is_named(private_server: str) -> None:
    store = RemoteStore(private_server, query_endpoint=f"{private_server}/sparql/query")
    with pytest.raises(StoreUnavailable, match=rf"no SPARQL endpoint at {private_server}/sparql/query"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
