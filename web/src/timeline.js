import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { h } from "./dom.js";

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"];
const SHOWN = 6;

// Every period from the first to the last, so quiet months show as zero rather than vanishing.
// One more period at each end keeps a lone period off the chart's edges.
function periods(counts, by) {
  const known = [...new Set(counts.map((c) => c.period))].sort();
  if (!known.length) return [];
  const out = [];
  let [year, month] = known[0].split("-").map(Number);
  if (by === "month" && month > 1) month -= 1;
  else [year, month] = by === "month" ? [year - 1, 12] : [year - 1, 1];
  const last = step(known[known.length - 1], by);
  for (;;) {
    const label = by === "month" ? `${year}-${String(month).padStart(2, "0")}` : String(year);
    out.push(label);
    if (label >= last || out.length > 1200) return out;
    if (by === "month" && month < 12) month += 1;
    else [year, month] = [year + 1, 1];
  }
}

function step(period, by) {
  const [year, month] = period.split("-").map(Number);
  if (by === "year") return String(year + 1);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

const seconds = (period) => Date.UTC(Number(period.slice(0, 4)), period.length > 4 ? Number(period.slice(5, 7)) - 1 : 0, 1) / 1000;

export function timelineChart(timeline) {
  const axis = periods(timeline.counts, timeline.by);
  const top = timeline.partners.slice(0, SHOWN);
  const topCodes = new Set(top.map((p) => p.code));
  const index = new Map(axis.map((p, i) => [p, i]));
  const series = top.map((p) => ({ label: p.name || p.code, values: axis.map(() => 0) }));
  const others = { label: "others", values: axis.map(() => 0) };
  for (const count of timeline.counts) {
    const n = count.meetings + count.calls + count.agreements;
    const row = topCodes.has(count.partner) ? series[top.findIndex((p) => p.code === count.partner)] : others;
    row.values[index.get(count.period)] += n;
  }
  if (others.values.some(Boolean)) series.push(others);
  const holder = h("div", { class: "timeline", role: "img", "aria-label": `Events per ${timeline.by}, by partner` });
  const table = h(
    "details",
    { class: "timeline-table" },
    h("summary", {}, "The timeline as a table"),
    h(
      "table",
      {},
      h("caption", {}, `Meetings, calls and agreements per ${timeline.by} and partner`),
      h("thead", {}, h("tr", {}, ["Period", "Partner", "Meetings", "Calls", "Agreements"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, timeline.counts.map((c) => h("tr", {}, [c.period, c.partner, c.meetings, c.calls, c.agreements].map((v) => h("td", {}, v))))),
    ),
  );
  const element = h("div", { class: "timeline-box" }, holder, table);
  let plot = null;
  const resize = () => plot?.setSize({ width: Math.max(280, holder.clientWidth), height: 260 });
  const draw = () => {
    if (!axis.length) {
      holder.replaceChildren(h("p", { class: "message" }, "No dated events to chart."));
      return;
    }
    plot = new uPlot(
      {
        width: Math.max(280, holder.clientWidth),
        height: 260,
        scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
        axes: [{}, { label: "events", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
        series: [
          { label: timeline.by },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            points: { show: true, size: 6 },
          })),
        ],
      },
      [axis.map(seconds), ...series.map((s) => s.values)],
      holder,
    );
    window.addEventListener("resize", resize);
  };
  const destroy = () => {
    window.removeEventListener("resize", resize);
    plot?.destroy();
  };
  return { element, draw, destroy };
}
