// Timeline enhancement. Without this script the page shows both pictures and the whole list.
// - Filters: shows the filter form, reads its GET parameters from the address (status, actor, forum,
//   from, to), and applies it to the marks and the list as it changes, without reloading the page;
//   the address follows, so that a filtered view can be linked.
// - Names the hovered or focused mark in a live region (the SVG <title> tooltip only shows on hover),
//   and highlights the same meeting in both pictures.
// - Keeps each lane's label in view while its picture scrolls sideways.
(function () {
  "use strict";
  var out = document.getElementById("timeline-detail");
  var form = document.getElementById("timeline-filters");
  var count = document.getElementById("timeline-count");
  if (!out || !form || !count) return;
  var links = document.querySelectorAll("svg.timeline a");
  var marks = document.querySelectorAll("svg.timeline a.mark");
  var entries = document.querySelectorAll("#timeline-list > li");
  var total = entries.length;

  function highlight(id, on) {
    if (!id) return;
    document.querySelectorAll('svg.timeline a[data-meeting="' + CSS.escape(id) + '"]').forEach(function (a) {
      a.classList.toggle("related", on);
    });
  }
  links.forEach(function (a) {
    function show() {
      out.textContent = a.getAttribute("aria-label") || "";
      highlight(a.getAttribute("data-meeting"), true);
    }
    function hide() {
      highlight(a.getAttribute("data-meeting"), false);
    }
    a.addEventListener("focus", show);
    a.addEventListener("mouseenter", show);
    a.addEventListener("blur", hide);
    a.addEventListener("mouseleave", hide);
  });

  // --- Filters ---
  var statuses = form.querySelectorAll('input[name="status"]');
  var fields = { actor: form.elements.namedItem("actor"), forum: form.elements.namedItem("forum"), from: form.elements.namedItem("from"), to: form.elements.namedItem("to") };
  var firstYear = fields.from.options[0].value;
  var lastYear = fields.to.options[fields.to.options.length - 1].value;

  function has(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  /** Sets the form from the address's parameters; unknown values are left at their default. */
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var wanted = params.getAll("status");
    statuses.forEach(function (box) {
      box.checked = wanted.length === 0 || wanted.indexOf(box.value) >= 0;
    });
    ["actor", "forum", "from", "to"].forEach(function (name) {
      var value = params.get(name);
      if (value !== null && has(fields[name], value)) fields[name].value = value;
    });
  }

  function current() {
    var styles = {};
    statuses.forEach(function (box) {
      if (box.checked) styles[box.value] = true;
    });
    var from = Number(fields.from.value);
    var to = Number(fields.to.value);
    return { styles: styles, actor: fields.actor.value, forum: fields.forum.value, from: Math.min(from, to), to: Math.max(from, to) };
  }

  function matches(el, f) {
    var year = Number(el.getAttribute("data-year"));
    var forum = el.getAttribute("data-forum") || "";
    if (!f.styles[el.getAttribute("data-style")]) return false;
    if (f.actor && (" " + el.getAttribute("data-actors") + " ").indexOf(" " + f.actor + " ") < 0) return false;
    if (f.forum === "none" ? forum !== "" : f.forum && forum !== f.forum) return false;
    return year >= f.from && year <= f.to;
  }

  /** The address of the filtered view: only what differs from showing everything. */
  function query() {
    var params = new URLSearchParams();
    var all = true;
    statuses.forEach(function (box) {
      if (!box.checked) all = false;
    });
    if (!all) {
      statuses.forEach(function (box) {
        if (box.checked) params.append("status", box.value);
      });
    }
    if (fields.actor.value) params.set("actor", fields.actor.value);
    if (fields.forum.value) params.set("forum", fields.forum.value);
    if (fields.from.value !== firstYear) params.set("from", fields.from.value);
    if (fields.to.value !== lastYear) params.set("to", fields.to.value);
    var text = params.toString();
    return text ? "?" + text : window.location.pathname.split("/").pop() || "timeline.html";
  }

  function apply(moveAddress) {
    var f = current();
    var shown = 0;
    marks.forEach(function (a) {
      a.classList.toggle("filtered-out", !matches(a, f));
    });
    entries.forEach(function (li) {
      var on = matches(li, f);
      li.classList.toggle("filtered-out", !on);
      if (on) shown++;
    });
    count.textContent = shown === total ? total + " meetings on the timeline, " + firstYear + " to " + lastYear + "." : shown + " of " + total + " meetings shown" + (shown === 0 ? ": no meeting matches the filters." : ".");
    // Bring the first year asked for into view in each picture.
    document.querySelectorAll(".scroll").forEach(function (box) {
      var line = box.querySelector('line.grid[data-year="' + f.from + '"]');
      box.scrollLeft = line && String(f.from) !== firstYear ? Math.max(0, Number(line.getAttribute("x1")) - 8) : 0;
    });
    if (moveAddress) {
      try {
        window.history.replaceState(null, "", query());
      } catch (e) {
        // Some browsers refuse to change the address of a page opened from disk; the filters still work.
      }
    }
  }

  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply(true);
  });
  form.addEventListener("reset", function () {
    // The form's own reset runs after this event: apply once it has.
    window.setTimeout(function () {
      apply(true);
    }, 0);
  });
  form.hidden = false;
  fromAddress();
  apply(false);

  // --- Lane labels stay in view while a picture scrolls sideways ---
  document.querySelectorAll(".scroll").forEach(function (box) {
    var labels = box.querySelector("g.lane-labels");
    if (!labels) return;
    box.addEventListener("scroll", function () {
      labels.setAttribute("transform", "translate(" + box.scrollLeft + " 0)");
    });
  });
})();
