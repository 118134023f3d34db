import "./style.css";
import { errorView, message } from "./dom.js";
import { attachSearch } from "./search.js";
import { countryView } from "./views/country.js";
import { homeView } from "./views/home.js";
import { networkView } from "./views/network.js";
import { pairView } from "./views/pair.js";
import { personView } from "./views/person.js";
import { queryView } from "./views/query.js";

const main = document.getElementById("main");
// Each view: a path pattern and a function drawing it into <main>; it may return a clean-up.
const ROUTES = [
  [/^\/$/, () => homeView()],
  [/^\/country\/([^/]+)$/, ([name], query) => countryView(name, query)],
  [/^\/pair\/([^/]+)\/([^/]+)$/, ([a, b], query) => pairView(a, b, query)],
  [/^\/person\/([^/]+)$/, ([name]) => personView(name)],
  [/^\/network\/parties$/, (_, query) => networkView({ parties: true, query })],
  [/^\/network$/, (_, query) => networkView({ parties: true, query })],
  [/^\/network\/(.+)$/, ([node], query) => networkView({ node, query })],
  [/^\/query$/, () => queryView()],
];

let cleanup = null;
let drawing = 0;

export function navigate(href, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  render();
}
window.milgraph = { navigate };

async function render() {
  const ticket = ++drawing;
  cleanup?.();
  cleanup = null;
  const path = decodeURI(location.pathname);
  const query = new URLSearchParams(location.search);
  const found = ROUTES.map(([pattern, view]) => [path.match(pattern), view]).find(([m]) => m);
  main.replaceChildren(message("Loading…"));
  try {
    if (!found) throw Object.assign(new Error(`No view at ${path}`), { suggestions: [] });
    const [match, view] = found;
    const drawn = await view(match.slice(1), query);
    if (ticket !== drawing) return drawn?.cleanup?.();
    main.replaceChildren(drawn.element);
    document.title = `${drawn.title} · milgraph explorer`;
    drawn.ready?.();
    cleanup = drawn.cleanup || null;
  } catch (error) {
    if (ticket !== drawing) return;
    main.replaceChildren(errorView(error, (name) => navigate(`/country/${encodeURIComponent(name)}`)));
    document.title = "Not found · milgraph explorer";
  }
  // Screen readers start at the new view, unless the user is already typing in the search box.
  if (!document.getElementById("search-form").contains(document.activeElement)) main.focus({ preventScroll: true });
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[data-link]");
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(anchor.getAttribute("href"));
});
window.addEventListener("popstate", render);
attachSearch(document.getElementById("search-form"), navigate);
render();
