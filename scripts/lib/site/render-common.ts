/**
 * Pieces every record page uses: links between records, dates, places, and the evidence sections
 * (sources with quotes, disputed facts with every claim, notes, unverified fields). A fact on a page
 * links to the claims about it and is flagged when unverified, so no fact stands without its sources.
 */
import type { Claim, ExternalIdentifier, Note, Place, PublishedMeeting, Source } from "../types.generated.ts";
import type { Sourcing } from "../quality/measure.ts";
import { anchorId, externalLink, Html, html, join, type Interpolation } from "./escape.ts";
import { href, type PageContext } from "./layout.ts";
import { label } from "./model.ts";
import { recordCitation } from "./record-citation.ts";
import { correctionUrl, CORRECTION_FORM, editUrl, recordFile, recordJsonPath } from "./record-links.ts";

export interface Documented {
  sources: Source[];
  claims: Claim[];
  notes: Note[];
  unverified: string[];
}

/** A link to the page of the record (or edition) `id`, named by it; plain text when it has no page. */
export function ref(ctx: PageContext, id: string | undefined): Html {
  if (!id) return html``;
  const target = ctx.model.targets.get(id);
  return target ? html`<a href="${href(ctx, target.path)}">${target.name}</a>` : html`<span class="unknown-ref">${id}</span>`;
}

export function refs(ctx: PageContext, ids: readonly string[]): Html {
  return join(ids.map((id) => ref(ctx, id)));
}

/** A partial date in a `<time>` element, machine-readable at the precision it has. */
export function date(text: string | undefined): Html {
  if (!text) return html``;
  const iso = /\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(text)?.[0];
  return iso ? html`<time datetime="${iso}">${text}</time>` : html`${text}`;
}

/** Where a meeting is placed in time, saying so when the date is inferred rather than given. */
export function meetingWhen(ctx: PageContext, m: PublishedMeeting): Html {
  const when = ctx.model.meetingDate(m);
  if (!when) return html`undated`;
  const basis = ctx.model.meetingDateBasis(m);
  return basis ? html`${date(when)} <span class="meta" title="The meeting has no date of its own">(${basis})</span>` : date(when);
}

/** A place as "venue, city, country", each named once: a city-state's country is not repeated after its city. */
export function place(ctx: PageContext, p: Place | undefined): Html {
  if (!p) return html``;
  const parts: string[] = [];
  for (const part of [p.venue, p.city, p.country ? ctx.model.countryName(p.country) : undefined]) {
    if (part && !parts.some((x) => x.localeCompare(part, "en", { sensitivity: "base" }) === 0)) parts.push(part);
  }
  return join(parts);
}

export function country(ctx: PageContext, code: string | undefined): Html {
  return code ? html`${ctx.model.countryName(code)} <span class="code">(${code})</span>` : html``;
}

/** Paragraphs of a long text (blank lines separate them). */
export function paragraphs(text: string | undefined): Html {
  if (!text) return html``;
  return html`${text.split(/\n\s*\n/).map((p) => html`<p>${p.trim()}</p>`)}`;
}

const isEmpty = (v: Interpolation): boolean => v === undefined || v === null || v === "" || (v instanceof Html && v.value === "") || (Array.isArray(v) && v.length === 0);

