/**
 * The timeline picture, rendered on the server as SVG so that it reads without JavaScript: one lane per
 * pair of states (from the participants' `on_behalf_of`, else the participant itself) or per actor;
 * a mark per meeting, shaped and coloured by status, linking to the meeting's page; sanctions as bands
 * on the lanes of the states or actors involved, from when they took effect to when they ended (or the
 * release date); forum editions as vertical markers. Layout is computed apart from drawing, for tests.
 */
import type { PublishedMeeting, PublishedSanction } from "../types.generated.ts";
import { html, type Html } from "./escape.ts";
import { href, type PageContext } from "./layout.ts";
import { dayOf, editionName, yearOf, type EditionEntry, type SiteModel } from "./model.ts";
import { shapeSvg, statusStyle, type StatusStyle } from "./status.ts";
import { sanctionStart } from "../publish/derive.ts";
import { dayNumber, yearOfDay } from "../partial-date.ts";
import { append, maxOf, minOf } from "../collections.ts";

export type LaneMode = "pair" | "actor";

export interface TimelineMark {
  meeting: PublishedMeeting;
  date: string;
  day: number;
  style: StatusStyle;
  row: number;
}

export interface TimelineBand {
  sanction: PublishedSanction;
  from: number;
  to: number;
  /** True when the sanction has not ended: the band runs to the release date. */
  open: boolean;
  row: number;
}

export interface Lane {
  key: string;
  label: string;
  marks: TimelineMark[];
  bands: TimelineBand[];
  markRows: number;
  bandRows: number;
}

export interface TimelineLayout {
  lanes: Lane[];
  /** First and last day of the axis (days since 1970), whole years. */
  start: number;
  end: number;
  /** The x coordinate of a day. */
  x: (day: number) => number;
  editions: { entry: EditionEntry; from: number; to: number }[];
  /** Meetings with no date to place them at. */
  undated: PublishedMeeting[];
}

// Drawing, in SVG user units (the picture scales to the page width).
const W = 1000;
const LABEL_W = 240;
const PAD_R = 16;
const TOP = 126;
const ROW_H = 20;
const MARK_R = 6.5;
const BAND_H = 16;
const LANE_PAD = 8;

const DAY = dayNumber;

/** The lanes a meeting belongs on. */
function meetingLanes(model: SiteModel, m: PublishedMeeting, mode: LaneMode): string[] {
  if (mode === "actor") return [...new Set(m.participants.filter((p) => p.role !== "delegation").map((p) => p.actor))];
  return [[...new Set(m.participants.map((p) => model.participantSide(p)))].sort().join("|")];
}

/**
 * The lanes a sanction is drawn on: in pair mode, the imposing state with each target's state (a
 * target whose state is not known, such as a person with no citizenship given, goes with the others'
 * states, and on a lane of its own only when no target's state is known); else each target.
 */
function sanctionLanes(model: SiteModel, s: PublishedSanction, mode: LaneMode): string[] {
  if (mode === "actor") return [...new Set(s.targets.map((t) => t.actor))];
  const resolved = s.targets.map((t) => model.stateOf(t.actor));
  const states = resolved.filter((id) => model.actors.get(id)?.kind === "state");
  return [...new Set((states.length ? states : resolved).map((side) => [...new Set([s.on_behalf_of, side])].sort().join("|")))];
}

/** Puts items (sorted by start) in the first row where they do not overlap the previous item. */
function stack<T extends { row: number }>(items: T[], from: (t: T) => number, to: (t: T) => number, gap: number): number {
  const rowEnds: number[] = [];
  for (const item of items) {
    let row = rowEnds.findIndex((end) => from(item) - end >= gap);
    if (row < 0) row = rowEnds.push(-Infinity) - 1;
    item.row = row;
    rowEnds[row] = to(item);
  }
  return rowEnds.length;
}

