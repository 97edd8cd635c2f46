/**
 * The home page: what the dataset is, the release, counts per type, the refusals at a glance, and
 * the release files for download with their checksums. Kept light: no timeline picture, no index.
 */
import type { RecordCounts } from "../types.generated.ts";
import { qualitySentence } from "../quality/measure.ts";
import { html, type Html } from "./escape.ts";
import { href, page, type PageContext } from "./layout.ts";
import { dayOf } from "./model.ts";
import { archiveNames } from "../release/archive.ts";
import { date, meetingWhen, ref, scrollTable } from "./render-common.ts";
import { STATUS_STYLES, statusBadge, statusStyle, styleBadge } from "./status.ts";

const TYPES: readonly [keyof RecordCounts, string, string][] = [
  ["actor", "actors", "people, states, government and military bodies, organisations"],
  ["meeting", "meetings", "held, proposed, declined, postponed or cancelled"],
  ["sanction", "sanctions", "who imposed what on whom, under which law"],
  ["incident", "incidents", "arms sales, visits, exercises and other acts cited as causes of refusals"],
  ["forum", "forums", "recurring conferences and dialogues, with their editions"],
  ["tombstone", "tombstones", "ids that were renamed, split or removed"],
];

/** Release files shown for download: the data and its description, not the compiled package. */
const downloadable = (rel: string): boolean => !rel.startsWith("lib/");

const size = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Meetings that did not happen listed on the home page, the latest ones: the page stays light however large the dataset. */
export const HOME_REFUSED = 50;

