import cytoscape from "cytoscape";
import { getJson } from "../api.js";
import { h, link, message } from "../dom.js";

export const NODE_COLOURS = {
  state: "#1f5fa8",
  organisation: "#6a3d9a",
  person: "#d9822b",
  meeting: "#2f8f4e",
  call: "#7fb97f",
  agreement: "#b8323a",
};
const SHAPES = { state: "round-rectangle", organisation: "hexagon", person: "ellipse", meeting: "diamond", call: "diamond", agreement: "triangle" };

// Where a node's click leads: its own view, or for an event its neighbourhood.
export function nodeHref(node) {
  const label = encodeURIComponent(node.label || "");
  if (node.type === "person") return `/person/${label}`;
  if (node.type === "state" || node.type === "organisation") return `/country/${encodeURIComponent(node.name || node.label)}`;
  return `/network/${node.id.split("/id/").pop()}`;
}

export async function networkView({ node, parties, query }) {
  const hops = Math.min(3, Math.max(1, Number(query.get("hops") || 1)));
  const from = query.get("from") || "";
  const to = query.get("to") || "";
  let nodes;
  let edges;
  let heading;
  let note = "";
  if (parties) {
    const net = await getJson("/network/parties", { from, to, limit: 150 });
    heading = "Who deals with whom";
    nodes = net.nodes.map((p) => ({ id: p.id, label: p.name || p.code, name: p.name || p.code, type: p.kind, weight: p.events }));
    edges = net.links.map((l) => ({ source: l.source, target: l.target, weight: l.weight, title: `${l.meetings} meetings, ${l.agreements} agreements` }));
    note = "Lines are pairs of parties, thicker for more meetings and agreements between them.";
  } else {
    const hood = await getJson(`/neighbourhood/${node.split("/").map(encodeURIComponent).join("/")}`, { hops });
    const centre = hood.nodes.find((n) => n.id === hood.centre);
    heading = `Around ${centre?.label || node}`;
    nodes = hood.nodes.map((n) => ({ ...n, centre: n.id === hood.centre }));
    edges = hood.edges.map((e) => ({ ...e, title: e.type }));
    if (hood.truncated) note = "The graph was cut at the size cap: not every node is shown.";
  }
  const holder = h("div", { class: "network", role: "application", "aria-label": "Network graph; the list below it has the same nodes" });
  const controls = parties
    ? dateForm(from, to)
    : h(
        "nav",
        { class: "hops", "aria-label": "How far to go" },
        "Hops: ",
        [1, 2, 3].map((n) => link(`/network/${node}?hops=${n}`, String(n), { class: "button", "aria-current": n === hops ? "page" : null })),
      );
  const zoom = (factor) => () => cy && cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: holder.clientWidth / 2, y: holder.clientHeight / 2 } });
  const buttons = h(
    "div",
    { class: "zoom" },
    h("button", { type: "button", onclick: zoom(1.25), "aria-label": "Zoom in" }, "+"),
    h("button", { type: "button", onclick: zoom(0.8), "aria-label": "Zoom out" }, "−"),
    h("button", { type: "button", onclick: () => cy?.fit(undefined, 20) }, "Fit"),
  );
  const legend = h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    Object.entries(NODE_COLOURS).map(([type, colour]) => h("li", {}, h("span", { class: "swatch", style: `background:${colour}` }), type)),
  );
  const list = h(
    "details",
    { class: "node-list" },
    h("summary", {}, `The ${nodes.length} nodes as a list`),
    h("ul", {}, nodes.map((n) => h("li", {}, link(nodeHref(n), n.label || n.id), ` (${n.type})`))),
  );
  const element = h("section", { class: "network-view" }, h("h1", {}, heading), controls, note ? message(note) : null, h("div", { class: "network-box" }, holder, buttons), legend, list);
  let cy = null;
  const ready = () => {
    if (!nodes.length) {
      holder.replaceChildren(message("No nodes to draw."));
      return;
    }
    const maxWeight = Math.max(1, ...edges.map((e) => e.weight || 1));
    cy = cytoscape({
      container: holder,
      elements: [
        ...nodes.map((n) => ({ data: { ...n, colour: NODE_COLOURS[n.type], shape: SHAPES[n.type] } })),
        ...edges.map((e, i) => ({ data: { id: `e${i}`, ...e, width: 1 + (5 * (e.weight || 1)) / maxWeight } })),
      ],
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            shape: "data(shape)",
            label: "data(label)",
            "font-size": 10,
            "text-wrap": "ellipsis",
            "text-max-width": 120,
            "text-valign": "bottom",
            "text-margin-y": 3,
            color: "#222",
            width: 22,
            height: 22,
          },
        },
        { selector: "node[?centre]", style: { width: 34, height: 34, "border-width": 3, "border-color": "#111" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#9aa4b1", "curve-style": "bezier", opacity: 0.8 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
      wheelSensitivity: 0.3,
    });
    // A small graph fitted to the box would be drawn huge: it is shown at most a little enlarged.
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center();
    }
    cy.on("tap", "node", (event) => window.milgraph.navigate(nodeHref(event.target.data())));
    window.milgraph.cy = cy;
  };
  const cleanup = () => {
    cy?.destroy();
    if (window.milgraph.cy === cy) window.milgraph.cy = null;
  };
  return { element, title: heading, ready, cleanup };
}

function dateForm(from, to) {
  const field = (id, label, value) => h("label", { for: id }, label, h("input", { id, name: id, value, placeholder: "YYYY-MM-DD", size: 10 }));
  return h(
    "form",
    {
      class: "filters",
      "aria-label": "Date range",
      onsubmit: (event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        for (const [key, value] of new FormData(event.target)) if (value) query.set(key, value);
        window.milgraph.navigate(`/network/parties${query.size ? `?${query}` : ""}`);
      },
    },
    field("from", "From", from),
    field("to", "To", to),
    h("button", { type: "submit" }, "Apply"),
  );
}