/** A definition list of the rows that have a value. */
export function facts(rows: readonly [string, Interpolation][]): Html {
  const shown = rows.filter(([, v]) => !isEmpty(v));
  return shown.length ? html`<dl class="facts">${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html``;
}

export const sourceAnchor = (key: string | undefined, index: number): string => (key ? anchorId("source", key) : `source-${index + 1}`);

/**
 * A citation of one of the record's sources by key, linking to it in the Sources section of the
 * record's page: this page, or `page` (a link to the record's page) when cited from another.
 */
export function cite(rec: Documented, key: string | undefined, page = ""): Html {
  if (!key) return html``;
  const i = rec.sources.findIndex((s) => s.key === key);
  if (i < 0) return html`<span class="cite">[${key}]</span>`;
  return html`<a class="cite" href="${page}#${sourceAnchor(key, i)}">[${rec.sources[i]!.publisher}]</a>`;
}

/** Markers after a fact: disputed (linking to every claim) and unverified. */
export function flags(rec: Documented, path: string): Html {
  const disputed = rec.claims.some((c) => c.field === path);
  const unverified = rec.unverified.includes(path);
  return html`${disputed ? html` <a class="flag disputed" href="#${anchorId("disputed", path)}">disputed: see claims</a>` : ""}${unverified ? html` <span class="flag unverified" title="Not verified against a cited source">unverified</span>` : ""}`;
}

/** A value followed by its flags. */
export function fact(rec: Documented, path: string, value: Interpolation): Html {
  return html`${value}${flags(rec, path)}`;
}

/**
 * A fact that may be absent: its value with flags; when absent but disputed, says so and links to
 * the claims (a field can be left empty because the sources disagree); else nothing.
 */
export function maybe(rec: Documented, path: string, value: Interpolation): Html | undefined {
  if (value !== undefined && value !== null && value !== "" && value !== false) return fact(rec, path, value);
  return rec.claims.some((c) => c.field === path) ? html`not settled${flags(rec, path)}` : undefined;
}

function valueAt(rec: object, path: string): unknown {
  let v: unknown = rec;
  for (const key of path.split("/")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const show = (v: unknown): string => (v === undefined ? "(not given)" : typeof v === "string" ? v : JSON.stringify(v));

function claimsSection(rec: Documented): Html {
  if (rec.claims.length === 0) return html``;
  const fields = [...new Set(rec.claims.map((c) => c.field))];
  return html`<section aria-labelledby="disputed-h"><h2 id="disputed-h">Disputed facts</h2>
<p>Where sources disagree, the record keeps the value the editors judge best supported and lists what each source says.</p>
${fields.map(
  (field) => html`<div class="claims" id="${anchorId("disputed", field)}"><h3><code>${field}</code></h3>
<p>The record gives: <strong>${show(valueAt(rec, field))}</strong></p>
<ul>${rec.claims.filter((c) => c.field === field).map((c) => html`<li>${cite(rec, c.source)} says <strong>${show(c.value)}</strong>${c.note ? html`: ${c.note}` : ""}</li>`)}</ul></div>`,
)}</section>`;
}

function sourceItem(s: Source, i: number): Html {
  const heading = s.title ? html`“${s.title}”, ${s.publisher}` : html`${s.publisher}`;
  const lang = s.language ? html` lang="${s.language}"` : "";
  return html`<li id="${sourceAnchor(s.key, i)}"${lang}>${externalLink(s.url, heading)}${s.published ? html`, ${date(s.published)}` : ""}${s.basis === "secondary" ? html` <span class="flag">secondary</span>` : ""}${s.attribution ? html`<br><span class="attribution">Attributed to: ${s.attribution}</span>` : ""}${s.quote ? html`<blockquote>${s.quote}</blockquote>` : ""}${s.key ? html` <span class="key">(${s.key})</span>` : ""}</li>`;
}

export function sourcesList(sources: readonly Source[]): Html {
  return html`<ol class="sources">${sources.map(sourceItem)}</ol>`;
}

function identifierItem(id: ExternalIdentifier): Html {
  // Only schemes with a known public address are linked; the value is encoded into the path.
  const address = id.scheme === "wikidata" ? `https://www.wikidata.org/wiki/${encodeURIComponent(id.value)}` : id.scheme === "opensanctions" ? `https://www.opensanctions.org/entities/${encodeURIComponent(id.value)}/` : undefined;
  return html`<li>${label(id.scheme)}: ${externalLink(address, id.value)}</li>`;
}

const SOURCING_LABELS: Record<Sourcing, [label: string, title: string]> = {
  official: ["official source", "Cites at least one page of a government or intergovernmental body"],
  "secondary-only": ["secondary sources only", "Every source is a copy, syndication or summary; no original was read"],
  "single-source": ["single source", "Rests on one source"],
  "several-sources": ["several sources", "Cites several sources, none of them on an official host"],
};

