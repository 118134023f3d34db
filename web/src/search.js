import { getJson } from "./api.js";
import { h } from "./dom.js";

const hrefOf = (item) =>
  item.kind === "person" ? `/person/${encodeURIComponent(item.label)}` : `/country/${encodeURIComponent(item.label)}`;

// A combobox (WAI-ARIA pattern): suggestions as you type, arrows to move, Enter to open.
export function attachSearch(form, navigate) {
  const input = form.querySelector("input");
  const list = form.querySelector("[role=listbox]");
  let items = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const open = (item) => {
    close();
    input.value = "";
    navigate(hrefOf(item));
  };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
  };
  const show = () => {
    list.replaceChildren(
      ...items.map((item, i) =>
        h(
          "li",
          { id: `suggestion-${i}`, role: "option", "aria-selected": "false", onmousedown: (e) => (e.preventDefault(), open(item)) },
          h("span", { class: `badge ${item.kind}` }, item.kind),
          " ",
          item.label,
          item.code && item.code !== item.label ? h("span", { class: "code" }, ` ${item.code}`) : "",
        ),
      ),
    );
    if (!items.length) list.append(h("li", { class: "none", role: "option", "aria-disabled": "true" }, "No match"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const ask = async () => {
    const text = input.value.trim();
    const ticket = ++asked;
    if (!text) return close();
    try {
      const answer = await getJson("/suggest", { q: text, limit: 8 });
      if (ticket !== asked) return;
      items = answer.items;
      active = items.length ? 0 : -1;
      show();
      mark();
    } catch {
      close();
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden || !items.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      mark();
    } else if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!list.hidden && active >= 0 && items[active]) return open(items[active]);
    await ask();
    if (items[0]) open(items[0]);
  });
}
