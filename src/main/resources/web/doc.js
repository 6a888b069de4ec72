// The document view: /doc/{id} asks /api/doc/{id} and shows the stored document.
"use strict";

(function () {
  const id = decodeURIComponent(location.pathname.replace(/^\/doc\//, ""));
  const query = new URLSearchParams(location.search).get("q");
  const status = document.getElementById("status");
  if (query) document.getElementById("back").href = "/?" + new URLSearchParams({ q: query });

  function metaRow(list, label, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(Sandiq.el("dt", null, label), Sandiq.el("dd", null, value));
  }

  async function run() {
    try {
      const doc = await Sandiq.getJson("/api/doc/" + encodeURIComponent(id));
      document.title = doc.title + " · Sandiq";
      document.getElementById("title").textContent = doc.title;
      const meta = document.getElementById("meta");
      metaRow(meta, "URL", Sandiq.isWebUrl(doc.url)
        ? Sandiq.el("a", { href: doc.url, rel: "noopener noreferrer nofollow" }, doc.url)
        : doc.url);
      metaRow(meta, "Site", doc.site);
      metaRow(meta, "Language", Sandiq.LANGUAGES[doc.lang] || doc.lang);
      metaRow(meta, "Date", Sandiq.formatDate(doc.date));
      metaRow(meta, "Source", doc.source);
      metaRow(meta, "Id", doc.id);
      const text = document.getElementById("text");
      for (const block of String(doc.text || "").split(/\n\s*\n/)) {
        if (block.trim()) text.append(Sandiq.el("p", null, block));
      }
      status.hidden = true;
      document.getElementById("doc").hidden = false;
    } catch (e) {
      status.textContent = e.message;
    }
  }

  run();
})();
