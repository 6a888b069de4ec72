// The document view: /doc/{id} asks /api/doc/{id} and shows the stored document with the query
// words marked, its metadata, the captures of its URL, its copies and similar documents.
"use strict";

(function () {
  const id = decodeURIComponent(location.pathname.replace(/^\/doc\//, ""));
  const query = new URLSearchParams(location.search).get("q") || "";
  const status = document.getElementById("status");
  Lang.apply();
  if (query) document.getElementById("back").href = "/?" + new URLSearchParams({ q: query });
  const words = Sandiq.queryWords(query);

  function metaRow(list, label, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(Sandiq.el("dt", null, label), Sandiq.el("dd", null, value));
  }

  function docLink(related) {
    return Sandiq.el("a", { href: "/doc/" + encodeURIComponent(related.id) + (query ? "?" + new URLSearchParams({ q: query }) : "") },
      related.title || related.id);
  }

  function showRelated(sectionId, items, render) {
    if (!items || !items.length) return;
    const section = document.getElementById(sectionId);
    const list = section.querySelector("ol, ul");
    for (const item of items) list.append(render(item));
    section.hidden = false;
  }

  async function run() {
    try {
      const doc = await Sandiq.getJson("/api/doc/" + encodeURIComponent(id));
      document.title = doc.title + " · Sandiq";
      const title = document.getElementById("title");
      title.append(Sandiq.highlight(doc.title || doc.id, words));
      const meta = document.getElementById("meta");
      metaRow(meta, Lang.t("url"), doc.url);
      metaRow(meta, Lang.t("site"), doc.site);
      metaRow(meta, Lang.t("language"), Sandiq.langName(doc.lang));
      metaRow(meta, Lang.t("date"), Sandiq.formatDate(doc.date));
      metaRow(meta, Lang.t("source"), doc.source);
      metaRow(meta, Lang.t("id"), doc.id);
      const links = document.getElementById("links");
      if (Sandiq.isWebUrl(doc.url)) {
        links.append(Sandiq.el("a", { href: doc.url, rel: "noopener noreferrer nofollow", id: "original" }, Lang.t("original")), " · ");
      }
      links.append(Sandiq.el("a", { href: "/api/doc/" + encodeURIComponent(doc.id) + "/raw", id: "raw" }, Lang.t("rawSource")));
      const text = document.getElementById("text");
      for (const block of String(doc.text || "").split(/\n\s*\n/)) {
        if (block.trim()) {
          const p = Sandiq.el("p");
          p.append(Sandiq.highlight(block, words));
          text.append(p);
        }
      }
      status.hidden = true;
      document.getElementById("doc").hidden = false;
      showRelated("captures", doc.captures, (c) => Sandiq.el("li", { class: c.id === doc.id ? "current" : null },
        Sandiq.el("time", { datetime: c.date || "" }, Sandiq.formatDate(c.date) || "?"), " ", c.id === doc.id ? c.title : docLink(c)));
      showRelated("duplicates", doc.duplicates, (d) => Sandiq.el("li", null, docLink(d), " ", Sandiq.el("span", { class: "count" }, d.url)));
      const similar = await Sandiq.getJson("/api/doc/" + encodeURIComponent(id) + "/similar");
      showRelated("similar", similar.hits, (h) => Sandiq.el("li", null, docLink(h), " ",
        Sandiq.el("span", { class: "count" }, Sandiq.langName(h.lang) + (h.site ? " · " + h.site : ""))));
    } catch (e) {
      status.hidden = false;
      status.textContent = e.message;
    }
  }

  run();
})();