export function renderHome(ctx: PageContext, sums: ReadonlyMap<string, string>, sizes: ReadonlyMap<string, number>): string {
  const { model } = ctx;
  const meta = model.dataset.metadata;
  const meetings = model.dataset.meetings;
  const refused = meetings
    .filter((m) => m.status !== "held" && m.status !== "accepted")
    .sort((a, b) => (dayOf(model.meetingDate(a)) ?? Infinity) - (dayOf(model.meetingDate(b)) ?? Infinity) || a.id.localeCompare(b.id, "en"));
  const sanctioned = meetings.filter((m) => m.participant_sanctioned === true).length;
  const byStyle = STATUS_STYLES.map((s) => ({ style: s, count: meetings.filter((m) => statusStyle(m).key === s.key).length })).filter((x) => x.count > 0);
  const files = [...sums.keys()].filter(downloadable);
  const body = html`<section class="hero" aria-labelledby="home-h">
<h1 id="home-h">Sidelines</h1>
<p class="lede">An open dataset of defence diplomacy: who met, who refused to meet, and which sanctions stood in between. Every record cites its sources; where sources disagree, the record shows each claim.</p>
<p>Release <strong>${meta.version}</strong>, ${model.releaseDate ? html`dated ${date(model.releaseDate)}` : "date unknown"}${meta.source_commit !== "unknown" ? html`, built from commit <code>${meta.source_commit.slice(0, 12)}</code>` : ""}. Data licence <a href="https://creativecommons.org/licenses/by/4.0/">${meta.license}</a> (<code>LICENSE-DATA</code>); code licence ${meta.code_license} (<code>LICENSE</code>).</p>
<p><a class="button" href="${href(ctx, "timeline.html")}">See the timeline</a> <a class="button" href="${href(ctx, "search.html")}">Browse all records</a></p>
</section>
<section aria-labelledby="counts-h"><h2 id="counts-h">What the release holds</h2>
<ul class="counts">${TYPES.map(([type, plural, what]) => {
  const count = html`<strong>${meta.record_counts[type]}</strong> ${plural}`;
  // Withdrawn ids have no search entry; their old pages only redirect readers.
  const designations = type === "sanction" ? model.dataset.sanctions.filter((x) => x.kind === "designation").length : 0;
  const note = designations ? html` (${designations} of them ${designations === 1 ? "is a designation" : "are designations"}: a listing that imposes no measures)` : "";
  return html`<li>${type === "tombstone" ? html`<span class="count">${count}</span>` : html`<a href="${href(ctx, `search.html?type=${type}`)}">${count}</a>`}<span>${what}${note}</span></li>`;
})}</ul>
<p>Meetings by status: ${byStyle.map(({ style, count }) => html`<span class="tally">${styleBadge(style)}: ${count}</span> `)}</p>
<p>In <strong>${sanctioned}</strong> of ${meetings.length} meetings a participant was, on the day, under a sanction imposed on behalf of the other side's state.</p>
${model.quality ? html`<p>Sourcing: ${qualitySentence(model.quality.overall)} Per record type in <a href="${href(ctx, "download/quality.json")}">quality.json</a>.</p>` : ""}
</section>
${refused.length ? html`<section aria-labelledby="refused-h"><h2 id="refused-h">Meetings that did not happen</h2>
${refused.length > HOME_REFUSED ? html`<p>The latest ${HOME_REFUSED} of ${refused.length}; every one is on the <a href="${href(ctx, "timeline.html")}">timeline</a>, and in the <a href="${href(ctx, "search.html")}">search</a> and its A–Z list.</p>` : ""}
${scrollTable("Meetings that did not happen", html`<table><thead><tr><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Status</th><th scope="col">Sanction cited</th></tr></thead><tbody>
${refused.slice(-HOME_REFUSED).map((m) => {
  const cited = [...new Set(m.status_history.map((s) => s.sanction).filter((s): s is string => !!s))];
  return html`<tr><td>${meetingWhen(ctx, m)}</td><td>${ref(ctx, m.id)}</td><td>${statusBadge(m)}</td><td>${cited.length ? cited.map((id) => ref(ctx, id)) : "—"}</td></tr>`;
})}</tbody></table>`)}</section>` : ""}
<section aria-labelledby="cite-h" id="cite"><h2 id="cite-h">Cite this release</h2>
<p>${meta.citation.apa}</p>
<pre><code>${meta.citation.bibtex}</code></pre>
<p>The same in <a href="${href(ctx, "download/CITATION.cff")}">CITATION.cff</a> (Citation File Format), and in <code>dataset.json</code> under <code>metadata.citation</code>.</p></section>
<section aria-labelledby="downloads-h" id="downloads"><h2 id="downloads-h">Download the release</h2>
${archives(ctx)}
<p>The release files, byte for byte. Check them with <code>sha256sum -c SHA256SUMS</code> in the downloaded folder. The compiled JavaScript package (<code>lib/</code>) is in the folder too; install it with <code>npm install sidelines</code>.</p>
${scrollTable("Release files", html`<table class="downloads"><thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead><tbody>
${files.map((rel) => html`<tr><td><a href="${href(ctx, `download/${rel}`)}">${rel}</a></td><td>${sizes.has(rel) ? size(sizes.get(rel)!) : ""}</td><td><code class="hash">${sums.get(rel)}</code></td></tr>`)}
<tr><td><a href="${href(ctx, "download/SHA256SUMS")}">SHA256SUMS</a></td><td>${sizes.has("SHA256SUMS") ? size(sizes.get("SHA256SUMS")!) : ""}</td><td>the checksums above</td></tr>
</tbody></table>`)}</section>`;
  return page(ctx, { title: "Defence diplomacy, meetings and sanctions", description: "Sidelines: an open dataset of defence diplomacy — who met, who refused, and which sanctions stood in between.", body });
}

/**
 * The release in one file: the archives the release workflow attaches to the GitHub release of tag
 * `v<version>` (the release without the site), with their own SHA256SUMS beside them.
 */
function archives(ctx: PageContext): Html {
  const version = ctx.model.dataset.metadata.version;
  const { top, tar, zip } = archiveNames(version);
  const base = ctx.repoUrl ? `${ctx.repoUrl}/releases/download/v${encodeURIComponent(version)}/` : undefined;
  const file = (name: string): Html => (base ? html`<a href="${base}${name}"><code>${name}</code></a>` : html`<code>${name}</code>`);
  return html`<h3>The whole release in one file</h3>
<p>${file(tar)} or ${file(zip)} hold every file below in one folder, <code>${top}/</code>${base ? "" : html`, attached to the repository's release <code>v${version}</code>`}. Check the archive before unpacking it: download ${file("SHA256SUMS")} of the archives beside it and run <code>sha256sum -c --ignore-missing SHA256SUMS</code>; then, inside the unpacked folder, <code>sha256sum -c SHA256SUMS</code> checks each file.</p>
<h3>File by file</h3>
`;
}