export function layoutTimeline(model: SiteModel, mode: LaneMode, meetings: readonly PublishedMeeting[] = model.dataset.meetings, sanctions: readonly PublishedSanction[] = model.dataset.sanctions): TimelineLayout {
  const lanes = new Map<string, Lane>();
  const lane = (key: string): Lane => {
    let l = lanes.get(key);
    if (!l) lanes.set(key, (l = { key, label: key.split("|").map((id) => model.name(id)).join(" – "), marks: [], bands: [], markRows: 0, bandRows: 0 }));
    return l;
  };
  const undated: PublishedMeeting[] = [];
  const release = dayOf(model.releaseDate, "to");
  for (const m of meetings) {
    const date = model.meetingDate(m);
    const day = dayOf(date);
    if (date === undefined || day === undefined) {
      undated.push(m);
      continue;
    }
    for (const key of meetingLanes(model, m, mode)) lane(key).marks.push({ meeting: m, date, day, style: statusStyle(m), row: 0 });
  }
  for (const s of sanctions) {
    const from = dayOf(sanctionStart(s), "from");
    if (from === undefined) continue;
    const to = s.ended ? dayOf(s.ended, "to") : release;
    for (const key of sanctionLanes(model, s, mode)) lane(key).bands.push({ sanction: s, from, to: to ?? from, open: !s.ended, row: 0 });
  }
  const days = [...lanes.values()].flatMap((l) => [...l.marks.map((k) => k.day), ...l.bands.flatMap((b) => [b.from, b.to])]);
  if (release !== undefined) days.push(release);
  const start = days.length ? DAY(yearOfDay(minOf(days)), 1, 1) : DAY(2000, 1, 1);
  const end = days.length ? DAY(yearOfDay(maxOf(days)), 12, 31) : DAY(2000, 12, 31);
  const editions = [...model.editions.values()]
    .map((entry) => ({ entry, from: dayOf(entry.edition.start, "from"), to: dayOf(entry.edition.end ?? entry.edition.start, "to") }))
    .filter((e): e is { entry: EditionEntry; from: number; to: number } => e.from !== undefined && e.to !== undefined && e.from >= start && e.from <= end)
    .sort((a, b) => a.from - b.from);
  const x = (day: number): number => LABEL_W + ((day - start) / (end + 1 - start)) * (W - LABEL_W - PAD_R);
  // Busiest lanes first; lanes that hold only sanctions last.
  const sorted = [...lanes.values()].sort((a, b) => b.marks.length - a.marks.length || a.label.localeCompare(b.label, "en"));
  for (const l of sorted) {
    l.marks.sort((a, b) => a.day - b.day || a.meeting.id.localeCompare(b.meeting.id, "en"));
    l.bands.sort((a, b) => a.from - b.from || a.sanction.id.localeCompare(b.sanction.id, "en"));
    // Marks that would touch go on the next row; a band keeps room for its label.
    l.markRows = stack(l.marks, (k) => x(k.day), (k) => x(k.day), MARK_R * 2 + 3);
    l.bandRows = stack(l.bands, (b) => x(b.from), (b) => x(b.from) + Math.max(x(b.to) - x(b.from), 180), 4);
  }
  return { lanes: sorted, start, end, x, editions, undated };
}


const n = (v: number): string => String(Math.round(v * 10) / 10);
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A short label for an edition marker: the shortest of the forum's name and aliases, and the year. */
function editionLabel(entry: EditionEntry): string {
  const short = [entry.forum.name, ...entry.forum.aliases].sort((a, b) => a.length - b.length)[0]!;
  const year = yearOf(entry.edition.start);
  return clip(year ? `${short} ${year}` : editionName(entry.forum, entry.edition), 24);
}

export function markLabel(model: SiteModel, mark: Pick<TimelineMark, "meeting" | "date">): string {
  const m = mark.meeting;
  const at = m.sidelines_of ? `, on the sidelines of ${model.name(m.sidelines_of)}` : "";
  const word = m.status === "held" && m.kind === "brief-encounter" ? "held (brief encounter)" : m.status.replace(/-/g, " ");
  const basis = model.meetingDateBasis(m);
  return `${m.title} — ${word}, ${mark.date}${basis ? ` (${basis})` : ""}${at}`;
}

export interface TimelineSvgOptions {
  /** Prefix for element ids, unique within the page. */
  id: string;
  title: string;
}

