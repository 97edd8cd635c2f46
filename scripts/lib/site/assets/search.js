// Search for the static site, with MiniSearch (assets/minisearch.js) over an index in shards: the small
// meta part (search/meta.js) lists the shards; each word typed loads the term shard of its first two
// letters (or first Chinese character) once, then the document shards of the results listed. Shards are
// scripts that register themselves, so the search works from disk, where pages cannot fetch() files.
// Without this script the page links the A–Z list, so nothing is lost.
// Results are built with textContent only: record text never becomes markup.
(function () {
  "use strict";
  var meta = window.SIDELINES_SEARCH_META;
  var T = window.SidelinesSearchTerms;
  var MiniSearch = window.MiniSearch;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("all-records");
  var more = document.getElementById("search-more");
  var moreButton = document.getElementById("search-more-button");
  if (!meta || !T || !MiniSearch || !form || !input || !results || !status || !all || !more || !moreButton) return;

  var PAGE = 20;
  var FILTERS = ["type", "status", "country", "year"];
  var TYPE_LABEL = { actor: "actor", meeting: "meeting", sanction: "sanction", incident: "incident", forum: "forum", edition: "forum edition" };
  var base = document.querySelector('script[src$="search/meta.js"]').getAttribute("src").replace(/meta\.js$/, "");

  // What the shards registered: the parts of the index by key, and the entries by number.
  var termShards = {};
  var entries = {};
  var index = null;
  var loading = {};
  window.SIDELINES_SEARCH = {
    terms: function (key, shard) { termShards[key] = shard; index = null; },
    docs: function (n, list) { list.forEach(function (e, i) { entries[n * meta.docsPerShard + i] = e; }); },
  };

  /** Loads a shard's script once; resolves when it has run. */
  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = base + path;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load " + path)); };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  /** The MiniSearch index of the term shards loaded so far (each term with all its documents). */
  function searchIndex() {
    if (index) return index;
    var merged = T.mergeShards(Object.keys(termShards).map(function (k) { return termShards[k]; }));
    index = merged ? MiniSearch.loadJSON(JSON.stringify(merged), T.OPTIONS) : null;
    return index;
  }

  function control(name) {
    return form.elements.namedItem(name);
  }

  function item(e) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = e.url;
    a.textContent = e.name;
    li.appendChild(a);
    var info = [TYPE_LABEL[e.type] || e.type];
    if (e.kind && (e.type === "actor" || e.type === "incident")) info.push(e.kind.replace(/-/g, " "));
    if (e.status) info.push(e.status.replace(/-/g, " "));
    if (e.years.length) info.push(e.years.length > 1 ? e.years[0] + "–" + e.years[e.years.length - 1] : String(e.years[0]));
    var span = document.createElement("span");
    span.className = "meta";
    span.textContent = " " + info.join(" · ");
    li.appendChild(span);
    if (e.aliases.length && (e.type === "actor" || e.type === "forum")) {
      var aka = document.createElement("span");
      aka.className = "aka";
      aka.textContent = " (" + e.aliases.join(", ") + ")";
      li.appendChild(aka);
    }
    return li;
  }

  var generation = 0;
  var hits = [];
  var shown = 0;
  // Without words, the filters alone list records in the order of the release, shard after shard.
  var browse = null;

  function fits(e, chosen) {
    if (chosen.type && e.type !== chosen.type) return false;
    if (chosen.status && e.status !== chosen.status) return false;
    if (chosen.country && e.countries.indexOf(chosen.country) < 0) return false;
    if (chosen.year && e.years.indexOf(Number(chosen.year)) < 0) return false;
    return true;
  }

  /** The next page of entries: of the hits, after loading the document shards they are in; or, browsing, from the next shards. */
  function nextPage(run) {
    if (browse) {
      var found = [];
      var step = function () {
        if (run !== generation || found.length >= PAGE || browse.next >= browse.end) return Promise.resolve(found);
        var n = browse.next++;
        return load("docs/" + n + ".js").then(function () {
          for (var i = n * meta.docsPerShard; i < (n + 1) * meta.docsPerShard && i < meta.entries; i++) if (entries[i] && fits(entries[i], browse.chosen)) found.push(entries[i]);
          return step();
        });
      };
      return step();
    }
    var page = hits.slice(shown, shown + PAGE);
    var blocks = [];
    page.forEach(function (h) {
      var n = Math.floor(h.id / meta.docsPerShard);
      if (blocks.indexOf(n) < 0) blocks.push(n);
    });
    return Promise.all(blocks.map(function (n) { return load("docs/" + n + ".js"); })).then(function () {
      return page.map(function (h) { return entries[h.id]; });
    });
  }

  /** Lists the next page of results. */
  function showMore(run) {
    return nextPage(run).then(function (list) {
      if (run !== generation) return;
      list.forEach(function (e) { results.appendChild(item(e)); });
      shown += list.length;
      more.hidden = browse ? browse.next >= browse.end : shown >= hits.length;
      if (browse) status.textContent = shown + (more.hidden ? " records" : " records listed so far") + ", in the order of the release; type a name or title to search";
    });
  }

  function fail(error) {
    status.textContent = "The search could not load part of its index (" + error.message + "). The A–Z list below has every record.";
    results.hidden = true;
    more.hidden = true;
    all.hidden = false;
  }

  function run() {
    var run = ++generation;
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
    var q = T.query(input.value);
    var filtered = FILTERS.some(function (f) { return chosen[f]; });
    hits = [];
    shown = 0;
    browse = null;
    if (!q && (T.normalise(input.value) || !filtered)) {
      results.hidden = true;
      more.hidden = true;
      all.hidden = false;
      status.textContent = T.normalise(input.value) ? "Type at least two letters." : "";
      return Promise.resolve();
    }
    var ready;
    if (!q) {
      var span = chosen.type && meta.types[chosen.type] ? meta.types[chosen.type] : [0, meta.entries];
      browse = { chosen: chosen, next: Math.floor(span[0] / meta.docsPerShard), end: Math.ceil(span[1] / meta.docsPerShard) };
      ready = Promise.resolve();
    } else {
      var keys = T.shardsFor(q.terms, meta.keys);
      ready = Promise.all(keys.map(function (k) { return load("terms/" + T.shardFile(k) + ".js"); })).then(function () {
        if (run !== generation) return;
        var idx = searchIndex();
        var filter = function (r) { return fits(T.decodeFilters(r.f), chosen); };
        hits = idx ? idx.search(q.tree, { filter: filter }) : [];
      });
    }
    return ready
      .then(function () {
        if (run !== generation) return;
        results.replaceChildren();
        return showMore(run).then(function () {
          if (run !== generation) return;
          results.hidden = false;
          all.hidden = true;
          if (!browse) status.textContent = hits.length === 1 ? "1 record found" : hits.length + " records found";
        });
      })
      .catch(fail);
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
  moreButton.addEventListener("click", function () {
    var first = shown;
    showMore(generation).then(function () {
      var next = results.children[first];
      if (next) next.querySelector("a").focus();
    }, fail);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run().then(function () {
      if (!results.hidden && results.firstElementChild) results.firstElementChild.querySelector("a").focus();
    });
  });
  run();
})();
