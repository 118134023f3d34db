// A tiny element builder: h("a", { href }, "text", child). Text is always set as text, never as HTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export const link = (href, text, attributes = {}) => h("a", { href, "data-link": true, ...attributes }, text);

export const partyHref = (party) => `/country/${encodeURIComponent(party.name || party.code)}`;
export const personHref = (person) => `/person/${encodeURIComponent(person.name || person.id.split("/").pop())}`;
export const pairHref = (a, b) =>
  `/pair/${encodeURIComponent(a.name || a.code)}/${encodeURIComponent(b.name || b.code)}`;

export function message(text, kind = "info") {
  return h("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

export function errorView(error, navigate) {
  const box = h("section", { class: "error-view" }, h("h1", {}, "Not found"), message(error.message, "error"));
  if (error.suggestions?.length) {
    box.append(
      h("p", {}, "Did you mean: "),
      h(
        "ul",
        {},
        error.suggestions.map((s) => h("li", {}, h("button", { type: "button", onclick: () => navigate(s) }, s))),
      ),
    );
  }
  return box;
}

// A table whose column headers sort it; aria-sort tells screen readers the order.
export function sortableTable({ caption, columns, rows, initial = 0, descending = true }) {
  const table = h("table", { class: "sortable" }, h("caption", {}, caption));
  const head = h("tr");
  const body = h("tbody");
  let order = { column: initial, descending };
  const draw = () => {
    const { key } = columns[order.column];
    const sorted = [...rows].sort((a, b) => {
      const x = key(a) ?? "";
      const y = key(b) ?? "";
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return order.descending ? -cmp : cmp;
    });
    body.replaceChildren(...sorted.map((row) => h("tr", {}, columns.map((c) => h("td", { class: c.numeric ? "num" : "" }, c.cell(row))))));
    head.querySelectorAll("th").forEach((th, i) => {
      th.setAttribute("aria-sort", i === order.column ? (order.descending ? "descending" : "ascending") : "none");
    });
  };
  columns.forEach((column, i) => {
    head.append(
      h(
        "th",
        { scope: "col", class: column.numeric ? "num" : "" },
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              order = { column: i, descending: order.column === i ? !order.descending : column.numeric === true };
              draw();
            },
          },
          column.title,
        ),
      ),
    );
  });
  table.append(h("thead", {}, head), body);
  draw();
  return table;
}
