/**
 * The timeline page: filters, a legend, the picture by pair of states, the numbered list of every
 * meeting on it (the marks carry the same numbers), the picture by actor, and the same content as text.
 *
 * Everything is in the HTML: without JavaScript a reader sees both pictures and the whole list. The
 * filters are a form whose GET parameters (status, actor, forum, from, to) the page's script reads; the
 * script shows the form, applies it as it changes without reloading the page, and keeps the address
 * in step so that a filtered view can be linked.
 */
import type { PublishedMeeting } from "../types.generated.ts";
import { html, type Html } from "./escape.ts";
import { page, type PageContext } from "./layout.ts";
import { dayOf } from "./model.ts";
import { date, ref, scrollTable } from "./render-common.ts";
import { STATUS_STYLES, statusBadge, styleBadge } from "./status.ts";
import { filterData, layoutTimeline, meetingNumbers, renderTimelineSvg, type TimelineLayout } from "./timeline.ts";
import { sanctionStart } from "../publish/derive.ts";
import { yearOfDay } from "../partial-date.ts";

function legend(): Html {
  return html`<ul class="legend" aria-label="Legend">${STATUS_STYLES.map((s) => html`<li>${styleBadge(s)}</li>`)}
<li><span class="swatch band-swatch" aria-hidden="true"></span> sanction in effect (on the lanes it concerns)</li>
<li><span class="swatch edition-swatch" aria-hidden="true"></span> forum edition</li></ul>`;
}

/** The filter form; hidden until the script shows it, since without the script it would do nothing. */
function filters(ctx: PageContext, layout: TimelineLayout, dated: readonly PublishedMeeting[]): Html {
  const { model } = ctx;
  const byName = (ids: Iterable<string>): string[] => [...new Set(ids)].sort((a, b) => model.name(a).localeCompare(model.name(b), "en") || a.localeCompare(b, "en"));
  const actors = byName(dated.flatMap((m) => m.participants.flatMap((p) => [p.actor, ...(p.on_behalf_of ? [p.on_behalf_of] : [])])));
  const forums = byName(dated.flatMap((m) => (m.sidelines_of && model.editions.get(m.sidelines_of) ? [model.editions.get(m.sidelines_of)!.forum.id] : [])));
  const years = layout.years.map((y) => y.year);
  const yearSelect = (name: string, label: string, selected: number | undefined): Html =>
    html`<label for="tf-${name}">${label}</label><select id="tf-${name}" name="${name}">${years.map((y) => html`<option value="${y}"${y === selected ? html` selected` : ""}>${y}</option>`)}</select>`;
  return html`<form class="timeline-filters" id="timeline-filters" action="timeline.html" method="get" aria-labelledby="filters-h" hidden>
<h2 id="filters-h">Filter the meetings</h2>
<fieldset class="statuses"><legend>Status</legend>${STATUS_STYLES.map((s) => html`<label><input type="checkbox" name="status" value="${s.key}" checked> ${styleBadge(s)}</label>`)}</fieldset>
<div class="filter-fields">
<span class="field"><label for="tf-actor">Actor</label><select id="tf-actor" name="actor"><option value="">Any actor</option>${actors.map((id) => html`<option value="${id}">${model.name(id)}</option>`)}</select></span>
<span class="field"><label for="tf-forum">Forum</label><select id="tf-forum" name="forum"><option value="">At a forum or not</option><option value="none">Not at a forum</option>${forums.map((id) => html`<option value="${id}">${model.name(id)}</option>`)}</select></span>
<span class="field">${yearSelect("from", "From year", years[0])}</span>
<span class="field">${yearSelect("to", "To year", years[years.length - 1])}</span>
</div>
<p class="filter-buttons"><button type="submit">Apply filters</button> <button type="reset" class="secondary">Show all</button></p>
</form>`;
}

/** Every dated meeting once, numbered as on the pictures, with what the filters match it by. */
function meetingList(ctx: PageContext, dated: readonly PublishedMeeting[], numbers: ReadonlyMap<string, number>): Html {
  const { model } = ctx;
  const sorted = [...dated].sort((a, b) => numbers.get(a.id)! - numbers.get(b.id)!);
  return html`<ol class="timeline-list" id="timeline-list">${sorted.map((m) => {
    const when = model.meetingDate(m)!;
    const f = filterData(model, m, dayOf(when)!);
    const sides = [...new Set(m.participants.map((p) => model.participantSide(p)))].map((id) => model.name(id)).sort((a, b) => a.localeCompare(b, "en"));
    return html`<li value="${numbers.get(m.id)}" data-meeting="${m.id}" data-style="${f.style}" data-actors="${f.actors}" data-forum="${f.forum}" data-year="${f.year}">${date(when)} ${ref(ctx, m.id)} — ${statusBadge(m)} <span class="meta">(${sides.join(" – ")})</span></li>`;
  })}</ol>`;
}

