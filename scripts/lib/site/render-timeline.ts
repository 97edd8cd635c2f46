/**
 * The timeline page: the picture by pair of states and by actor, a legend, and the same content as
 * text (the picture's alternative) for readers who cannot see it.
 */
import { html, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { date, ref } from "./render-common.ts";
import { STATUS_STYLES, statusBadge, styleBadge } from "./status.ts";
import { layoutTimeline, renderTimelineSvg, type TimelineLayout } from "./timeline.ts";
import { sanctionStart } from "../publish/derive.ts";

function legend(): Html {
  return html`<ul class="legend" aria-label="Legend">${STATUS_STYLES.map((s) => html`<li>${styleBadge(s)}</li>`)}
<li><span class="swatch band-swatch" aria-hidden="true"></span> sanction in effect (on the lanes it concerns)</li>
<li><span class="swatch edition-swatch" aria-hidden="true"></span> forum edition</li></ul>`;
}

function asText(ctx: PageContext, layout: TimelineLayout): Html {
  return html`${layout.lanes.map(
    (lane) => html`<h3>${lane.label}</h3>
${lane.marks.length ? html`<table><thead><tr><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Status</th></tr></thead><tbody>${lane.marks.map((k) => html`<tr><td>${date(k.date)}</td><td>${ref(ctx, k.meeting.id)}</td><td>${statusBadge(k.meeting)}</td></tr>`)}</tbody></table>` : ""}
${lane.bands.length ? html`<ul>${lane.bands.map((b) => html`<li>Sanction ${ref(ctx, b.sanction.id)}: in effect from ${date(sanctionStart(b.sanction))}${b.open ? html`, not ended by the release` : html` to ${date(b.sanction.ended)}`}</li>`)}</ul>` : ""}`,
  )}`;
}

export function renderTimelinePage(ctx: PageContext): string {
  const byPair = layoutTimeline(ctx.model, "pair");
  const byActor = layoutTimeline(ctx.model, "actor");
  const editions = byPair.editions;
  const body = html`<h1>Timeline</h1>
<p class="lede">Every meeting, one mark each, on a lane for the states that took part; sanctions drawn as bands from the day they took effect; forum editions as vertical lines. Hover over or focus a mark to name the meeting, and follow it to open its page.</p>
${legend()}
<p class="timeline-detail" id="timeline-detail" aria-live="polite"></p>
<figure class="timeline-figure">
<figcaption><h2 id="by-pair-h">By pair of states</h2></figcaption>
<div class="scroll">${renderTimelineSvg(ctx, byPair, { id: "timeline-pairs", title: "Meetings by pair of states, with sanctions and forum editions" })}</div>
</figure>
<figure class="timeline-figure">
<figcaption><h2 id="by-actor-h">By actor</h2><p>Each principal participant on a lane of their own; a meeting appears on the lane of each. Sanction bands sit on the lanes of the actors they target.</p></figcaption>
<div class="scroll">${renderTimelineSvg(ctx, byActor, { id: "timeline-actors", title: "Meetings by actor, with sanctions on their targets" })}</div>
</figure>
${byPair.undated.length ? html`<section aria-labelledby="undated-h"><h2 id="undated-h">Not on the timeline</h2><p>These meetings have no date to place them at:</p><ul>${byPair.undated.map((m) => html`<li>${ref(ctx, m.id)} — ${statusBadge(m)}</li>`)}</ul></section>` : ""}
<section aria-labelledby="as-text-h"><h2 id="as-text-h">The timeline as text</h2>
<details><summary>Meetings and sanctions by pair of states</summary>${asText(ctx, byPair)}</details>
${editions.length ? html`<details><summary>Forum editions</summary><ul>${editions.map(({ entry }) => html`<li>${ref(ctx, entry.edition.id)}: ${date(entry.edition.start)}${entry.edition.end ? html` to ${date(entry.edition.end)}` : ""}</li>`)}</ul></details>` : ""}
</section>`;
  return page(ctx, { title: "Timeline", description: "Meetings over time by pair of states, with sanctions and forum editions.", body, scripts: ["assets/timeline.js"] });
}
