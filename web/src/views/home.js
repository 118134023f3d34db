import { getJson } from "../api.js";
import { h, link, partyHref, sortableTable } from "../dom.js";

export async function homeView() {
  const { parties } = await getJson("/countries");
  const element = h(
    "section",
    {},
    h("h1", {}, "States and organisations"),
    h("p", { class: "lead" }, "Type a name above, or pick a party below to see whom it meets and what it signs."),
    sortableTable({
      caption: `${parties.length} parties in the graph`,
      columns: [
        { title: "Party", key: (p) => p.name || p.code, cell: (p) => link(partyHref(p), p.name || p.code) },
        { title: "Code", key: (p) => p.code, cell: (p) => p.code },
        { title: "Kind", key: (p) => p.kind, cell: (p) => p.kind },
        { title: "Meetings", numeric: true, key: (p) => p.meetings, cell: (p) => p.meetings },
        { title: "Agreements", numeric: true, key: (p) => p.agreements, cell: (p) => p.agreements },
        { title: "People", numeric: true, key: (p) => p.people, cell: (p) => p.people },
      ],
      rows: parties,
      initial: 3,
    }),
  );
  return { element, title: "Parties" };
}
