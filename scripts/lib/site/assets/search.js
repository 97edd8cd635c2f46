// Search for the static site: filters the index (search-index.js) by the words typed and the chosen
// filters, and lists the matches. Without this script the page lists every record, so nothing is lost.
// Results are built with textContent only: record text never becomes markup.
(function () {
  "use strict";
  var index = window.SIDELINES_SEARCH_INDEX;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("all-records");
  if (!Array.isArray(index) || !form || !input || !results || !status || !all) return;

  var FILTERS = ["type", "status", "country", "year"];
  var TYPE_ORDER = { actor: 0, meeting: 1, sanction: 2, incident: 3, forum: 4, edition: 5 };
  var TYPE_LABEL = { actor: "actor", meeting: "meeting", sanction: "sanction", incident: "incident", forum: "forum", edition: "forum edition" };

  // Case, accents and punctuation do not matter: "li shangfu", "Li Shangfu" and "li-shangfu" match alike.
  function norm(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\-‐–—_,.;:()'"’]+/g, " ").trim();
  }
  index.forEach(function (e) {
    e.nName = norm(e.name);
    e.nAll = " " + norm([e.name, e.id].concat(e.aliases).join(" ")) + " ";
  });

  function control(name) {
    return form.elements.namedItem(name);
  }

  function score(e, words, phrase) {
    if (e.nName === phrase) return 0;
    if (e.nName.indexOf(phrase) === 0) return 1;
    if (words.every(function (w) { return e.nName.indexOf(w) >= 0; })) return 2;
    return 3;
  }

  function matches(e, words, chosen) {
    if (!words.every(function (w) { return e.nAll.indexOf(w) >= 0; })) return false;
    if (chosen.type && e.type !== chosen.type) return false;
    if (chosen.status && e.status !== chosen.status) return false;
    if (chosen.country && e.countries.indexOf(chosen.country) < 0) return false;
    if (chosen.year && e.years.indexOf(Number(chosen.year)) < 0) return false;
    return true;
  }

  function item(e) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = e.url;
    a.textContent = e.name;
    li.appendChild(a);
    var meta = [TYPE_LABEL[e.type] || e.type];
    if (e.kind && (e.type === "actor" || e.type === "incident")) meta.push(e.kind.replace(/-/g, " "));
    if (e.status) meta.push(e.status.replace(/-/g, " "));
    if (e.years.length) meta.push(e.years.length > 1 ? e.years[0] + "–" + e.years[e.years.length - 1] : String(e.years[0]));
    var span = document.createElement("span");
    span.className = "meta";
    span.textContent = " " + meta.join(" · ");
    li.appendChild(span);
    if (e.aliases.length && (e.type === "actor" || e.type === "forum")) {
      var aka = document.createElement("span");
      aka.className = "aka";
      aka.textContent = " (" + e.aliases.join(", ") + ")";
      li.appendChild(aka);
    }
    return li;
  }

  function run() {
    var phrase = norm(input.value);
    var words = phrase ? phrase.split(" ") : [];
    var chosen = {};
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    FILTERS.forEach(function (f) {
      chosen[f] = control(f).value;
      if (chosen[f]) params.set(f, chosen[f]);
    });
    try {
      history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
    } catch (err) {
      // Some browsers refuse replaceState on file: pages; the search works all the same.
    }
    if (!words.length && !FILTERS.some(function (f) { return chosen[f]; })) {
      results.hidden = true;
      all.hidden = false;
      status.textContent = "";
      return;
    }
    var hits = index
      .filter(function (e) { return matches(e, words, chosen); })
      .map(function (e) { return { e: e, s: score(e, words, phrase) }; })
      .sort(function (a, b) { return a.s - b.s || TYPE_ORDER[a.e.type] - TYPE_ORDER[b.e.type] || a.e.name.localeCompare(b.e.name); });
    results.replaceChildren.apply(results, hits.map(function (h) { return item(h.e); }));
    results.hidden = false;
    all.hidden = true;
    status.textContent = hits.length === 1 ? "1 record found" : hits.length + " records found";
  }

  // Start from the address: the search box in every page's header sends ?q=…
  var start = new URLSearchParams(location.search);
  input.value = start.get("q") || "";
  var header = document.getElementById("site-q");
  if (header) header.value = input.value;
  FILTERS.forEach(function (f) {
    var value = start.get(f);
    if (value && control(f).querySelector('option[value="' + CSS.escape(value) + '"]')) control(f).value = value;
    control(f).addEventListener("change", run);
  });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
    if (!results.hidden && results.firstElementChild) results.firstElementChild.querySelector("a").focus();
  });
  run();
})();