function asText(ctx: PageContext, layout: TimelineLayout): Html {
  return html`${layout.lanes.map(
    (lane) => html`<h3>${lane.label}</h3>
${lane.marks.length ? scrollTable(`Meetings, ${lane.label}`, html`<table><thead><tr><th scope="col">No.</th><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Status</th></tr></thead><tbody>${lane.marks.map((k) => html`<tr><td>${k.number}</td><td>${date(k.date)}</td><td>${ref(ctx, k.meeting.id)}</td><td>${statusBadge(k.meeting)}</td></tr>`)}</tbody></table>`) : ""}
${lane.bands.length ? html`<ul>${lane.bands.map((b) => html`<li>Sanction ${ref(ctx, b.sanction.id)}: in effect from ${date(sanctionStart(b.sanction))}${b.open ? html`, not ended by the release` : html` to ${date(b.sanction.ended)}`}</li>`)}</ul>` : ""}`,
  )}`;
}

export function renderTimelinePage(ctx: PageContext): string {
  const { model } = ctx;
  const byPair = layoutTimeline(model, "pair");
  const byActor = layoutTimeline(model, "actor");
  const numbers = meetingNumbers(model);
  const dated = model.dataset.meetings.filter((m) => numbers.has(m.id));
  const editions = byPair.editions;
  const span = byPair.years.length ? `${byPair.years[0]!.year} to ${yearOfDay(byPair.end)}` : "";
  const body = html`<h1>Timeline</h1>
<p class="lede">Every meeting, one numbered mark each, on a lane for the states that took part; sanctions drawn as bands from the day they took effect; forum editions as shaded spans labelled above the lanes. Later is always further right: the axis widens the days on which meetings crowd, so that no mark hides another, and the year lines show the scale. Each picture scrolls sideways in its own box; the list below the first one names every mark by its number.</p>
${filters(ctx, byPair, dated)}
<p class="timeline-count" id="timeline-count" role="status">${dated.length} meetings on the timeline, ${span}.</p>
${legend()}
<p class="timeline-detail" id="timeline-detail" aria-live="polite"></p>
<figure class="timeline-figure">
<figcaption><h2 id="by-pair-h">By pair of states</h2></figcaption>
<div class="scroll" role="region" tabindex="0" aria-labelledby="by-pair-h">${renderTimelineSvg(ctx, byPair, { id: "timeline-pairs", title: "Meetings by pair of states, with sanctions and forum editions" })}</div>
</figure>
<section aria-labelledby="list-h"><h2 id="list-h">The meetings, by number</h2>
<p>Numbered in date order, as on both pictures.</p>
${meetingList(ctx, dated, numbers)}</section>
<figure class="timeline-figure">
<figcaption><h2 id="by-actor-h">By actor</h2><p>Each principal participant on a lane of their own; a meeting appears on the lane of each. Sanction bands sit on the lanes of the actors they target.</p></figcaption>
<div class="scroll" role="region" tabindex="0" aria-labelledby="by-actor-h">${renderTimelineSvg(ctx, byActor, { id: "timeline-actors", title: "Meetings by actor, with sanctions on their targets" })}</div>
</figure>
${byPair.undated.length ? html`<section aria-labelledby="undated-h"><h2 id="undated-h">Not on the timeline</h2><p>These meetings have no date to place them at:</p><ul>${byPair.undated.map((m) => html`<li>${ref(ctx, m.id)} — ${statusBadge(m)}</li>`)}</ul></section>` : ""}
<section aria-labelledby="as-text-h"><h2 id="as-text-h">The timeline as text</h2>
<details><summary>Meetings and sanctions by pair of states</summary>${asText(ctx, byPair)}</details>
${editions.length ? html`<details><summary>Forum editions</summary><ul>${editions.map(({ entry }) => html`<li>${ref(ctx, entry.edition.id)}: ${date(entry.edition.start)}${entry.edition.end ? html` to ${date(entry.edition.end)}` : ""}</li>`)}</ul></details>` : ""}
</section>`;
  return page(ctx, { title: "Timeline", description: "Meetings over time by pair of states, with sanctions and forum editions.", body, scripts: ["assets/timeline.js"] });
}
