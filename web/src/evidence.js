import { h, link, partyHref, personHref } from "./dom.js";

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The words of the fact worth marking in its sentence: names of people (and surnames),
// parties and the place, and the title of an agreement.
export function factTerms(event) {
  const terms = new Set();
  for (const person of event.participants || []) {
    if (!person.name) continue;
    terms.add(person.name);
    terms.add(person.name.split(" ").pop());
  }
  for (const party of event.parties || []) {
    if (party.name) terms.add(party.name);
    terms.add(party.code);
  }
  if (event.place) terms.add(event.place);
  if (event.title) terms.add(event.title);
  return [...terms].filter((t) => t && t.length > 2).sort((a, b) => b.length - a.length);
}

export function highlighted(sentence, terms) {
  const out = h("q", { class: "sentence" });
  if (!terms.length) {
    out.append(sentence);
    return out;
  }
  // A demonym (Latvian) is the start of a party's name (Latvia) in this simple match, as wanted.
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join("|")})`, "giu");
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    out.append(sentence.slice(last, match.index), h("mark", {}, match[0]));
    last = match.index + match[0].length;
  }
  out.append(sentence.slice(last));
  return out;
}

export function sourcesBlock(event) {
  const terms = factTerms(event);
  return h(
    "div",
    { class: "evidence" },
    (event.sources || []).map((source) =>
      h(
        "figure",
        { class: "source" },
        source.evidence.map((e) => h("blockquote", {}, highlighted(e.sentence.trim(), terms))),
        h(
          "figcaption",
          {},
          "Article ",
          h("code", {}, source.article || source.id),
          source.source ? ` · ${source.source}` : "",
          source.published ? ` · published ${source.published}` : "",
          source.url ? [" · ", h("a", { href: source.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : "",
        ),
      ),
    ),
  );
}

const KIND_LABEL = { meeting: "Meeting", call: "Call", agreement: "Agreement" };

export function eventCard(event, { showEvidence = true } = {}) {
  const heading = [KIND_LABEL[event.kind], event.date ? ` on ${event.date}` : " (undated)", event.place ? ` in ${event.place}` : ""].join("");
  const nodeId = event.id.split("/id/").pop();
  return h(
    "article",
    { class: `event ${event.kind}`, "data-event": event.id },
    h("h3", {}, heading),
    event.title ? h("p", { class: "title" }, event.title) : null,
    h(
      "p",
      { class: "parties" },
      "Parties: ",
      event.parties.flatMap((p, i) => [i ? ", " : "", link(partyHref(p), p.name || p.code)]),
    ),
    event.participants.length
      ? h(
          "p",
          { class: "participants" },
          event.kind === "agreement" ? "Signed by: " : "Participants: ",
          event.participants.flatMap((p, i) => [
            i ? ", " : "",
            link(personHref(p), p.name || p.id),
            p.party ? ` (${p.party}${p.roles.length ? `, ${p.roles.join(", ")}` : ""})` : "",
          ]),
        )
      : null,
    h("p", { class: "more" }, link(`/network/${nodeId}`, "Show in the network")),
    showEvidence ? sourcesBlock(event) : null,
  );
}
