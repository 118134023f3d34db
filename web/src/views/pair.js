import { getJson, segment } from "../api.js";
import { h, link, message, partyHref } from "../dom.js";
import { eventCard } from "../evidence.js";

export async function pairView(a, b, query) {
  const offset = Number(query.get("offset") || 0);
  const pair = await getJson(`/pair/${segment(a)}/${segment(b)}`, { offset, limit: 50 });
  const [first, second] = pair.parties;
  const name = (p) => p.name || p.code;
  const element = h(
    "section",
    { class: "pair" },
    h("h1", {}, link(partyHref(first), name(first)), " – ", link(partyHref(second), name(second))),
    h(
      "p",
      { class: "lead" },
      `${pair.meetings} meeting${pair.meetings === 1 ? "" : "s"} or calls and ${pair.agreements} agreement${pair.agreements === 1 ? "" : "s"}`,
      pair.first ? `, from ${pair.first} to ${pair.last}` : "",
      ".",
    ),
    pair.events.length ? pair.events.map((e) => eventCard(e)) : message("Nothing between these two."),
    pair.next_offset !== null
      ? h("nav", { class: "pager", "aria-label": "Pages" }, link(`/pair/${segment(a)}/${segment(b)}?offset=${pair.next_offset}`, "Later →", { class: "button" }))
      : null,
  );
  return { element, title: `${name(first)} – ${name(second)}` };
}
