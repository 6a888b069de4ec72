// The time histogram of the search page: plain SVG, one bar per period, drawn from the counts
// /api/facets returns with the facets. One tab stop; arrows move between bars, Shift+arrows
// select a range, Enter or Space filters to it, Escape clears; click or drag does the same. Every
// bar is a button with a label a screen reader reads ("2020: 12 documents, 3.1% of 389").
"use strict";

const Timeline = {
  // The interval that suits a date range: years overall, months within three years, days within
  // two months.
  intervalFor(from, to) {
    if (!from || !to) return "year";
    const days = (Date.parse(to) - Date.parse(from)) / 86400000;
    if (!(days >= 0)) return "year";
    if (days <= 62) return "day";
    if (days <= 3 * 366) return "month";
    return "year";
  },

  // The first and last day of a period label (2020, 2020-03, 2020-03-15).
  range(period) {
    if (/^\d{4}$/.test(period)) return [period + "-01-01", period + "-12-31"];
    if (/^\d{4}-\d{2}$/.test(period)) {
      const [y, m] = period.split("-").map(Number);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return [period + "-01", period + "-" + String(last).padStart(2, "0")];
    }
    return [period, period];
  },

  // Draws `histogram` into `box`. options: relative (bool), onSelect(firstPeriod, lastPeriod),
  // describe(bucket, relative) -> label text, title (the chart's accessible name).
  render(box, histogram, options) {
    box.replaceChildren();
    const buckets = (histogram && histogram.buckets) || [];
    if (!buckets.length) return null;
    const NS = "http://www.w3.org/2000/svg";
    const value = (b) => options.relative ? (b.total ? b.count / b.total : 0) : b.count;
    const max = Math.max(...buckets.map(value)) || 1;
    const W = 600, H = 120, AXIS = 18;
    const step = W / buckets.length;
    const gap = Math.min(2, step * 0.15);
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + (H + AXIS));
    svg.setAttribute("class", "histogram-svg");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", options.title);
    const bars = [];
    buckets.forEach((b, i) => {
      const g = document.createElementNS(NS, "g");
      g.setAttribute("class", "bar");
      g.setAttribute("role", "button");
      g.setAttribute("tabindex", "-1");
      g.setAttribute("aria-pressed", "false");
      g.setAttribute("aria-label", options.describe(b, options.relative));
      g.dataset.period = b.period;
      const area = document.createElementNS(NS, "rect");
      area.setAttribute("class", "bar-area");
      area.setAttribute("x", i * step);
      area.setAttribute("y", 0);
      area.setAttribute("width", step);
      area.setAttribute("height", H);
      const h = value(b) > 0 ? Math.max(2, (value(b) / max) * (H - 4)) : 0;
      const fill = document.createElementNS(NS, "rect");
      fill.setAttribute("class", "bar-fill");
      fill.setAttribute("x", i * step + gap / 2);
      fill.setAttribute("y", H - h);
      fill.setAttribute("width", Math.max(1, step - gap));
      fill.setAttribute("height", h);
      const tip = document.createElementNS(NS, "title");
      tip.textContent = options.describe(b, options.relative);
      g.append(area, fill, tip);
      svg.append(g);
      bars.push(g);
    });
    // A few labels under the axis: at most about ten, always the first and the last.
    const every = Math.max(1, Math.ceil(buckets.length / 10));
    buckets.forEach((b, i) => {
      if (i % every !== 0 && i !== buckets.length - 1) return;
      if (i === buckets.length - 1 && i % every !== 0 && (i % every) < every / 2) return;
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", i * step + step / 2);
      t.setAttribute("y", H + 13);
      t.setAttribute("text-anchor", "middle");
      t.setAttribute("aria-hidden", "true");
      t.textContent = b.period;
      svg.append(t);
    });
    box.append(svg);

    // Roving focus and a selected range [anchor, end].
    let focus = bars.length - 1;
    for (let i = bars.length - 1; i >= 0; i--) if (buckets[i].count > 0) { focus = i; break; }
    let anchor = -1, end = -1, dragging = false;
    const show = () => {
      const lo = Math.min(anchor, end), hi = Math.max(anchor, end);
      bars.forEach((g, i) => {
        const on = anchor >= 0 && i >= lo && i <= hi;
        g.setAttribute("aria-pressed", on ? "true" : "false");
        g.classList.toggle("selected", on);
        g.setAttribute("tabindex", i === focus ? "0" : "-1");
      });
    };
    const move = (i) => { focus = Math.max(0, Math.min(bars.length - 1, i)); show(); bars[focus].focus(); };
    const apply = () => {
      const lo = anchor >= 0 ? Math.min(anchor, end) : focus;
      const hi = anchor >= 0 ? Math.max(anchor, end) : focus;
      options.onSelect(buckets[lo].period, buckets[hi].period);
    };
    bars.forEach((g, i) => {
      g.addEventListener("keydown", (e) => {
        const to = { ArrowLeft: i - 1, ArrowDown: i - 1, ArrowRight: i + 1, ArrowUp: i + 1, Home: 0, End: bars.length - 1 }[e.key];
        if (to !== undefined) {
          e.preventDefault();
          if (e.shiftKey) { if (anchor < 0) anchor = i; move(to); end = focus; show(); }
          else { anchor = -1; end = -1; move(to); }
        } else if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          apply();
        } else if (e.key === "Escape") {
          anchor = -1; end = -1; show();
        }
      });
      g.addEventListener("mousedown", (e) => { e.preventDefault(); dragging = true; focus = i; anchor = i; end = i; show(); });
      g.addEventListener("mouseenter", () => { if (dragging) { end = i; focus = i; show(); } });
    });
    const release = () => { if (dragging) { dragging = false; apply(); } };
    document.addEventListener("mouseup", release);
    show();
    return svg;
  }
};
