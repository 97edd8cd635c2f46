/** The pages of a forum and of each of its editions (with the meetings held on its sidelines). */
import type { Delegation, ForumEdition, PublishedForum } from "../types.generated.ts";
import { html, join, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { dayOf, label, type EditionEntry } from "./model.ts";
import { cite, date, evidence, fact, facts, maybe, paragraphs, place, ref, refs, type Documented, citeRecord, scrollTable } from "./render-common.ts";
import { statusBadge } from "./status.ts";

/** A delegation in a few words: the state, the level, and who led it. */
function delegationBrief(ctx: PageContext, d: Delegation): Html {
  return html`${ref(ctx, d.state)}: ${label(d.level)}${d.head ? html` (${ref(ctx, d.head)})` : ""}`;
}

/** Who led each state's delegation to an edition, with the source that says so. */
function delegations(ctx: PageContext, e: ForumEdition, doc: Documented, prefix: string): Html {
  const list = e.delegations ?? [];
  if (list.length === 0) return html``;
  return html`<section aria-labelledby="delegations-h"><h2 id="delegations-h">Delegations</h2>
${scrollTable("Delegations", html`<table><thead><tr><th scope="col">State</th><th scope="col">Led by</th><th scope="col">Level</th><th scope="col">Note</th></tr></thead><tbody>
${list.map(
  (d, i) => html`<tr><th scope="row">${ref(ctx, d.state)}</th><td>${d.head ? fact(doc, `${prefix}delegations/${i}/head`, ref(ctx, d.head)) : "—"}${d.head_title ? html`, ${d.head_title}` : ""}</td><td>${fact(doc, `${prefix}delegations/${i}/level`, label(d.level))} ${cite(doc, d.source)}</td><td>${d.note ?? ""}</td></tr>`,
)}</tbody></table>`)}</section>`;
}

export function renderForum(ctx: PageContext, f: PublishedForum): string {
  const body = html`<article class="record forum">
<p class="type">forum</p>
<h1>${f.name}</h1>
${f.native_names.length ? html`<p class="native">${join(f.native_names.map((n) => html`<span lang="${n.lang}">${n.name}</span>`), " · ")}</p>` : ""}
${paragraphs(f.summary)}
${facts([
  ["Also known as", f.aliases.length ? fact(f, "aliases", join(f.aliases)) : undefined],
  ["Organised by", fact(f, "organisers", refs(ctx, f.organisers))],
  ["Track", maybe(f, "track", f.track !== undefined && String(f.track))],
  ["First held", maybe(f, "first_held", f.first_held && date(f.first_held))],
  ["Frequency", maybe(f, "frequency", f.frequency)],
  ["Usual venue", maybe(f, "venue", f.venue && place(ctx, f.venue))],
])}
${f.editions.length ? html`<section aria-labelledby="editions-h"><h2 id="editions-h">Editions</h2>
${scrollTable("Editions", html`<table><thead><tr><th scope="col">Edition</th><th scope="col">Dates</th><th scope="col">Status</th><th scope="col">Delegations led by</th><th scope="col">Meetings on its sidelines</th></tr></thead><tbody>
${f.editions.map((e, i) => {
  const count = ctx.model.meetingsAt.get(e.id)?.length ?? 0;
  return html`<tr><th scope="row">${ref(ctx, e.id)}</th><td>${e.start ? fact(f, `editions/${i}/start`, date(e.start)) : "—"}${e.end ? html` to ${fact(f, `editions/${i}/end`, date(e.end))}` : ""}</td><td>${label(e.status)}</td><td>${e.delegations?.length ? join(e.delegations.map((d) => delegationBrief(ctx, d)), "; ") : "—"}</td><td>${count || "—"}</td></tr>`;
})}</tbody></table>`)}</section>` : ""}
${evidence(f, ctx.model.sourcing(f.id))}
${citeRecord(ctx, f.id, f.name)}
</article>`;
  return page(ctx, { title: f.name, description: `${f.name}: forum in the Sidelines dataset`, body });
}

export function renderEdition(ctx: PageContext, entry: EditionEntry): string {
  const { edition: e, forum: f, index } = entry;
  const prefix = `editions/${index}/`;
  const claims = f.claims.filter((c) => c.field.startsWith(prefix));
  const own = e.sources ?? [];
  // The edition's claims and delegations may cite the forum's sources by key: show those sources here too.
  const citedKeys = new Set([...claims.map((c) => c.source), ...(e.delegations ?? []).flatMap((d) => (d.source ? [d.source] : []))]);
  const cited = f.sources.filter((s) => s.key && citedKeys.has(s.key) && !own.some((o) => o.key === s.key));
  const doc = { ...f, sources: [...own, ...cited], claims, notes: f.notes.filter((n) => n.field?.startsWith(prefix)), unverified: f.unverified.filter((u) => u.startsWith(prefix)), identifiers: [] };
  const meetings = [...(ctx.model.meetingsAt.get(e.id) ?? [])].sort((a, b) => (dayOf(ctx.model.meetingDate(a)) ?? Infinity) - (dayOf(ctx.model.meetingDate(b)) ?? Infinity));
  const body = html`<article class="record edition">
<p class="type">forum edition of ${ref(ctx, f.id)}</p>
<h1>${ctx.model.name(e.id)}</h1>
${facts([
  ["Forum", ref(ctx, f.id)],
  ["Number", e.number !== undefined ? fact(doc, `${prefix}number`, String(e.number)) : undefined],
  ["Status", fact(doc, `${prefix}status`, label(e.status))],
  ["Dates", e.start ? html`${fact(doc, `${prefix}start`, date(e.start))}${e.end ? html` to ${fact(doc, `${prefix}end`, date(e.end))}` : ""}` : undefined],
  ["Venue", e.venue ? fact(doc, `${prefix}venue`, place(ctx, e.venue)) : f.venue ? html`${place(ctx, f.venue)} (the forum's usual venue)` : undefined],
])}
${e.note ? html`<p class="note">${e.note}</p>` : ""}
${delegations(ctx, e, doc, prefix)}
<section aria-labelledby="sidelines-h"><h2 id="sidelines-h">Meetings on its sidelines</h2>
${meetings.length ? html`<ul>${meetings.map((m) => html`<li>${ref(ctx, m.id)} — ${statusBadge(m)}</li>`)}</ul>` : html`<p>None recorded.</p>`}</section>
${evidence(doc)}
${citeRecord(ctx, e.id, ctx.model.name(e.id))}
${own.length ? "" : html`<p>This edition has no sources of its own; see also the sources of ${ref(ctx, f.id)}.</p>`}
</article>`;
  return page(ctx, { title: ctx.model.name(e.id), description: `${ctx.model.name(e.id)}: edition of ${f.name}`, body });
}
