/** The page of one actor: names (with native script), positions over time, meetings, sanctions. */
import type { PublishedActor, PublishedSanction } from "../types.generated.ts";
import { html, join, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { dayOf, label } from "./model.ts";
import { country, date, evidence, fact, facts, maybe, meetingWhen, paragraphs, ref, refs, citeRecord, scrollTable } from "./render-common.ts";
import { statusBadge } from "./status.ts";

function positions(ctx: PageContext, a: PublishedActor): Html {
  if (a.positions.length === 0) return html``;
  const f = (i: number, key: string, value: Html | string | undefined): Html => (value ? fact(a, `positions/${i}/${key}`, value) : html``);
  return html`<section aria-labelledby="positions-h"><h2 id="positions-h">Positions over time</h2>
${scrollTable("Positions over time", html`<table><thead><tr><th scope="col">Post</th><th scope="col">In</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Details</th></tr></thead><tbody>
${a.positions.map(
  (p, i) => html`<tr><th scope="row">${f(i, "title", p.title)}</th><td>${f(i, "organisation", ref(ctx, p.organisation))}${p.on_behalf_of ? html`, for ${f(i, "on_behalf_of", ref(ctx, p.on_behalf_of))}` : ""}</td><td>${f(i, "start", date(p.start))}</td><td>${p.end ? f(i, "end", date(p.end)) : p.held_as_of ? html`in post <span class="meta">(as of ${f(i, "held_as_of", date(p.held_as_of))})</span>` : html`<span class="meta">end not known</span>`}${p.end_reason ? html` (${label(p.end_reason)})` : ""}</td><td>${p.appointed_by ? html`Appointed by ${ref(ctx, p.appointed_by)}. ` : ""}${p.note ?? ""}</td></tr>`,
)}</tbody></table>`)}</section>`;
}

function meetings(ctx: PageContext, a: PublishedActor): Html {
  if (a.meeting_ids.length === 0) return html``;
  const { model } = ctx;
  const rows = a.meeting_ids
    .map((id) => model.meetings.get(id))
    .filter((m) => m !== undefined)
    .map((m) => ({ m, when: model.meetingDate(m) }))
    .sort((x, y) => (dayOf(x.when) ?? Infinity) - (dayOf(y.when) ?? Infinity) || x.m.id.localeCompare(y.m.id, "en"));
  return html`<section aria-labelledby="meetings-h"><h2 id="meetings-h">Meetings</h2>
${scrollTable("Meetings", html`<table><thead><tr><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Status</th><th scope="col">Part</th></tr></thead><tbody>
${rows.map(({ m, when }) => {
  const own = m.participants.find((p) => p.actor === a.id);
  const part = own ? label(own.role) : `represented by ${m.participants.filter((p) => p.on_behalf_of === a.id).map((p) => model.name(p.actor)).join(", ")}`;
  return html`<tr><td>${meetingWhen(ctx, m)}</td><td>${ref(ctx, m.id)}${m.participant_sanctioned ? html` <span class="flag sanctioned">participant under sanction</span>` : ""}</td><td>${statusBadge(m)}</td><td>${part}</td></tr>`;
})}</tbody></table>`)}</section>`;
}

function sanctionTable(ctx: PageContext, a: PublishedActor, list: PublishedSanction[], id: string, title: string, received: boolean): Html {
  if (list.length === 0) return html``;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>
${scrollTable(title, html`<table><thead><tr><th scope="col">Sanction</th><th scope="col">${received ? "Imposed by" : "Targets"}</th><th scope="col">Announced</th><th scope="col">Status</th></tr></thead><tbody>
${list.map((s) => {
  const target = s.targets.find((t) => t.actor === a.id);
  const who = received ? html`${ref(ctx, s.on_behalf_of)} (${ref(ctx, s.imposed_by)})${target?.role ? html`; as ${label(target.role)}` : ""}` : refs(ctx, s.targets.map((t) => t.actor));
  return html`<tr><td>${ref(ctx, s.id)}</td><td>${who}</td><td>${date(s.announced)}</td><td>${label(s.status)}${s.ended ? html`, ended ${date(s.ended)}` : ""}</td></tr>`;
})}</tbody></table>`)}</section>`;
}

export function renderActor(ctx: PageContext, a: PublishedActor): string {
  const { model } = ctx;
  const received = model.sanctionsReceived(a.id);
  const imposed = model.sanctionsImposed(a.id);
  const parts = model.partsOf.get(a.id) ?? [];
  const body = html`<article class="record actor">
<p class="type">${label(a.kind)}</p>
<h1>${a.name}</h1>
${a.native_names.length ? html`<p class="native">${join(a.native_names.map((n) => html`<span lang="${n.lang}">${n.name}</span>`), " · ")}</p>` : ""}
${paragraphs(a.summary)}
${facts([
  ["Also known as", a.aliases.length ? fact(a, "aliases", join(a.aliases)) : undefined],
  ["Names in other scripts", a.native_names.length ? join(a.native_names.map((n) => html`<span lang="${n.lang}">${n.name}</span> <span class="code">(${n.lang})</span>`)) : undefined],
  ["Country", maybe(a, "country", a.country && country(ctx, a.country))],
  ["Citizenship", a.citizenship.length ? fact(a, "citizenship", join(a.citizenship.map((c) => country(ctx, c)))) : undefined],
  ["Born", a.born || a.birth_place ? html`${a.born ? fact(a, "born", date(a.born)) : ""}${a.born && a.birth_place ? ", " : ""}${a.birth_place ? fact(a, "birth_place", a.birth_place) : ""}` : undefined],
  ["Part of", maybe(a, "parent", a.parent && ref(ctx, a.parent))],
  ["Founded", maybe(a, "founded", a.founded && date(a.founded))],
  ["Dissolved", maybe(a, "dissolved", a.dissolved && date(a.dissolved))],
  ["Predecessors", a.predecessors.length ? refs(ctx, a.predecessors) : undefined],
  ["Successors", a.successors.length ? refs(ctx, a.successors) : undefined],
  ["Has as parts", parts.length ? refs(ctx, parts.map((p) => p.id)) : undefined],
])}
${positions(ctx, a)}
${meetings(ctx, a)}
${sanctionTable(ctx, a, received, "received-h", "Sanctions received", true)}
${sanctionTable(ctx, a, imposed, "imposed-h", "Sanctions imposed or carried out", false)}
${evidence(a, ctx.model.sourcing(a.id))}
${citeRecord(ctx, a.id, a.name)}
</article>`;
  return page(ctx, { title: a.name, description: `${a.name}: ${label(a.kind)} in the Sidelines dataset`, body });
}
