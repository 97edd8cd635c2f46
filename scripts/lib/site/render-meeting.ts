/** The page of one meeting: participants, status history with reasons and sanctions, readouts, sources. */
import type { PublishedMeeting } from "../types.generated.ts";
import { externalLink, html, join, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { label } from "./model.ts";
import { cite, date, evidence, fact, facts, maybe, paragraphs, place, ref, refs, citeRecord, scrollTable } from "./render-common.ts";
import { statusBadge } from "./status.ts";

function history(ctx: PageContext, m: PublishedMeeting): Html {
  if (m.status_history.length === 0) return html``;
  const f = (i: number, key: string, value: Html | string): Html => fact(m, `status_history/${i}/${key}`, value);
  return html`<section aria-labelledby="history-h"><h2 id="history-h">Status history</h2>
<ol class="history">${m.status_history.map(
    (s, i) => html`<li><p class="step">${f(i, "date", date(s.date))}: ${statusBadge({ status: s.status, kind: m.kind })}${s.by ? html` by ${f(i, "by", ref(ctx, s.by))}` : ""}${s.channel ? html` (${label(s.channel)})` : ""} ${cite(m, s.source)}${s.cameo ? html` <span class="code" title="CAMEO event code">CAMEO ${s.cameo}</span>` : ""}</p>
${s.reason ? html`<p class="reason"><strong>Reason given:</strong> ${f(i, "reason", s.reason)}</p>` : ""}
${s.sanction ? html`<p class="reason"><strong>Sanction cited:</strong> ${f(i, "sanction", ref(ctx, s.sanction))}</p>` : ""}
${s.incidents?.length ? html`<p class="reason"><strong>${s.incidents.length === 1 ? "Incident" : "Incidents"} cited:</strong> ${f(i, "incidents", refs(ctx, s.incidents))}</p>` : ""}
${s.attribution ? html`<p>Attributed to: ${s.attribution}</p>` : ""}
${s.note ? html`<p class="note">${s.note}</p>` : ""}</li>`,
  )}</ol></section>`;
}

function participants(ctx: PageContext, m: PublishedMeeting): Html {
  return html`<section aria-labelledby="participants-h"><h2 id="participants-h">Participants</h2>
${scrollTable("Participants", html`<table><thead><tr><th scope="col">Participant</th><th scope="col">Role</th><th scope="col">On behalf of</th><th scope="col">Under sanction</th></tr></thead><tbody>
${m.participants.map((p, i) => {
  const under = m.sanctioned_participants.includes(p.actor);
  return html`<tr><th scope="row">${fact(m, `participants/${i}/actor`, ref(ctx, p.actor))}</th><td>${label(p.role)}</td><td>${p.on_behalf_of ? ref(ctx, p.on_behalf_of) : "—"}</td><td>${under ? join(ctx.model.sanctionsInEffect(p.actor, m).map((s) => html`${ref(ctx, s.id)} (imposed for ${ref(ctx, s.on_behalf_of)})`), "; ") : "no"}</td></tr>`;
})}</tbody></table>`)}
${m.participant_sanctioned === true ? html`<p class="callout">On the meeting's date a participant was under a sanction imposed on behalf of another participant's state, or of an organisation that state belonged to.</p>` : ""}
${m.participant_sanctioned === null ? html`<p>Whether a participant was under sanction cannot be told: the meeting has no date.</p>` : ""}</section>`;
}

function readouts(ctx: PageContext, m: PublishedMeeting): Html {
  if (m.readouts.length === 0) return html``;
  return html`<section aria-labelledby="readouts-h"><h2 id="readouts-h">Readouts</h2><ul class="readouts">${m.readouts.map(
    (r) => html`<li>${externalLink(r.url, html`Readout by ${ctx.model.name(r.by)}`)}${r.date ? html`, ${date(r.date)}` : ""}${r.summary ? html`<p>${r.summary}</p>` : ""}${r.quote ? html`<blockquote>${r.quote}</blockquote>` : ""}</li>`,
  )}</ul></section>`;
}

/**
 * The date in a meeting's header. For a meeting that happened, when it happened; for one that did not,
 * the date of its last status change (when it was declined, cancelled…), with the planned date beside.
 */
export function headerDate(ctx: PageContext, m: PublishedMeeting): Html {
  const planned = ctx.model.meetingDate(m);
  const last = m.status_history.at(-1);
  if (m.status === "held" || !last) return planned ? html` · ${date(planned)}` : html``;
  const plannedDate = m.date ?? (m.sidelines_of ? ctx.model.meetingDate({ ...m, status_history: [] }) : undefined);
  return html` · ${date(last.date)}${plannedDate && plannedDate !== last.date ? html` <span class="meta">(planned for ${date(plannedDate)})</span>` : ""}`;
}

export function renderMeeting(ctx: PageContext, m: PublishedMeeting): string {
  const placed = ctx.model.meetingDate(m);
  const body = html`<article class="record meeting">
<p class="type">${label(m.kind)}</p>
<h1>${m.title}</h1>
<p class="lede">${statusBadge(m)}${headerDate(ctx, m)}${m.location ? html` · ${place(ctx, m.location)}` : ""}</p>
${paragraphs(m.summary)}
${facts([
  ["Status", fact(m, "status", statusBadge(m))],
  ["Date", m.date ? fact(m, "date", html`${date(m.date)}${m.end ? html` to ${date(m.end)}` : ""}`) : placed ? html`not given; placed on the timeline at ${date(placed)}, the ${ctx.model.meetingDateBasis(m)}` : "not known"],
  ["Duration", maybe(m, "duration_minutes", m.duration_minutes !== undefined && `${m.duration_minutes} minutes`)],
  ["Where", maybe(m, "location", m.location && place(ctx, m.location))],
  ["Held remotely", m.virtual ? "yes" : undefined],
  ["On the sidelines of", maybe(m, "sidelines_of", m.sidelines_of && ref(ctx, m.sidelines_of))],
  ["Topics", m.topics.length ? fact(m, "topics", join(m.topics)) : undefined],
  ["CAMEO code", m.cameo ?? undefined],
])}
${participants(ctx, m)}
${history(ctx, m)}
${readouts(ctx, m)}
${evidence(m, ctx.model.sourcing(m.id))}
${citeRecord(ctx, m.id, m.title)}
</article>`;
  return page(ctx, { title: m.title, description: `${m.title} (${m.status})`, body });
}
