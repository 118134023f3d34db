import { getJson, segment } from "../api.js";
import { h, link, message, pairHref, partyHref, sortableTable } from "../dom.js";
import { eventCard } from "../evidence.js";
import { timelineChart } from "../timeline.js";

const PAGE = 20;

export async function countryView(name, query) {
  const filters = {
    partner: query.get("partner") || "",
    kind: query.get("kind") || "",
    from: query.get("from") || "",
    to: query.get("to") || "",
    offset: Number(query.get("offset") || 0),
  };
  const dates = { from: filters.from, to: filters.to };
  // The partners and counts (over the date range) with the first page, and the timeline, at once.
  const [relations, timeline] = await Promise.all([
    getJson(`/country/${segment(name)}/relations`, { ...dates, limit: 1 }),
    getJson(`/country/${segment(name)}/timeline`, dates),
  ]);
  const party = relations.party;
  const element = h(
    "section",
    { class: "country" },
    h("h1", {}, party.name || party.code, " ", h("span", { class: "code" }, party.code)),
    h("p", { class: "lead" }, link(`/network/${party.id.split("/id/").pop()}`, "Show its neighbourhood in the network")),
  );
  element.append(h("h2", { id: "partners-heading" }, "Partners"));
  if (!relations.partners.length) element.append(message("No meetings or agreements with anyone in this range."));
  else
    element.append(
      h(
        "div",
        { class: "table-wrap", role: "region", "aria-labelledby": "partners-heading", tabindex: "0" },
        sortableTable({
          caption: `${relations.partners.length} partner${relations.partners.length === 1 ? "" : "s"} of ${party.name || party.code}`,
          columns: [
            { title: "Partner", key: (p) => p.party.name || p.party.code, cell: (p) => link(partyHref(p.party), p.party.name || p.party.code) },
            { title: "Meetings", numeric: true, key: (p) => p.meetings, cell: (p) => p.meetings },
            { title: "Agreements", numeric: true, key: (p) => p.agreements, cell: (p) => p.agreements },
            { title: "First", key: (p) => p.first, cell: (p) => p.first || "–" },
            { title: "Last", key: (p) => p.last, cell: (p) => p.last || "–" },
            { title: "Together", key: (p) => p.party.code, cell: (p) => link(pairHref(party, p.party), "pair view") },
          ],
          rows: relations.partners,
          initial: 1,
        }),
      ),
    );
  element.append(h("h2", {}, "Timeline"));
  const chart = timelineChart(timeline);
  element.append(chart.element);

  element.append(h("h2", { id: "events-heading" }, "Events"));
  const form = filterForm(name, relations.partners, filters);
  const list = h("div", { class: "events", "aria-labelledby": "events-heading" }, message("Loading events…"));
  element.append(form, list);
  const ready = () => {
    chart.draw();
    loadEvents(name, filters, list);
  };
  return { element, title: party.name || party.code, ready, cleanup: chart.destroy };
}

function filterForm(name, partners, filters) {
  const select = (id, label, options, value) =>
    h(
      "label",
      { for: id },
      label,
      h("select", { id, name: id }, options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))),
    );
  const input = (id, label, value) =>
    h("label", { for: id }, label, h("input", { id, name: id, value, placeholder: "YYYY-MM-DD", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }));
  return h(
    "form",
    {
      class: "filters",
      "aria-label": "Filter the events",
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(event.target);
        const query = new URLSearchParams();
        for (const [key, value] of data) if (value) query.set(key, value);
        window.milgraph.navigate(`/country/${segment(name)}${query.size ? `?${query}` : ""}`);
      },
    },
    select("partner", "Partner", [["", "any"], ...partners.map((p) => [p.party.code, p.party.name || p.party.code])], filters.partner),
    select("kind", "Kind", [["", "any"], ["meeting", "meeting"], ["call", "call"], ["agreement", "agreement"]], filters.kind),
    input("from", "From", filters.from),
    input("to", "To", filters.to),
    h("button", { type: "submit" }, "Apply"),
  );
}

async function loadEvents(name, filters, list) {
  const params = { from: filters.from, to: filters.to, limit: PAGE, offset: filters.offset };
  let events;
  let next;
  try {
    if (filters.partner) {
      const pair = await getJson(`/pair/${segment(name)}/${segment(filters.partner)}`, params);
      events = filters.kind ? pair.events.filter((e) => e.kind === filters.kind) : pair.events;
      next = pair.next_offset;
    } else {
      const relations = await getJson(`/country/${segment(name)}/relations`, { ...params, kind: filters.kind || undefined });
      const seen = new Map();
      for (const partner of relations.partners) for (const e of partner.events) seen.set(e.id, e);
      events = [...seen.values()].sort((a, b) => (a.date || "").localeCompare(b.date || "") || a.id.localeCompare(b.id));
      next = relations.next_offset;
    }
  } catch (error) {
    list.replaceChildren(message(error.message, "error"));
    return;
  }
  const pageLink = (offset, text) => {
    const query = new URLSearchParams();
    for (const key of ["partner", "kind", "from", "to"]) if (filters[key]) query.set(key, filters[key]);
    if (offset) query.set("offset", offset);
    return link(`/country/${segment(name)}${query.size ? `?${query}` : ""}`, text, { class: "button" });
  };
  const pager = h(
    "nav",
    { class: "pager", "aria-label": "Pages of events" },
    filters.offset > 0 ? pageLink(Math.max(0, filters.offset - PAGE), "← Earlier") : null,
    h("span", {}, events.length ? `Events ${filters.offset + 1}–${filters.offset + events.length}` : "No events on this page"),
    next !== null && next !== undefined ? pageLink(next, "Later →") : null,
  );
  list.replaceChildren(pager, ...events.map((e) => eventCard(e)));
}