export function renderTimelineSvg(ctx: PageContext, layout: TimelineLayout, options: TimelineSvgOptions): Html {
  const { model } = ctx;
  const { x } = layout;
  const parts: Html[] = [];
  let y = TOP;
  const lanesSvg: Html[] = [];
  const backgrounds: Html[] = [];
  for (const lane of layout.lanes) {
    const height = LANE_PAD * 2 + Math.max(lane.markRows, 1) * ROW_H + lane.bandRows * (BAND_H + 3);
    const top = y;
    const bands = lane.bands.map((b) => {
      const by = top + height - LANE_PAD - (b.row + 1) * (BAND_H + 3) + 3;
      const x0 = x(b.from);
      const x1 = Math.max(x(b.to), x0 + 2);
      const when = `${sanctionStart(b.sanction)} to ${b.open ? `${model.releaseDate} (the release; not ended)` : b.sanction.ended}`;
      // The accessible name begins with the label shown (clipped on a short band).
      const shown = clip(b.sanction.title, Math.max(12, Math.floor((x1 - x0) / 6.2)));
      const name = `${shown}${shown === b.sanction.title ? "" : ` (${b.sanction.title})`}: sanction in effect ${when}`;
      return html`<a class="band" href="${href(ctx, model.targets.get(b.sanction.id)!.path)}" aria-label="${name}"><title>${name}</title><rect class="band-shade" x="${n(x0)}" y="${n(top + 1)}" width="${n(x1 - x0)}" height="${n(height - 2)}"/><rect class="band-bar" x="${n(x0)}" y="${n(by)}" width="${n(x1 - x0)}" height="${BAND_H}"/><text class="band-label" x="${n(x0 + 4)}" y="${n(by + BAND_H - 4)}">${shown}</text></a>`;
    });
    const marks = lane.marks.map((k) => {
      const cx = x(k.day);
      const cy = top + LANE_PAD + k.row * ROW_H + ROW_H / 2;
      const name = markLabel(model, k);
      return html`<a class="mark mark-${k.style.key}" href="${href(ctx, model.targets.get(k.meeting.id)!.path)}" aria-label="${name}" data-meeting="${k.meeting.id}" data-status="${k.meeting.status}"><title>${name}</title><circle class="hit" cx="${n(cx)}" cy="${n(cy)}" r="${n(MARK_R + 3.5)}"/>${shapeSvg(k.style, cx, cy, MARK_R)}</a>`;
    });
    backgrounds.push(html`<rect class="lane-bg" x="0" y="${n(top)}" width="${W}" height="${n(height)}"/><text class="lane-label" x="${LABEL_W - 10}" y="${n(top + LANE_PAD + ROW_H / 2 + 4)}" text-anchor="end">${clip(lane.label, 30)}<title>${lane.label}</title></text>`);
    lanesSvg.push(html`<g class="lane" data-lane="${lane.key}">${bands}${marks}</g>`);
    y += height;
  }
  const bottom = y;
  // Year grid and labels.
  const years: Html[] = [];
  for (let yr = yearOfDay(layout.start); yr <= yearOfDay(layout.end); yr++) {
    const gx = x(DAY(yr, 1, 1));
    const mid = x(DAY(yr, 7, 1));
    years.push(html`<line class="grid" x1="${n(gx)}" x2="${n(gx)}" y1="${TOP - 4}" y2="${n(bottom)}"/><text class="year" x="${n(mid)}" y="${TOP - 8}" text-anchor="middle">${yr}</text>`);
  }
  const editions = layout.editions.map(({ entry, from, to }) => {
    const x0 = x(from);
    const x1 = Math.max(x(to + 1), x0 + 2);
    // The accessible name begins with the label shown, so that a speech user can say what they see.
    const shown = editionLabel(entry);
    const name = `${shown}: forum edition ${editionName(entry.forum, entry.edition)} (${entry.edition.start ?? ""}${entry.edition.end ? ` to ${entry.edition.end}` : ""}, ${entry.edition.status})`;
    return html`<a class="edition" href="${href(ctx, model.targets.get(entry.edition.id)!.path)}" aria-label="${name}"><title>${name}</title><rect class="edition-span" x="${n(x0)}" y="${TOP - 26}" width="${n(x1 - x0)}" height="${n(bottom - TOP + 26)}"/><path class="edition-tick" d="M${n(x0 - 4)} ${TOP - 30}L${n(x0 + 4)} ${TOP - 30}L${n(x0)} ${TOP - 24}Z"/><text class="edition-label" transform="translate(${n(x0 + 2)} ${TOP - 33}) rotate(-40)">${shown}</text></a>`;
  });
  // Editions go under the marks so that they never hide one.
  for (const list of [backgrounds, years, editions, lanesSvg]) append(parts, list);
  const height = bottom + 10;
  const described = layout.lanes.flatMap((l) => l.marks.map((k) => `${k.date}, ${l.label}: ${k.meeting.title} (${k.meeting.status.replace(/-/g, " ")})`));
  const desc = `${layout.lanes.length} lanes from ${yearOfDay(layout.start)} to ${yearOfDay(layout.end)}. Meetings: ${described.join("; ")}.${layout.lanes.some((l) => l.bands.length) ? ` Sanctions: ${layout.lanes.flatMap((l) => l.bands.map((b) => `${b.sanction.title} (${l.label}) from ${sanctionStart(b.sanction)}${b.open ? "" : ` to ${b.sanction.ended}`}`)).join("; ")}.` : ""}`;
  return html`<svg class="timeline" id="${options.id}" viewBox="0 0 ${W} ${n(height)}" width="${W}" height="${n(height)}" role="group" aria-labelledby="${options.id}-title ${options.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${options.id}-title">${options.title}</title><desc id="${options.id}-desc">${desc}</desc>${parts}</svg>`;
}
