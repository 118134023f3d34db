"""What the service and its data are: the Service Description, VoID, and the JSON-LD context.

`GET /sparql` without a query answers the service description: the endpoint, its languages
(Update only when the server has a write token), result formats, and `sd:defaultDataset`
with the default graph and every named graph (the article graphs and the vocabulary graph).
The dataset is described with VoID there and, alone, at `/void`: size, class partitions,
vocabularies, URI space, the SPARQL endpoint and the dump. Both follow the Accept header
(Turtle, N-Triples, JSON-LD, RDF/XML; Turtle when none of them is accepted). The context
of every JSON-LD milgraph writes is at `/context.jsonld`.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from api.deps import StoreDep
from api.linked import LD_JSON, context_url
from api.negotiation import choose
from api.queries import render
from api.settings import Settings
from graph.jsonld import compacted_triples, context
from graph.store import RDF_FORMATS, RESULT_FORMATS, Store
from ontology import ID, MG, OA, ORG, PROV, ROLE, SCHEMA, SKOS, VOCABULARY_GRAPH

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

# The W3C format IRIs the service description advertises for each served media type.
FORMAT_IRIS = {
    RESULT_FORMATS["json"]: FORMATS.SPARQL_Results_JSON,
    RESULT_FORMATS["xml"]: FORMATS.SPARQL_Results_XML,
    RESULT_FORMATS["csv"]: FORMATS.SPARQL_Results_CSV,
    RESULT_FORMATS["tsv"]: FORMATS.SPARQL_Results_TSV,
    RDF_FORMATS["turtle"]: FORMATS.Turtle,
    RDF_FORMATS["ntriples"]: FORMATS["N-Triples"],
    RDF_FORMATS["jsonld"]: FORMATS["JSON-LD"],
    RDF_FORMATS["rdfxml"]: FORMATS.RDF_XML,
}
# The formats of the dump at /export, as VoID features.
DUMP_FORMATS = (FORMATS.TriG, FORMATS["N-Quads"], FORMATS.Turtle, FORMATS["N-Triples"], FORMATS["JSON-LD"])
VOCABULARIES = (
    URIRef(str(MG).rstrip("#")),
    URIRef(str(ROLE) + "scheme"),
    URIRef(str(SCHEMA)),
    URIRef(str(ORG)),
    URIRef(str(PROV)),
    URIRef(str(SKOS)),
    URIRef(str(DCTERMS)),
    URIRef(str(OA)),
)
# Media type -> rdflib serializer; JSON-LD is written with the milgraph context instead.
DESCRIPTION_FORMATS = {
    RDF_FORMATS["turtle"]: "turtle",
    RDF_FORMATS["ntriples"]: "nt",
    RDF_FORMATS["jsonld"]: None,
    RDF_FORMATS["rdfxml"]: "xml",
}

CONTEXT_EXAMPLE = {
    "@context": {"mg": "https://w3id.org/milgraph/ontology#", "party": {"@id": "mg:party", "@type": "@id"}}
}

router = APIRouter(tags=["linked data"])


def _count(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def dataset_iri(request: Request) -> URIRef:
    return URIRef(f"{request.url_for('void_description')}#dataset")


def describe_dataset(graph: Graph, request: Request, store: Store) -> URIRef:
    """Add the VoID description of the dataset to `graph`; returns the dataset's node."""
    dataset = dataset_iri(request)
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("milgraph", lang="en")))
    graph.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Bilateral military relations read from news articles: meetings, agreements, the "
                "people and parties in them, each with the sentence it was read from.",
                lang="en",
            ),
        )
    )
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(str(request.url_for("sparql_get")))))
    graph.add((dataset, VOID.dataDump, URIRef(f"{request.url_for('export')}?format=nquads")))
    graph.add((dataset, VOID.uriSpace, Literal(str(ID))))
    graph.add((dataset, VOID.rootResource, URIRef(str(MG).rstrip("#"))))
    for vocabulary in VOCABULARIES:
        graph.add((dataset, VOID.vocabulary, vocabulary))
    for feature in DUMP_FORMATS:
        graph.add((dataset, VOID.feature, feature))
    size = store.select(render("default-size"))[0]
    graph.add((dataset, VOID.triples, _count(int(size.get("triples", 0)))))
    graph.add((dataset, VOID.distinctSubjects, _count(int(size.get("subjects", 0)))))
    for row in store.select(render("class-partitions")):
        partition = BNode()
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(row["class"])))
        graph.add((partition, VOID.entities, _count(int(row["n"]))))
    return dataset


