// How the site's search turns text into terms, shared by the build (which indexes the records, see
// search-terms.ts) and the browser (which turns what one types into the same terms): one source for both.
// Case, accents, punctuation and spacing do not matter: "Li Shangfu", "li shang fu", "lishangfu" and
// "Lí Shāngfú" all give terms of the same index. Chinese text is kept as a run and also as single
// characters, so that "李尚福" and "尚福" both match. The index is split into shards by the start of each
// term (two letters, or one Chinese character), so a search loads only the shards of its own terms.
(function (root) {
  "use strict";
  var HAN = /\p{Script=Han}/u;
  var MARKS = /\p{M}+/gu;
  var SEPARATORS = /[^\p{L}\p{N}]+/gu;

  /** Lower case, no accents or other marks (NFKD, marks dropped), words separated by one space. */
  function normalise(text) {
    return String(text).normalize("NFKD").replace(MARKS, "").toLowerCase().replace(SEPARATORS, " ").trim();
  }

  /** The terms of a text: its normalised words, and each Chinese character of a word on its own too. */
  function terms(text) {
    var out = [];
    normalise(text)
      .split(" ")
      .forEach(function (word) {
        if (!word) return;
        out.push(word);
        var chars = Array.from(word);
        if (chars.length > 1 && HAN.test(word)) chars.forEach(function (c) { if (HAN.test(c)) out.push(c); });
      });
    return out;
  }

  /** The words of a short name written together ("li shang fu" → "lishangfu"), or "" for one word. */
  function joined(text) {
    var words = normalise(text).split(" ");
    return words.length > 1 ? words.join("") : "";
  }

  /**
   * The base shard of a term: its first Chinese character, or its first two letters or digits. A shard
   * that would be large is split by longer starts (see search-shards.ts): a term lives in the shard of
   * the longest key that starts it.
   */
  function shardKey(term) {
    var chars = Array.from(term);
    return HAN.test(chars[0] || "") ? chars[0] : chars.slice(0, 2).join("");
  }

  /** A shard key as a file name: the hexadecimal code of each character, joined by "-" ("li" → "6c-69"). */
  function shardFile(key) {
    return Array.from(key).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  /**
   * The shards (of `keys`, the index's shard keys) that hold what a query looks for: for each term, the
   * shard of the longest key that starts it, and, when the term is matched as a prefix, every shard whose
   * key the term starts (they hold the longer terms it begins).
   */
  function shardsFor(wanted, keys) {
    var out = [];
    var add = function (k) { if (out.indexOf(k) < 0) out.push(k); };
    wanted.forEach(function (w) {
      var best = "";
      keys.forEach(function (k) {
        if (k.length > best.length && w.term.slice(0, k.length) === k) best = k;
        if (w.prefix && k.length > w.term.length && k.slice(0, w.term.length) === w.term) add(k);
      });
      if (best) add(best);
    });
    return out;
  }

  /**
   * What one typed, as a query for MiniSearch and the terms it looks for: every word must match (the
   * last one, being typed, as a prefix; a long word also with a typo), or else all the words written
   * together, so that "li shang fu" and "lishangfu" find "Li Shangfu". A Chinese word also matches
   * character by character. Null when nothing is searchable yet (only single letters: terms are
   * matched from two letters on).
   */
  function query(text) {
    var words = normalise(text).split(" ").filter(Boolean);
    var wanted = words.filter(function (w) { return Array.from(w).length > 1 || HAN.test(w); });
    if (!wanted.length) return null;
    var terms = [];
    var word = function (w, prefix) {
      terms.push({ term: w, prefix: prefix });
      var chars = Array.from(w).filter(function (c) { return HAN.test(c); });
      if (chars.length < 2) return { combineWith: "OR", prefix: prefix, queries: [w] };
      chars.forEach(function (c) { terms.push({ term: c, prefix: false }); });
      return { combineWith: "OR", queries: [{ combineWith: "OR", prefix: prefix, queries: [w] }, { combineWith: "AND", prefix: false, queries: chars }] };
    };
    var parts = wanted.map(function (w, i) { return word(w, i === wanted.length - 1); });
    var all = parts.length > 1 ? { combineWith: "AND", queries: parts } : parts[0];
    var tree = wanted.length > 1 ? { combineWith: "OR", queries: [all, word(wanted.join(""), true)] } : all;
    return { tree: tree, terms: terms };
  }

  // What the filters read of an entry, stored in the index in one short text per entry (it is repeated in
  // each term shard that points to the entry): "m|declined|CN US|2019,2021-2023".
  var TYPE_CODES = { actor: "a", meeting: "m", sanction: "s", incident: "i", forum: "f", edition: "e" };
  var CODE_TYPES = {};
  Object.keys(TYPE_CODES).forEach(function (t) { CODE_TYPES[TYPE_CODES[t]] = t; });

  function encodeFilters(type, status, countries, years) {
    var spans = [];
    years.forEach(function (y) {
      var last = spans[spans.length - 1];
      if (last && y === last[1] + 1) last[1] = y;
      else spans.push([y, y]);
    });
    return [TYPE_CODES[type] || type, status || "", countries.join(" "), spans.map(function (s) { return s[0] === s[1] ? String(s[0]) : s[0] + "-" + s[1]; }).join(",")].join("|");
  }

  function decodeFilters(text) {
    var parts = String(text).split("|");
    var years = [];
    (parts[3] || "").split(",").forEach(function (span) {
      if (!span) return;
      var ends = span.split("-").map(Number);
      for (var y = ends[0]; y <= (ends.length > 1 ? ends[1] : ends[0]); y++) years.push(y);
    });
    return { type: CODE_TYPES[parts[0]] || parts[0], status: parts[1] || undefined, countries: parts[2] ? parts[2].split(" ") : [], years: years };
  }

  /**
   * The term shards loaded so far as one serialised MiniSearch index (for MiniSearch.loadJSON). Each
   * shard holds whole terms and the index's totals, so this ranks as the whole index does.
   */
  function mergeShards(shards) {
    var merged = null;
    shards.forEach(function (s) {
      if (!merged) merged = Object.assign({}, s, { documentIds: {}, fieldLength: {}, storedFields: {}, index: [] });
      // A document's id is its number in the index, so shards leave documentIds out: it is made here.
      Object.keys(s.fieldLength).forEach(function (k) { merged.documentIds[k] = Number(k); });
      Object.assign(merged.fieldLength, s.fieldLength);
      Object.assign(merged.storedFields, s.storedFields);
      merged.index = merged.index.concat(s.index);
    });
    return merged;
  }

  // MiniSearch's options, the same when the index is built and when it is searched. Fields hold terms
  // already made by terms() above, one space apart: the tokenizer splits on spaces and changes nothing.
  var OPTIONS = {
    idField: "id",
    fields: ["name", "names", "related"],
    storeFields: ["f"],
    tokenize: function (text) { return String(text).split(" "); },
    processTerm: function (term) { return term || null; },
    searchOptions: {
      prefix: true,
      fuzzy: function (term) { return Array.from(term).length > 3 ? 0.2 : false; },
      boost: { name: 3, names: 2, related: 1 },
      boostDocument: function (id, term, stored) { return stored && String(stored.f).charAt(0) === TYPE_CODES.actor ? 1.5 : 1; },
    },
  };

  var api = { normalise: normalise, terms: terms, joined: joined, shardKey: shardKey, shardFile: shardFile, shardsFor: shardsFor, query: query, encodeFilters: encodeFilters, decodeFilters: decodeFilters, mergeShards: mergeShards, OPTIONS: OPTIONS };
  // The browser runs this file as a script; the build requires it (assets/package.json makes it CommonJS for Node).
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SidelinesSearchTerms = api;
})(typeof window === "undefined" ? globalThis : window);
