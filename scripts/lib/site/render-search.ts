/**
 * The search page. Without JavaScript it is the full index: every record, grouped by type, each with
 * an anchor. With JavaScript (assets/search.js) the form filters the index as one types.
 */
import { anchorId, html, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { label, type PageType } from "./model.ts";
import type { SearchEntry } from "./search-index.ts";

const GROUPS: readonly [PageType, string][] = [
  ["actor", "Actors"],
  ["meeting", "Meetings"],
  ["sanction", "Sanctions"],
  ["incident", "Incidents cited as causes"],
  ["forum", "Forums"],
  ["edition", "Forum editions"],
];

function select(name: string, text: string, values: readonly (string | number)[], show: (v: string) => string = (v) => v): Html {
  return html`<label>${text} <select name="${name}" id="filter-${name}"><option value="">any</option>${values.map((v) => html`<option value="${String(v)}">${show(String(v))}</option>`)}</select></label>`;
}

export function renderSearch(ctx: PageContext, entries: readonly SearchEntry[]): string {
  const statuses = [...new Set(entries.map((e) => e.status).filter((s): s is string => !!s))].sort();
  const countries = [...new Set(entries.flatMap((e) => e.countries))].sort((a, b) => ctx.model.countryName(a).localeCompare(ctx.model.countryName(b), "en"));
  const years = [...new Set(entries.flatMap((e) => e.years))].sort((a, b) => b - a);
  const body = html`<h1>All records</h1>
<form class="search" id="search-form" role="search" aria-label="Records" action="search.html" method="get">
<label class="q">Search names, aliases and titles <input type="search" name="q" id="search-q" autocomplete="off"></label>
<fieldset><legend>Filters</legend>
${select("type", "Type", GROUPS.map(([t]) => t), (t) => label(t))}
${select("status", "Status", statuses, label)}
${select("country", "Country", countries, (c) => `${ctx.model.countryName(c)} (${c})`)}
${select("year", "Year", years)}
</fieldset>
<button type="submit">Search</button>
</form>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="results" hidden></ol>
<div id="all-records">
<p>Every record in this release, by type. ${entries.length} entries.</p>
<nav aria-label="Record types"><ul class="inline">${GROUPS.map(([type, title]) => html`<li><a href="#${type}s">${title}</a></li>`)}</ul></nav>
${GROUPS.map(([type, title]) => {
  const list = entries.filter((e) => e.type === type).sort((a, b) => a.name.localeCompare(b.name, "en"));
  return html`<section aria-labelledby="${type}s"><h2 id="${type}s">${title} (${list.length})</h2><ul class="index">${list.map(
    (e) => html`<li id="${anchorId(type, e.id)}"><a href="${e.url}">${e.name}</a>${e.aliases.length && (type === "actor" || type === "forum") ? html` <span class="aka">(${e.aliases.join(", ")})</span>` : ""}${e.status ? html` <span class="meta">${label(e.status)}</span>` : ""}${e.years.length ? html` <span class="meta">${e.years.length > 1 ? `${e.years[0]}–${e.years.at(-1)}` : e.years[0]}</span>` : ""}</li>`,
  )}</ul></section>`;
})}
</div>`;
  return page(ctx, { title: "All records", description: "Search the Sidelines records by name, alias or title, and filter by type, status, country and year.", body, scripts: ["search-index.js", "assets/search.js"] });
}
