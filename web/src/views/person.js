import { getJson, segment } from "../api.js";
import { h, link, partyHref, personHref, sortableTable } from "../dom.js";
import { eventCard } from "../evidence.js";

const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function personView(name) {
  const person = await getJson(`/person/${segment(name)}`);
  const events = [...person.meetings, ...person.agreements].sort(
    (a, b) => (a.date || "").localeCompare(b.date || "") || a.id.localeCompare(b.id),
  );
  const element = h(
    "section",
    { class: "person" },
    h("h1", {}, person.name),
    h(
      "p",
      { class: "lead" },
      person.party ? ["Represents ", link(partyHref(person.party), person.party.name || person.party.code), ". "] : "",
      link(`/network/${person.id.split("/id/").pop()}`, "Show in the network"),
    ),
    h("h2", {}, "Posts and ranks"),
    sortableTable({
      caption: "Posts and ranks held, by the publication dates of the articles naming them",
      columns: [
        { title: "Post or rank", key: (r) => r.label, cell: (r) => r.label },
        { title: "For", key: (r) => r.party, cell: (r) => r.party || "–" },
        { title: "Titles used", key: (r) => r.titles, cell: (r) => r.titles || "–" },
        { title: "First seen", key: (r) => r.first_seen, cell: (r) => r.first_seen || "–" },
        { title: "Last seen", key: (r) => r.last_seen, cell: (r) => r.last_seen || "–" },
      ],
      rows: [
        ...person.roles.map((r) => ({ ...r, label: r.role, titles: r.titles.join("; ") })),
        ...person.ranks.map((r) => ({ ...r, label: r.rank, party: null, titles: "" })),
      ],
      initial: 3,
      descending: false,
    }),
    h("h2", {}, "Counterparts"),
    person.counterparts.length
      ? h(
          "ul",
          { class: "counterparts" },
          person.counterparts.map((c) =>
            h("li", {}, link(personHref(c), c.name || c.id), c.party ? ` (${c.party})` : "", ` · ${count(c.meetings, "meeting")}, ${count(c.agreements, "agreement")}`),
          ),
        )
      : h("p", {}, "No counterparts."),
    h("h2", {}, "Encounters and signatures"),
    events.map((e) => eventCard(e)),
  );
  return { element, title: person.name };
}