/** The badge saying how a record is sourced (from the release's quality.json). */
export function sourcingBadge(sourcing: Sourcing): Html {
  const [text, title] = SOURCING_LABELS[sourcing];
  return html`<span class="sourcing sourcing-${sourcing}" title="${title}">${text}</span>`;
}

/** Identifiers, notes, unverified fields, disputed facts and sources: the evidence at the foot of a record page. */
export function evidence(rec: Documented & { identifiers: ExternalIdentifier[] }, sourcing?: Sourcing): Html {
  return html`${rec.identifiers.length ? html`<section aria-labelledby="ids-h"><h2 id="ids-h">Identifiers</h2><ul>${rec.identifiers.map(identifierItem)}</ul></section>` : ""}
${rec.notes.length ? html`<section aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul class="notes">${rec.notes.map((n) => html`<li>${n.field ? html`<code>${n.field}</code>: ` : ""}${n.text}</li>`)}</ul></section>` : ""}
${claimsSection(rec)}
${rec.unverified.length ? html`<section aria-labelledby="unverified-h"><h2 id="unverified-h">Not verified</h2><p>These fields rest on recall or inference and were not read in a cited source: ${join(rec.unverified.map((f) => html`<code>${f}</code>`))}.</p></section>` : ""}
<section aria-labelledby="sources-h"><h2 id="sources-h">Sources${sourcing ? html` ${sourcingBadge(sourcing)}` : ""}</h2>${rec.sources.length ? sourcesList(rec.sources) : html`<p>None given.</p>`}</section>`;
}

/**
 * "Cite this record": the record's citation with its stable URL (the page's address where the site is
 * published, from SIDELINES_SITE_URL when the site was generated, else its path on the site) as APA and
 * BibTeX; then how to correct it (its YAML file in the repository and the correction form) and its JSON.
 */
export function citeRecord(ctx: PageContext, id: string, title: string): Html {
  const address = ctx.siteUrl ? `${ctx.siteUrl}${ctx.path}` : undefined;
  const { apa, bibtex } = recordCitation(ctx.model, id, title, address);
  const where = address ? html`<a href="${address}">${address}</a>` : html`<code>${ctx.path}</code> on the site of this release`;
  const file = recordFile(ctx.model, id);
  const json = recordJsonPath(ctx.path);
  const repo = ctx.repoUrl;
  return html`<section aria-labelledby="cite-record-h" id="cite-record"><h2 id="cite-record-h">Cite this record</h2>
<p class="citation">${address ? apa.slice(0, -address.length) : `${apa} `}${where}</p>
<pre class="bibtex"><code>${bibtex}</code></pre></section>
<section aria-labelledby="correct-h" id="correct-record"><h2 id="correct-h">Correct or download this record</h2><ul>
${file ? html`<li>${repo ? html`<a class="edit" href="${editUrl(repo, file)}">Edit <code>${file}</code> in the repository</a>` : html`The record is <code>${file}</code> in the repository`}</li>
<li>${repo ? html`<a class="correction" href="${correctionUrl(repo, id, file)}">Report a correction</a> (the repository's correction form, with this record filled in)` : html`Report a correction with the repository's issue form <code>${CORRECTION_FORM}</code>, naming <code>${file}</code>`}</li>` : ""}
<li><a class="record-json" href="${href(ctx, json)}" type="application/json">This record as JSON</a> (as published in the release's <code>dataset.json</code>)</li>
</ul></section>`;
}

/**
 * A table in a box of its own that scrolls sideways when the table is wider than a narrow screen, so
 * that the page never does; the box is a region the keyboard can focus and scroll, named after what
 * the table holds (a name of its own: the section around it is a region named by its heading).
 */
export function scrollTable(name: string, table: Html): Html {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-label="${name} (table)">${table}</div>`;
}
