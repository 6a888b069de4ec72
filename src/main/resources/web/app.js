// The search page. The URL holds the whole state (q, lang, site, collection, from, to, sort, page,
// relative, ui),
// so a search can be shared, bookmarked, and walked with back and forward.
"use strict";

(function () {
  const SIZE = 10;
  const MAX_PAGES = 100;
  const params = new URLSearchParams(location.search);
  const state = {
    q: params.get("q") || "",
    lang: params.get("lang") || "",
    site: params.get("site") || "",
    collection: params.get("collection") || "",
    relative: params.get("relative") === "1" ? "1" : "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    sort: params.get("sort") || "relevance",
    page: Math.max(1, Math.min(MAX_PAGES, parseInt(params.get("page") || "1", 10) || 1))
  };
  const $ = (id) => document.getElementById(id);
  const input = $("q");
  const list = $("suggestions");

  Lang.apply();
  input.value = state.q;
  $("sort").value = state.sort;
  $("from").value = state.from;
  $("to").value = state.to;

  function url(changes) {
    const next = new URLSearchParams();
    const merged = Object.assign({}, state, changes);
    for (const key of ["q", "lang", "site", "collection", "from", "to", "sort", "page", "relative"]) {
      const value = merged[key];
      if (value === null || value === undefined || value === "" ||
          (key === "sort" && value === "relevance") || (key === "page" && Number(value) === 1)) continue;
      next.set(key, value);
    }
    const ui = new URLSearchParams(location.search).get("ui");
    if (ui) next.set("ui", ui);
    const query = next.toString();
    return "/" + (query ? "?" + query : "");
  }

  $("sort").addEventListener("change", () => { location.href = url({ sort: $("sort").value, page: 1 }); });
  $("dates").addEventListener("submit", (e) => {
    e.preventDefault();
    location.href = url({ from: $("from").value, to: $("to").value, page: 1 });
  });
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.href = url({ q: input.value.trim(), page: 1 });
  });

  // ---- autocomplete: an ARIA combobox; arrows move, Enter picks, Esc closes ----
  let options = [];
  let active = -1;
  let pending = 0;

  function closeList() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    options = [];
    active = -1;
  }

  function setActive(index) {
    active = index;
    options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function pick(text) {
    const words = input.value.replace(/\S*$/, "");
    input.value = (words + text).trim();
    closeList();
    location.href = url({ q: input.value, page: 1 });
  }

  async function suggest() {
    const value = input.value;
    const last = value.split(/\s+/).pop();
    if (!last || last.length < 2) { closeList(); return; }
    const ticket = ++pending;
    try {
      const data = await Sandiq.getJson("/api/suggest?" + new URLSearchParams({ q: last }));
      if (ticket !== pending) return;
      closeList();
      data.suggestions.forEach((text, i) => {
        const option = Sandiq.el("li", { id: "suggestion-" + i, role: "option", "aria-selected": "false" }, text);
        option.addEventListener("mousedown", (e) => { e.preventDefault(); pick(text); });
        list.append(option);
        options.push(option);
      });
      if (options.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    } catch (e) { closeList(); }
  }

  let timer = null;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  input.addEventListener("blur", () => setTimeout(closeList, 150));
  input.addEventListener("keydown", (e) => {
    if (list.hidden || !options.length) return;
    if (e.key === "ArrowDown") { e.preventDefault(); setActive((active + 1) % options.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active <= 0 ? options.length - 1 : active - 1); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); pick(options[active].textContent); }
    else if (e.key === "Escape") { e.preventDefault(); closeList(); }
  });

  // ---- results ----
  // A URL (or url: and a URL) lists the captures of that URL: their capture dates are what counts.
  const listsCaptures = /^url:|^https?:\/\//i.test(state.q.trim());
  function renderHit(hit) {
    const docUrl = "/doc/" + encodeURIComponent(hit.id) + "?" + new URLSearchParams({ q: state.q });
    const title = Sandiq.el("a", { href: docUrl });
    title.append(Sandiq.marked(hit.titleHtml || hit.title || hit.id));
    const meta = Sandiq.el("p", { class: "hit-meta" },
      Sandiq.el("span", { class: "lang" }, Sandiq.langName(hit.lang)),
      hit.site ? Sandiq.el("span", { class: "site" }, hit.site) : null,
      hit.collection ? Sandiq.el("span", { class: "collection" }, Lang.t("collection") + ": " + hit.collection) : null,
      hit.date && !(listsCaptures && hit.captureDate) ? Sandiq.el("time", { datetime: hit.date }, Sandiq.formatDate(hit.date)) : null,
      hit.captureDate && (listsCaptures || hit.captureDate !== hit.date)
        ? Sandiq.el("span", { class: "captured" }, Lang.t("captured") + " ",
          Sandiq.el("time", { datetime: hit.captureDate }, Sandiq.formatDate(hit.captureDate))) : null,
      hit.captures > 1 && !listsCaptures
        ? Sandiq.el("a", { class: "captures", href: url({ q: "url:" + hit.url, page: 1, sort: "relevance" }) },
          Lang.t("otherCaptures", hit.captures - 1)) : null);
    const snippet = Sandiq.el("p", { class: "snippet" });
    snippet.append(Sandiq.marked(hit.snippet || ""));
    const item = Sandiq.el("li", { class: "hit" }, Sandiq.el("h2", null, title),
      Sandiq.el("p", { class: "url" }, hit.url), meta, snippet);
    if (hit.duplicates > 0) item.append(copiesExpander(hit));
    return item;
  }

  function copiesExpander(hit) {
    const details = Sandiq.el("details", { class: "copies" }, Sandiq.el("summary", null, Lang.t("copies", hit.duplicates)));
    const listEl = Sandiq.el("ul");
    details.append(listEl);
    details.addEventListener("toggle", async () => {
      if (!details.open || listEl.childElementCount) return;
      try {
        const doc = await Sandiq.getJson("/api/doc/" + encodeURIComponent(hit.id));
        for (const copy of doc.duplicates) {
          listEl.append(Sandiq.el("li", null, Sandiq.el("a", { href: "/doc/" + encodeURIComponent(copy.id) }, copy.title),
            " ", Sandiq.el("span", { class: "count" }, copy.url)));
        }
      } catch (e) { listEl.append(Sandiq.el("li", null, e.message)); }
    });
    return details;
  }

  function facetList(title, key, values, name) {
    if (!values.length) return null;
    const ul = Sandiq.el("ul");
    for (const f of values) {
      const active = String(state[key]) === f.value;
      const link = Sandiq.el("a", {
        href: url({ [key]: active ? "" : f.value, page: 1 }),
        "aria-current": active ? "true" : null,
        "data-facet": key, "data-value": f.value
      }, name(f.value) + " ", Sandiq.el("span", { class: "count" }, f.count));
      ul.append(Sandiq.el("li", null, link));
    }
    return Sandiq.el("section", { class: "facet" }, Sandiq.el("h2", null, title), ul);
  }

  function renderFacets(data) {
    const box = $("facet-lists");
    box.replaceChildren();
    const f = data.facets || {};
    const years = (f.year || []).slice().sort((a, b) => b.value.localeCompare(a.value));
    const yearFacet = facetList(Lang.t("year"), "year", years, (v) => v);
    // A year is a from/to range: clicking it sets both dates.
    if (yearFacet) {
      for (const a of yearFacet.querySelectorAll("a")) {
        const y = a.dataset.value;
        const active = state.from === y + "-01-01" && state.to === y + "-12-31";
        a.href = active ? url({ from: "", to: "", page: 1 }) : url({ from: y + "-01-01", to: y + "-12-31", page: 1 });
        if (active) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
      }
    }
    for (const section of [facetList(Lang.t("language"), "lang", f.lang || [], Sandiq.langName),
      facetList(Lang.t("site"), "site", f.site || [], (v) => v),
      facetList(Lang.t("collection"), "collection", f.collection || [], (v) => v), yearFacet]) {
      if (section) box.append(section);
    }
  }

  function renderPager(total) {
    const pager = $("pager");
    pager.replaceChildren();
    const pages = Math.min(MAX_PAGES, Math.ceil(total / SIZE));
    if (pages <= 1) return;
    const ul = Sandiq.el("ul");
    const add = (label, target, current, rel) => {
      const item = current
        ? Sandiq.el("span", { "aria-current": "page" }, label)
        : Sandiq.el("a", { href: url({ page: target }), rel: rel || null }, label);
      ul.append(Sandiq.el("li", null, item));
    };
    if (state.page > 1) add(Lang.t("previous"), state.page - 1, false, "prev");
    const first = Math.max(1, state.page - 4);
    const last = Math.min(pages, first + 9);
    for (let p = first; p <= last; p++) add(String(p), p, p === state.page);
    if (state.page < pages) add(Lang.t("next"), state.page + 1, false, "next");
    pager.append(ul);
  }

  function renderNotice(data) {
    const notice = $("notice");
    notice.replaceChildren();
    if (data.suggestion) {
      notice.append(Lang.t("didYouMean") + ": ",
        Sandiq.el("a", { href: url({ q: data.suggestion, page: 1 }), id: "did-you-mean" }, data.suggestion), "?");
    }
    if (data.relaxed) {
      if (notice.childNodes.length) notice.append(" ");
      notice.append(Lang.t(data.relaxed === "fuzzy" ? "relaxedFuzzy" : "relaxedAny"));
    }
    notice.hidden = !notice.childNodes.length;
  }

  // ---- the time histogram: drawn from the facet request's counts ----
  let histogram = null;
  const interval = Timeline.intervalFor(state.from, state.to);

  function renderTimeline() {
    const section = $("timeline");
    const buckets = histogram ? histogram.buckets : [];
    section.hidden = !buckets.length;
    if (!buckets.length) return;
    $("relative").checked = state.relative === "1";
    $("timeline-zoom").hidden = !(state.from || state.to);
    $("timeline-zoom").href = url({ from: "", to: "", page: 1 });
    Timeline.render($("chart"), histogram, {
      relative: state.relative === "1",
      title: Lang.t("timelineTitle", Lang.t(interval === "year" ? "yearUnit" : interval)),
      describe: (b, relative) => b.period + ": " + Lang.t("documents", b.count) +
        (relative || b.total ? ", " + (b.total ? (100 * b.count / b.total).toFixed(1) : "0") + "% " + Lang.t("ofArchive", b.total) : ""),
      onSelect: (first, last) => {
        location.href = url({ from: Timeline.range(first)[0], to: Timeline.range(last)[1], page: 1 });
      }
    });
  }

  $("relative").addEventListener("change", () => {
    state.relative = $("relative").checked ? "1" : "";
    history.replaceState(null, "", url({}));
    renderTimeline();
  });

  // The export links carry the query and its filters; every match, not only this page.
  function renderExport() {
    const query = new URLSearchParams({ q: state.q });
    for (const key of ["lang", "site", "collection", "from", "to"]) if (state[key]) query.set(key, state[key]);
    for (const a of document.querySelectorAll("#export a[data-format]")) {
      query.set("format", a.dataset.format);
      a.href = "/api/export?" + query;
    }
    $("export").hidden = false;
  }

  async function run() {
    const status = $("status");
    const filtered = state.lang || state.site || state.collection || state.from || state.to;
    if (!state.q.trim() && !filtered) {
      try {
        const health = await Sandiq.getJson("/api/health");
        status.textContent = Lang.t("inArchive", health.documents);
      } catch (e) {
        status.textContent = Lang.t("notAnswering") + e.message;
      }
      return;
    }
    status.textContent = Lang.t("searching");
    const query = new URLSearchParams({ q: state.q, page: state.page, size: SIZE, sort: state.sort });
    for (const key of ["lang", "site", "collection", "from", "to"]) if (state[key]) query.set(key, state[key]);
    // Facet counts (and the histogram) visit every match; they come in a request of their own, so
    // the hits are shown without waiting for them.
    const facetQuery = new URLSearchParams(query);
    facetQuery.set("interval", interval);
    const facets = Sandiq.getJson("/api/facets?" + facetQuery).catch(() => null);
    renderExport();
    try {
      const data = await Sandiq.getJson("/api/search?" + query);
      document.title = (state.q || "*") + " · Sandiq";
      const shownTotal = (total, exact) => exact ? Lang.t("documents", total)
        : Lang.t("documents", total + "+");
      status.textContent = data.total === 0 ? Lang.t("noMatch", state.q)
        : shownTotal(data.total, data.totalRelation !== "gte") + " · " + data.tookMs + " ms";
      const results = $("results");
      results.replaceChildren(...data.hits.map(renderHit));
      results.start = (state.page - 1) * SIZE + 1;
      renderNotice(data);
      renderFacets({});
      renderPager(data.total);
      const counted = await facets;
      if (counted) {
        renderFacets(counted);
        histogram = counted.histogram;
        renderTimeline();
        if (data.totalRelation === "gte" && counted.total > 0) {
          status.textContent = shownTotal(counted.total, true) + " · " + data.tookMs + " ms";
          renderPager(counted.total);
        }
      }
    } catch (e) {
      status.textContent = e.message;
      $("results").replaceChildren();
    }
  }

  run();
})();
