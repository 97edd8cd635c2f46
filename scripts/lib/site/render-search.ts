/**
 * The search page and the A–Z list. With JavaScript (assets/search.js) the form searches the sharded
 * index as one types, loading only the shards the words need. Without it, the page says so and links the
 * A–Z list: every record by the first letter of its name, in pages of at most A_TO_Z_PAGE entries, so
 * that no page grows with the dataset beyond that.
 */
import { html, type Html } from "./escape.ts";
import { href, page, type PageContext } from "./layout.ts";
import { label, type PageType } from "./model.ts";
import type { SearchEntry } from "./search-index.ts";
import { searchTerms } from "./search-terms.ts";

const TYPES: readonly [PageType, string][] = [
  ["actor", "actor"],
  ["meeting", "meeting"],
  ["sanction", "sanction"],
  ["incident", "incident"],
  ["forum", "forum"],
  ["edition", "forum edition"],
];

/** Entries per page of the A–Z list. */
export const A_TO_Z_PAGE = 1000;

function select(name: string, text: string, values: readonly (string | number)[], show: (v: string) => string = (v) => v): Html {
  return html`<label>${text} <select name="${name}" id="filter-${name}"><option value="">any</option>${values.map((v) => html`<option value="${String(v)}">${show(String(v))}</option>`)}</select></label>`;
}

/** The A–Z letter of a name: a–z, "0-9", or "other" (names in other scripts). */
export function letterOf(name: string): string {
  const c = searchTerms.normalise(name).charAt(0);
  return /[a-z]/.test(c) ? c : /[0-9]/.test(c) ? "0-9" : "other";
}

const LETTERS = [..."abcdefghijklmnopqrstuvwxyz", "0-9", "other"];
const letterText = (l: string): string => (l.length === 1 ? l.toUpperCase() : l === "0-9" ? "0–9" : "Other scripts");
const pagePath = (letter: string, n: number): string => `a-z/${letter}${n > 1 ? `-${n}` : ""}.html`;

/** The entries by A–Z letter, each sorted by name. */
function byLetter(entries: readonly SearchEntry[]): Map<string, SearchEntry[]> {
  const collator = new Intl.Collator("en");
  const groups = new Map<string, SearchEntry[]>();
  for (const e of entries) {
    const l = letterOf(e.name);
    let list = groups.get(l);
    if (!list) groups.set(l, (list = []));
    list.push(e);
  }
  for (const list of groups.values()) list.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  return new Map(LETTERS.filter((l) => groups.has(l)).map((l) => [l, groups.get(l)!]));
}

function letterNav(ctx: PageContext, groups: ReadonlyMap<string, SearchEntry[]>, current?: string): Html {
  return html`<nav aria-label="A to Z"><ul class="inline">${[...groups].map(([l, list]) => html`<li><a href="${href(ctx, pagePath(l, 1))}"${l === current ? html` aria-current="true"` : ""}>${letterText(l)}</a> <span class="meta">(${list.length})</span></li>`)}</ul></nav>`;
}

function item(ctx: PageContext, e: SearchEntry): Html {
  const type = TYPES.find(([t]) => t === e.type)?.[1] ?? e.type;
  return html`<li><a href="${href(ctx, e.url)}">${e.name}</a> <span class="meta">${type}</span>${e.aliases.length && (e.type === "actor" || e.type === "forum") ? html` <span class="aka">(${e.aliases.join(", ")})</span>` : ""}${e.status ? html` <span class="meta">${label(e.status)}</span>` : ""}${e.years.length ? html` <span class="meta">${e.years.length > 1 ? `${e.years[0]}–${e.years.at(-1)}` : e.years[0]}</span>` : ""}</li>`;
}

/** The pages of the A–Z list, by path. */
export function renderAtoZ(at: (path: string) => PageContext, entries: readonly SearchEntry[]): Map<string, string> {
  const groups = byLetter(entries);
  const pages = new Map<string, string>();
  for (const [letter, list] of groups) {
    const count = Math.ceil(list.length / A_TO_Z_PAGE);
    for (let n = 1; n <= count; n++) {
      const p = pagePath(letter, n);
      const ctx = at(p);
      const title = `Records A–Z: ${letterText(letter)}${count > 1 ? `, page ${n} of ${count}` : ""}`;
      const pager = count > 1 ? html`<nav aria-label="Pages of ${letterText(letter)}"><ul class="inline">${Array.from({ length: count }, (_, i) => html`<li><a href="${href(ctx, pagePath(letter, i + 1))}"${i + 1 === n ? html` aria-current="page"` : ""}>${i + 1}</a></li>`)}</ul></nav>` : "";
      const body = html`<h1>${title}</h1>
${letterNav(ctx, groups, letter)}
${pager}
<ul class="index">${list.slice((n - 1) * A_TO_Z_PAGE, n * A_TO_Z_PAGE).map((e) => item(ctx, e))}</ul>
${pager}`;
      pages.set(p, page(ctx, { title, description: `Every Sidelines record whose name starts with ${letterText(letter)}.`, body }));
    }
  }
  return pages;
}

export function renderSearch(ctx: PageContext, entries: readonly SearchEntry[]): string {
  const statuses = [...new Set(entries.map((e) => e.status).filter((s): s is string => !!s))].sort();
  const countries = [...new Set(entries.flatMap((e) => e.countries))].sort((a, b) => ctx.model.countryName(a).localeCompare(ctx.model.countryName(b), "en"));
  const years = [...new Set(entries.flatMap((e) => e.years))].sort((a, b) => b - a);
  const body = html`<h1>Search records</h1>
<form class="search" id="search-form" role="search" aria-label="Records" action="search.html" method="get">
<label class="q">Search names (in any script), aliases and titles <input type="search" name="q" id="search-q" autocomplete="off"></label>
<fieldset><legend>Filters</legend>
${select("type", "Type", TYPES.map(([t]) => t), (t) => TYPES.find(([x]) => x === t)![1])}
${select("status", "Status", statuses, label)}
${select("country", "Country", countries, (c) => `${ctx.model.countryName(c)} (${c})`)}
${select("year", "Year", years)}
</fieldset>
<button type="submit">Search</button>
</form>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="results" hidden></ol>
<p id="search-more" hidden><button type="button" id="search-more-button">Show more results</button></p>
<div id="all-records">
<noscript><p>Searching needs JavaScript, which is off in this browser. Every record is listed A–Z below, by the first letter of its name.</p></noscript>
<h2 id="a-z">All ${entries.length} records, A–Z</h2>
${letterNav(ctx, byLetter(entries))}
</div>`;
  return page(ctx, { title: "Search records", description: "Search the Sidelines records by name in any script, alias or title, and filter by type, status, country and year.", body, scripts: ["assets/minisearch.js", "assets/search-terms.js", "search/meta.js", "assets/search.js"] });
}