def describe_service(graph: Graph, request: Request, settings: Settings, store: Store) -> None:
    endpoint = URIRef(str(request.url.replace(query="", fragment="")))
    graph.add((endpoint, RDF.type, SD.Service))
    graph.add((endpoint, SD.endpoint, endpoint))
    graph.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
    if settings.write_token is not None:
        graph.add((endpoint, SD.supportedLanguage, SD.SPARQL11Update))
    graph.add((endpoint, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    for format_iri in FORMAT_IRIS.values():
        graph.add((endpoint, SD.resultFormat, format_iri))
    dataset = describe_dataset(graph, request, store)
    graph.add((endpoint, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, DCTERMS.description, Literal("the union of the article graphs", lang="en")))
    graph.add((default, VOID.triples, graph.value(dataset, VOID.triples)))
    for row in sorted(store.select(render("named-graphs")), key=lambda row: row["g"]):
        named, described = BNode(), BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(row["g"])))
        graph.add((named, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
        graph.add((described, VOID.triples, _count(int(row["n"]))))
        if row["g"] == VOCABULARY_GRAPH:
            text = "the milgraph ontology and role scheme; not part of the default graph"
            graph.add((described, DCTERMS.description, Literal(text, lang="en")))


def rdf_response(graph: Graph, request: Request) -> Response:
    """`graph` in the RDF format the Accept header prefers, Turtle when it accepts none of them."""
    media_type = choose(request.headers.get("accept"), list(DESCRIPTION_FORMATS)) or RDF_FORMATS["turtle"]
    serializer = DESCRIPTION_FORMATS[media_type]
    if serializer is None:
        triples = (q.triple for q in ox.parse(graph.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES))
        body = compacted_triples(triples, context_url(request))
    else:
        graph.bind("sd", SD)
        graph.bind("void", VOID)
        graph.bind("formats", FORMATS)
        body = graph.serialize(format=serializer, encoding="utf-8")
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def service_description(request: Request, settings: Settings, store: Store) -> Response:
    """The SPARQL 1.1 Service Description of the endpoint `request` was sent to."""
    graph = Graph()
    describe_service(graph, request, settings, store)
    return rdf_response(graph, request)


@router.get(
    "/void",
    summary="A VoID description of the dataset: size, classes, vocabularies, endpoint and dump",
    response_class=Response,
    responses={
        200: {
            "content": {
                RDF_FORMATS["turtle"]: {
                    "example": "<http://localhost:8000/void#dataset> a void:Dataset ;\n"
                    '    void:triples 466 ; void:uriSpace "https://w3id.org/milgraph/id/" .\n'
                },
                **{media: {} for media in DESCRIPTION_FORMATS if media != RDF_FORMATS["turtle"]},
            }
        }
    },
)
def void_description(request: Request, store: StoreDep) -> Response:
    graph = Graph()
    describe_dataset(graph, request, store)
    return rdf_response(graph, request)


@router.get(
    "/context.jsonld",
    summary="The JSON-LD context of milgraph's exports and answers",
    response_class=Response,
    responses={200: {"content": {LD_JSON: {"example": CONTEXT_EXAMPLE}}}},
)
def context_document() -> Response:
    body = json.dumps({"@context": context()}, indent=2, ensure_ascii=False) + "\n"
    return Response(body, media_type=LD_JSON, headers={"Cache-Control": "public, max-age=86400"})
