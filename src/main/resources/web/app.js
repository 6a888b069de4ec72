// The search page: reads the query from the URL, asks /api/search and shows the results.
"use strict";

(function () {
  const params = new URLSearchParams(location.search);
  const q = params.get("q") || "";
  const lang = params.get("lang") || "";
  const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  const size = 10;
  const MAX_PAGES = 100;

  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const pager = document.getElementById("pager");
  const facets = document.getElementById("facets");
  document.getElementById("q").value = q;
  document.getElementById("lang").value = lang;

  function pageUrl(changes) {
    const next = new URLSearchParams({ q: q });
    if (lang) next.set("lang", lang);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key); else next.set(key, value);
    }
    return "/?" + next.toString();
  }

  function renderHit(hit) {
    const meta = Sandiq.el("p", { class: "hit-meta" },
      Sandiq.el("span", { class: "lang" }, Sandiq.LANGUAGES[hit.lang] || hit.lang),
      hit.site ? Sandiq.el("span", { class: "site" }, hit.site) : null,
      hit.date ? Sandiq.el("time", { datetime: hit.date }, Sandiq.formatDate(hit.date)) : null);
    const docLink = "/doc/" + encodeURIComponent(hit.id) + "?q=" + encodeURIComponent(q);
    const snippet = Sandiq.el("p", { class: "snippet" });
    snippet.append(Sandiq.snippet(hit.snippet || ""));
    return Sandiq.el("li", { class: "hit" },
      Sandiq.el("h2", null, Sandiq.el("a", { href: docLink }, hit.title || hit.id)),
      Sandiq.el("p", { class: "url" }, hit.url),
      meta, snippet);
  }

  function renderFacets(data) {
    facets.replaceChildren();
    const langs = (data.facets && data.facets.lang) || [];
    const sites = (data.facets && data.facets.site) || [];
    if (langs.length) {
      const list = Sandiq.el("ul");
      for (const f of langs) {
        const active = f.value === lang;
        const link = Sandiq.el("a", { href: pageUrl({ lang: active ? null : f.value, page: null }),
          "aria-current": active ? "true" : null },
          (Sandiq.LANGUAGES[f.value] || f.value) + " ", Sandiq.el("span", { class: "count" }, f.count));
        list.append(Sandiq.el("li", null, link));
      }
      facets.append(Sandiq.el("h2", null, "Language"), list);
    }
    if (sites.length) {
      const list = Sandiq.el("ul");
      for (const f of sites) {
        list.append(Sandiq.el("li", null, f.value + " ", Sandiq.el("span", { class: "count" }, f.count)));
      }
      facets.append(Sandiq.el("h2", null, "Site"), list);
    }
  }

  function renderPager(total) {
    pager.replaceChildren();
    const pages = Math.min(MAX_PAGES, Math.ceil(total / size));
    if (pages <= 1) return;
    const list = Sandiq.el("ul");
    const add = (label, target, current) => {
      const item = current
        ? Sandiq.el("span", { "aria-current": "page" }, label)
        : Sandiq.el("a", { href: pageUrl({ page: target }) }, label);
      list.append(Sandiq.el("li", null, item));
    };
    if (page > 1) add("← Previous", page - 1, false);
    const first = Math.max(1, page - 4);
    const last = Math.min(pages, first + 9);
    for (let p = first; p <= last; p++) add(String(p), p, p === page);
    if (page < pages) add("Next →", page + 1, false);
    pager.append(list);
  }

  async function run() {
    if (!q.trim()) {
      try {
        const health = await Sandiq.getJson("/api/health");
        status.textContent = health.documents + " documents in the archive. Type a query to search.";
      } catch (e) {
        status.textContent = "The search service is not answering: " + e.message;
      }
      return;
    }
    status.textContent = "Searching…";
    const url = "/api/search?" + new URLSearchParams({ q: q, lang: lang, page: page, size: size });
    try {
      const data = await Sandiq.getJson(url);
      document.title = q + " · Sandiq";
      status.textContent = data.total === 0
        ? "No documents match “" + q + "”."
        : data.total + (data.total === 1 ? " document" : " documents") + " · " + data.tookMs + " ms";
      results.replaceChildren(...data.hits.map(renderHit));
      results.start = (page - 1) * size + 1;
      renderFacets(data);
      renderPager(data.total);
    } catch (e) {
      status.textContent = e.message;
      results.replaceChildren();
    }
  }

  run();
})();
