// Helpers shared by the pages. Everything that came from a document or a query is inserted as
// text (textContent / text nodes), never as markup.
"use strict";

const Sandiq = {
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  // The API's snippets and titleHtml are HTML-escaped text whose only tags are <mark> and </mark>.
  // They are rebuilt here from text nodes and <mark> elements, so even a broken one cannot inject
  // markup.
  marked(html) {
    const fragment = document.createDocumentFragment();
    let inMark = false;
    for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") { inMark = true; continue; }
      if (part === "</mark>") { inMark = false; continue; }
      if (!part) continue;
      const text = Sandiq.unescape(part);
      fragment.append(inMark ? Sandiq.el("mark", null, text) : document.createTextNode(text));
    }
    return fragment;
  },

  unescape(s) {
    return s.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (m, e) => ({
      lt: "<", gt: ">", amp: "&", quot: "\"", "#39": "'", "#x27": "'", "#x2F": "/"
    })[e]);
  },

  langName(code) {
    const names = Lang.t("langNames");
    return (names && names[code]) || code;
  },

  formatDate(iso) {
    if (!iso) return null;
    return iso.length >= 10 ? iso.substring(0, 10) : iso;
  },

  isWebUrl(url) {
    return /^https?:\/\//i.test(url || "");
  },

  // Folds one character as the index's folded field does (case, diacritics, ə as e, ı as i), so
  // the document view can mark query words in the text; one character in, one character out.
  foldChar(c) {
    if (c === "ə" || c === "Ə") return "e";
    if (c === "ı" || c === "I" || c === "İ") return "i";
    const base = c.normalize("NFD").replace(/\p{M}/gu, "");
    return (base.length === 1 ? base : c).toLowerCase().charAt(0) || c;
  },

  fold(s) {
    let out = "";
    for (const c of s) out += c.length === 1 ? Sandiq.foldChar(c) : c;
    return out;
  },

  // The plain words of a query (operators, field names and punctuation dropped).
  queryWords(q) {
    return String(q || "")
      .replace(/\b(title|site|lang|after|before):\S*/gi, " ")
      .split(/[\s"()~*+\-]+/)
      .filter((w) => w && !["AND", "OR", "NOT"].includes(w) && /[\p{L}\p{N}]/u.test(w))
      .map((w) => Sandiq.fold(w.replace(/[^\p{L}\p{N}]/gu, "")))
      .filter((w) => w.length >= 2);
  },

  // A fragment of `text` with every word that starts with a query word (folded) in <mark>.
  highlight(text, words) {
    const fragment = document.createDocumentFragment();
    if (!words.length) { fragment.append(text); return fragment; }
    const folded = Sandiq.fold(text);
    const pattern = new RegExp("(?<![\\p{L}\\p{N}])(" + words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") + ")[\\p{L}\\p{N}]*", "gu");
    let last = 0;
    for (const m of folded.matchAll(pattern)) {
      if (m.index > last) fragment.append(text.substring(last, m.index));
      fragment.append(Sandiq.el("mark", null, text.substring(m.index, m.index + m[0].length)));
      last = m.index + m[0].length;
    }
    if (last < text.length) fragment.append(text.substring(last));
    return fragment;
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
