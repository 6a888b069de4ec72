// Helpers shared by the search page and the document view. Everything that came from a document
// is inserted as text (textContent / text nodes), never as markup.
"use strict";

const Sandiq = {
  LANGUAGES: { az: "Azerbaijani", en: "English", ru: "Russian", tr: "Turkish", und: "Other" },

  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  // The API's snippets are HTML-escaped text whose only tags are <mark> and </mark>. They are
  // rebuilt here from text nodes and <mark> elements, so even a broken snippet cannot inject markup.
  snippet(html) {
    const fragment = document.createDocumentFragment();
    let marked = false;
    for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") { marked = true; continue; }
      if (part === "</mark>") { marked = false; continue; }
      if (!part) continue;
      const text = Sandiq.unescape(part);
      fragment.append(marked ? Sandiq.el("mark", null, text) : document.createTextNode(text));
    }
    return fragment;
  },

  unescape(s) {
    return s.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (m, e) => ({
      lt: "<", gt: ">", amp: "&", quot: "\"", "#39": "'", "#x27": "'", "#x2F": "/"
    })[e]);
  },

  formatDate(iso) {
    if (!iso) return null;
    return iso.length >= 10 ? iso.substring(0, 10) : iso;
  },

  isWebUrl(url) {
    return /^https?:\/\//i.test(url || "");
  },

  async getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message || ("HTTP " + response.status));
    }
    return body;
  }
};
