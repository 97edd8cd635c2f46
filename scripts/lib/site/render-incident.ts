/** The page of one incident: what happened, who was involved, and the meetings refused, cancelled or postponed because of it. */
import type { PublishedIncident } from "../types.generated.ts";
import { html, type Html } from "./escape.ts";
import { href, page, type PageContext } from "./layout.ts";
import { dayOf, label } from "./model.ts";
import { cite, date, evidence, fact, facts, maybe, meetingWhen, paragraphs, place, ref, citeRecord, scrollTable } from "./render-common.ts";
import { statusBadge } from "./status.ts";

function involved(ctx: PageContext, i: PublishedIncident): Html {
  return html`<section aria-labelledby="actors-h"><h2 id="actors-h">Who was involved</h2>
${scrollTable("Who was involved", html`<table><thead><tr><th scope="col">Actor</th><th scope="col">Role</th></tr></thead><tbody>
${i.actors.map((a, k) => html`<tr><th scope="row">${fact(i, `actors/${k}/actor`, ref(ctx, a.actor))}</th><td>${label(a.role)}</td></tr>`)}</tbody></table>`)}</section>`;
}

/** The meetings whose status changes cite the incident (its derived `meeting_ids`), each with the steps that cite it. */
function consequences(ctx: PageContext, i: PublishedIncident): Html {
  const meetings = i.meeting_ids.flatMap((id) => ctx.model.meetings.get(id) ?? []).sort((a, b) => (dayOf(ctx.model.meetingDate(a)) ?? Infinity) - (dayOf(ctx.model.meetingDate(b)) ?? Infinity) || a.id.localeCompare(b.id, "en"));
  return html`<section aria-labelledby="consequences-h"><h2 id="consequences-h">Meetings refused, cancelled or postponed because of it</h2>
${meetings.length
  ? html`<ul class="consequences">${meetings.map((m) => {
      const steps = m.status_history.filter((s) => (s.incidents ?? []).includes(i.id));
      return html`<li>${ref(ctx, m.id)} — ${statusBadge(m)}, ${meetingWhen(ctx, m)}${steps.map(
        (s) => html`<p class="reason">${date(s.date)}: ${label(s.status)}${s.by ? html` by ${ref(ctx, s.by)}` : ""}${s.reason ? html`. <strong>Reason given:</strong> ${s.reason}` : ""} ${cite(m, s.source, href(ctx, ctx.model.targets.get(m.id)!.path))}</p>`,
      )}</li>`;
    })}</ul>`
  : html`<p>No meeting in the dataset cites it.</p>`}</section>`;
}

export function renderIncident(ctx: PageContext, i: PublishedIncident): string {
  const body = html`<article class="record incident">
<p class="type">incident: ${label(i.kind)}</p>
<h1>${i.title}</h1>
<p class="lede">${date(i.date)}${i.end ? html` to ${date(i.end)}` : ""}${i.location ? html` · ${place(ctx, i.location)}` : ""}</p>
${paragraphs(i.summary)}
${facts([
  ["Kind", fact(i, "kind", label(i.kind))],
  ["Date", fact(i, "date", html`${date(i.date)}${i.end ? html` to ${fact(i, "end", date(i.end))}` : ""}`)],
  ["Where", maybe(i, "location", i.location && place(ctx, i.location))],
])}
${involved(ctx, i)}
${consequences(ctx, i)}
${evidence(i, ctx.model.sourcing(i.id))}
${citeRecord(ctx, i.id, i.title)}
</article>`;
  return page(ctx, { title: i.title, description: `${i.title} (${label(i.kind)}, ${i.date})`, body });
}
