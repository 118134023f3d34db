import "@zazuko/yasgui/build/yasgui.min.css";
import Yasgui from "@zazuko/yasgui";
import { h } from "../dom.js";

const PREFIXES = `PREFIX mg: <https://w3id.org/milgraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
`;

export const EXAMPLES = [
  {
    name: "Partners of a state",
    query: `${PREFIXES}
# Latvia's partners: how many meetings and agreements each shares with it.
SELECT ?partner ?name (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?latvia skos:notation "LVA" .
  ?event mg:party ?latvia, ?partner .
  FILTER(?partner != ?latvia)
  OPTIONAL { ?partner skos:prefLabel ?name }
}
GROUP BY ?partner ?name
ORDER BY DESC(?events)`,
  },
  {
    name: "A person's encounters",
    query: `${PREFIXES}
# Everyone Zakir Hasanov met, with the date of each meeting.
SELECT ?date ?other ?name WHERE {
  ?hasanov schema:name "Zakir Hasanov" .
  ?meeting a mg:Meeting ; schema:attendee ?hasanov, ?other .
  FILTER(?other != ?hasanov)
  ?other schema:name ?name .
  OPTIONAL { ?meeting dcterms:date ?date }
}
ORDER BY ?date`,
  },
  {
    name: "Agreements by year",
    query: `${PREFIXES}
# How many agreements were signed each year.
SELECT ?year (COUNT(DISTINCT ?agreement) AS ?agreements) WHERE {
  ?agreement a mg:Agreement ; dcterms:date ?date .
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
  FILTER(!STRSTARTS(STR(?date), "--"))
}
GROUP BY ?year
ORDER BY ?year`,
  },
  {
    name: "A state's graph (CONSTRUCT)",
    query: `${PREFIXES}
# Latvia's names and codes as Turtle.
CONSTRUCT { ?latvia ?property ?value } WHERE {
  ?latvia skos:notation "LVA" ; ?property ?value .
  FILTER(isLiteral(?value))
}`,
  },
];

export function queryView() {
  const holder = h("div", { class: "yasgui-holder" });
  let yasgui = null;
  const use = (example, run) => {
    const tab = yasgui.getTab();
    tab.setQuery(example.query);
    if (run) tab.getYasqe().query();
  };
  const element = h(
    "section",
    { class: "query" },
    h("h1", {}, "SPARQL"),
    h("p", { class: "lead" }, "Ask the graph anything in SPARQL 1.1; the endpoint is ", h("code", {}, "/sparql"), ". Pick an example to start from:"),
    h(
      "ul",
      { class: "examples" },
      EXAMPLES.map((example) => h("li", {}, h("button", { type: "button", onclick: () => use(example, true) }, example.name))),
    ),
    holder,
  );
  const ready = () => {
    const endpoint = `${location.origin}/sparql`;
    yasgui = new Yasgui(holder, {
      requestConfig: { endpoint, method: "POST", acceptHeaderGraph: "text/turtle" },
      copyEndpointOnNewTab: true,
      // Nothing leaves the origin: no public endpoints to pick from, no term look-ups online.
      endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
      yasqe: { autocompleters: ["prefixes", "variables"] },
      persistenceId: null,
    });
    // A graph answer is shown as the Turtle it came as; YASR would draw its triples as a table.
    yasgui.on("queryResponse", (_, tab) => {
      if (["CONSTRUCT", "DESCRIBE"].includes(tab.getYasqe().getQueryType())) tab.getYasr().selectPlugin("response");
    });
    if (!yasgui.getTab().getQuery().includes("mg:")) use(EXAMPLES[0], false);
  };
  const cleanup = () => yasgui?.destroy?.();
  return { element, title: "SPARQL", ready, cleanup };
}
