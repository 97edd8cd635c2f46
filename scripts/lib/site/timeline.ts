/**
 * The timeline picture, rendered on the server as SVG so that it reads without JavaScript: one lane per
 * pair of states (from the participants' `on_behalf_of`, else the participant itself) or per actor;
 * a numbered mark per meeting, shaped and coloured by status, linking to the meeting's page; sanctions
 * as bands on the lanes of the states or actors involved, from when they took effect to when they ended
 * (or the release date); forum editions as spans with labels above the lanes.
 *
 * Position means time and nothing overlaps: every lane holds its meetings on one row, and the axis is
 * a time scale that widens a day where meetings crowd on it, so marks of one day sit side by side in
 * date order and later meetings are always further right. Every day keeps at least its share of a
 * linear scale, so the year lines show where the axis is stretched. Layout (every coordinate and every
 * label's box) is computed apart from drawing, so that tests check the geometry itself.
 */
import type { PublishedMeeting, PublishedSanction } from "../types.generated.ts";
import { html, type Html } from "./escape.ts";
import { href, type PageContext } from "./layout.ts";
import { dayOf, editionName, yearOf, type EditionEntry, type SiteModel } from "./model.ts";
import { shapeSvg, statusStyle, type StatusStyle } from "./status.ts";
import { sanctionStart } from "../publish/derive.ts";
import { dayNumber, yearOfDay } from "../partial-date.ts";
import { maxOf, minOf } from "../collections.ts";

export type LaneMode = "pair" | "actor";

/** A rectangle in SVG user units (drawn at one unit per CSS pixel). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineMark {
  meeting: PublishedMeeting;
  date: string;
  day: number;
  style: StatusStyle;
  /** The meeting's number, shared by every picture and the list beside them (date order). */
  number: number;
  /** Centre of the mark. */
  x: number;
  y: number;
  /** The mark's focus and hit area. */
  box: Box;
  /** The number drawn under the mark. */
  labelBox: Box;
}

export interface TimelineBand {
  sanction: PublishedSanction;
  from: number;
  to: number;
  /** True when the sanction has not ended: the band runs to the release date. */
  open: boolean;
  row: number;
  x0: number;
  x1: number;
  y: number;
  /** The label drawn on the band (the title, shortened when long). */
  label: string;
  labelBox: Box;
}

export interface Lane {
  key: string;
  label: string;
  marks: TimelineMark[];
  bands: TimelineBand[];
  bandRows: number;
  top: number;
  height: number;
  labelBox: Box;
}

export interface TimelineEdition {
  entry: EditionEntry;
  from: number;
  to: number;
  x0: number;
  x1: number;
  /** Label row above the lanes, 0 the highest. */
  row: number;
  label: string;
  labelBox: Box;
}

export interface TimelineYear {
  year: number;
  x0: number;
  x1: number;
  labelBox: Box;
}

export interface TimelineLayout {
  lanes: Lane[];
  /** First and last day of the axis (days since 1970), whole years. */
  start: number;
  end: number;
  /** The x coordinate of the start of a day (monotonic: a later day is never further left). */
  x: (day: number) => number;
  /** Where the lanes begin (below the year and edition labels) and the picture's size. */
  top: number;
  width: number;
  height: number;
  years: TimelineYear[];
  editions: TimelineEdition[];
  /** Meetings with no date to place them at. */
  undated: PublishedMeeting[];
}

// Drawing sizes, in SVG user units; the picture is drawn at its own size and scrolls in its box.
const PAD_L = 8;
const PAD_R = 24;
/** Narrowest year (so that year labels never collide) and narrowest whole axis. */
const YEAR_MIN = 64;
const AXIS_MIN = 960;
const YEAR_ROW = 22;
const EDITION_ROW_H = 15;
const LANE_LABEL_H = 22;
const MARK_ROW_H = 38;
const MARK_R = 6.5;
const HIT_R = 10;
/** Gap between the hit areas of neighbouring marks. */
const MARK_GAP = 3;
const BAND_H = 16;
const BAND_GAP = 3;
const LANE_PAD = 6;
const LABEL_GAP = 6;
export const FONT = { year: 12, lane: 12.5, edition: 10.5, band: 10.5, number: 9.5 } as const;

const DAY = dayNumber;

/**
 * A generous estimate of how wide a line of text is drawn in the site's sans-serif font: wide
 * (East Asian) characters take a full em, others at most two thirds of one on average.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.codePointAt(0)! >= 0x2e80 ? 1.05 : 0.68;
  return ems * fontSize;
}

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

/** Each dated meeting's number: 1, 2, … in order of the day it is placed at (then of id). */
export function meetingNumbers(model: SiteModel, meetings: readonly PublishedMeeting[] = model.dataset.meetings): Map<string, number> {
  const dated = meetings.flatMap((m) => {
    const day = dayOf(model.meetingDate(m));
    return day === undefined ? [] : [{ id: m.id, day }];
  });
  dated.sort((a, b) => a.day - b.day || a.id.localeCompare(b.id, "en"));
  return new Map(dated.map((d, i) => [d.id, i + 1]));
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

/**
 * The time scale: a day on which meetings fall gets a column wide enough for the most marks any lane
 * has that day; every other stretch of time keeps its linear width. Returns the x of the start of any
 * day (piecewise linear through the columns' edges) and where each column begins and ends.
 */
function timeScale(start: number, end: number, columns: ReadonlyMap<number, number>, slot: number): { x: (day: number) => number; column: (day: number) => { left: number; right: number }; end: number } {
  const perDay = Math.max(YEAR_MIN / 365, (AXIS_MIN - PAD_L - PAD_R) / (end + 1 - start));
  const ts: number[] = [start];
  const xs: number[] = [PAD_L];
  const edges = new Map<number, { left: number; right: number }>();
  let lastDay = start - 1;
  let lastX = PAD_L;
  for (const day of [...columns.keys()].sort((a, b) => a - b)) {
    const width = Math.max(perDay, columns.get(day)! * slot);
    // Centred on the day's place on a linear scale when there is room, else right after the previous column.
    const linear = PAD_L + perDay * (day + 0.5 - start) - width / 2;
    const left = Math.max(linear, lastX + perDay * (day - lastDay - 1));
    edges.set(day, { left, right: left + width });
    ts.push(day, day + 1);
    xs.push(left, left + width);
    lastDay = day;
    lastX = left + width;
  }
  const axisEnd = Math.max(PAD_L + perDay * (end + 1 - start), lastX + perDay * (end - lastDay));
  ts.push(end + 1);
  xs.push(axisEnd);
  const x = (day: number): number => {
    // The last breakpoint at or before the day; from it, linear to the next.
    let lo = 0;
    let hi = ts.length - 1;
    if (day <= ts[0]!) return xs[0]! - (ts[0]! - day) * perDay;
    if (day >= ts[hi]!) return xs[hi]! + (day - ts[hi]!) * perDay;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ts[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    const t0 = ts[lo]!;
    const t1 = ts[lo + 1]!;
    return t1 === t0 ? xs[lo + 1]! : xs[lo]! + ((day - t0) / (t1 - t0)) * (xs[lo + 1]! - xs[lo]!);
  };
  return { x, column: (day) => edges.get(day)!, end: axisEnd };
}

/** A short label for an edition marker: the shortest of the forum's name and aliases, and the year. */
function editionLabel(entry: EditionEntry): string {
  const short = [entry.forum.name, ...entry.forum.aliases].sort((a, b) => a.length - b.length)[0]!;
  const year = yearOf(entry.edition.start);
  return clip(year ? `${short} ${year}` : editionName(entry.forum, entry.edition), 24);
}

export function layoutTimeline(model: SiteModel, mode: LaneMode, meetings: readonly PublishedMeeting[] = model.dataset.meetings, sanctions: readonly PublishedSanction[] = model.dataset.sanctions): TimelineLayout {
  const numbers = meetingNumbers(model, meetings);
  const lanes = new Map<string, Lane>();
  const zero: Box = { x: 0, y: 0, width: 0, height: 0 };
  const lane = (key: string): Lane => {
    let l = lanes.get(key);
    if (!l) lanes.set(key, (l = { key, label: key.split("|").map((id) => model.name(id)).join(" – "), marks: [], bands: [], bandRows: 0, top: 0, height: 0, labelBox: zero }));
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
    for (const key of meetingLanes(model, m, mode)) lane(key).marks.push({ meeting: m, date, day, style: statusStyle(m), number: numbers.get(m.id)!, x: 0, y: 0, box: zero, labelBox: zero });
  }
  for (const s of sanctions) {
    const from = dayOf(sanctionStart(s), "from");
    if (from === undefined) continue;
    const to = s.ended ? dayOf(s.ended, "to") : release;
    for (const key of sanctionLanes(model, s, mode)) lane(key).bands.push({ sanction: s, from, to: Math.max(to ?? from, from), open: !s.ended, row: 0, x0: 0, x1: 0, y: 0, label: s.title, labelBox: zero });
  }
  const days = [...lanes.values()].flatMap((l) => [...l.marks.map((k) => k.day), ...l.bands.flatMap((b) => [b.from, b.to])]);
  if (release !== undefined) days.push(release);
  const start = days.length ? DAY(yearOfDay(minOf(days)), 1, 1) : DAY(2000, 1, 1);
  const end = days.length ? DAY(yearOfDay(maxOf(days)), 12, 31) : DAY(2000, 12, 31);

  // The time scale: a column per day with meetings, as wide as the most marks one lane has that day.
  const slot = Math.max(HIT_R * 2 + MARK_GAP, textWidth(String(maxOf(numbers.values(), 1)), FONT.number) + MARK_GAP);
  const columns = new Map<number, number>();
  for (const l of lanes.values()) {
    const perDay = new Map<number, number>();
    for (const k of l.marks) perDay.set(k.day, (perDay.get(k.day) ?? 0) + 1);
    for (const [day, count] of perDay) columns.set(day, Math.max(columns.get(day) ?? 0, count));
  }
  const scale = timeScale(start, end, columns, slot);
  const { x } = scale;
  let right = scale.end;

  // Years, labelled in the middle of each.
  const years: TimelineYear[] = [];
  for (let yr = yearOfDay(start); yr <= yearOfDay(end); yr++) {
    const x0 = x(DAY(yr, 1, 1));
    const x1 = x(DAY(yr + 1, 1, 1));
    const w = textWidth(String(yr), FONT.year);
    years.push({ year: yr, x0, x1, labelBox: { x: (x0 + x1) / 2 - w / 2, y: YEAR_ROW - 4 - FONT.year, width: w, height: FONT.year + 2 } });
  }

  // Editions: each label starts just right of its edition's start, on the row just below the lowest
  // label it would touch, so labels never collide and each one's leader line down to the lanes crosses
  // no label.
  const editions: TimelineEdition[] = [...model.editions.values()]
    .map((entry) => ({ entry, from: dayOf(entry.edition.start, "from"), to: dayOf(entry.edition.end ?? entry.edition.start, "to") }))
    .filter((e): e is { entry: EditionEntry; from: number; to: number } => e.from !== undefined && e.to !== undefined && e.from >= start && e.from <= end)
    .sort((a, b) => a.from - b.from || a.entry.edition.id.localeCompare(b.entry.edition.id, "en"))
    .map(({ entry, from, to }) => {
      const x0 = x(from);
      const label = editionLabel(entry);
      return { entry, from, to, x0, x1: Math.max(x(to + 1), x0 + 2), row: 0, label, labelBox: { x: x0 + 3, y: 0, width: textWidth(label, FONT.edition), height: FONT.edition + 2 } };
    });
  for (const [i, e] of editions.entries()) {
    const below = editions.slice(0, i).filter((o) => o.labelBox.x <= e.labelBox.x + e.labelBox.width + LABEL_GAP && o.labelBox.x + o.labelBox.width + LABEL_GAP >= e.x0);
    e.row = below.length ? maxOf(below.map((o) => o.row)) + 1 : 0;
    e.labelBox.y = YEAR_ROW + e.row * EDITION_ROW_H + 2;
    right = Math.max(right, e.labelBox.x + e.labelBox.width);
  }
  const editionRows = editions.length ? maxOf(editions.map((e) => e.row)) + 1 : 0;
  const top = YEAR_ROW + editionRows * EDITION_ROW_H + (editionRows ? 12 : 4);

  // Lanes: busiest first; lanes that hold only sanctions last. A lane is its label, one row of marks
  // (the marks of a day side by side in its column), then its sanction bands.
  const sorted = [...lanes.values()].sort((a, b) => b.marks.length - a.marks.length || a.label.localeCompare(b.label, "en"));
  let y = top;
  for (const l of sorted) {
    l.top = y;
    l.labelBox = { x: PAD_L + 2, y: y + 4, width: textWidth(l.label, FONT.lane), height: FONT.lane + 3 };
    right = Math.max(right, l.labelBox.x + l.labelBox.width);
    l.marks.sort((a, b) => a.day - b.day || a.number - b.number);
    const cy = y + LANE_LABEL_H + HIT_R + 2;
    for (let i = 0; i < l.marks.length; ) {
      let j = i;
      while (j < l.marks.length && l.marks[j]!.day === l.marks[i]!.day) j++;
      const { left, right: colRight } = scale.column(l.marks[i]!.day);
      const first = (left + colRight) / 2 - ((j - i) * slot) / 2 + slot / 2;
      for (let k = i; k < j; k++) {
        const mark = l.marks[k]!;
        mark.x = first + (k - i) * slot;
        mark.y = cy;
        mark.box = { x: mark.x - HIT_R, y: cy - HIT_R, width: HIT_R * 2, height: HIT_R * 2 };
        const w = textWidth(String(mark.number), FONT.number);
        mark.labelBox = { x: mark.x - w / 2, y: cy + HIT_R + 1, width: w, height: FONT.number + 2 };
      }
      i = j;
    }
    l.bands.sort((a, b) => a.from - b.from || a.sanction.id.localeCompare(b.sanction.id, "en"));
    for (const b of l.bands) {
      b.x0 = x(b.from);
      b.x1 = Math.max(x(b.to + 1), b.x0 + 2);
      b.label = clip(b.sanction.title, 60);
      b.labelBox = { x: b.x0 + 4, y: 0, width: textWidth(b.label, FONT.band), height: BAND_H - 4 };
    }
    // A band keeps room for its label.
    l.bandRows = stack(l.bands, (b) => b.x0, (b) => Math.max(b.x1, b.labelBox.x + b.labelBox.width), 4);
    const bandsTop = y + LANE_LABEL_H + MARK_ROW_H;
    for (const b of l.bands) {
      b.y = bandsTop + b.row * (BAND_H + BAND_GAP);
      b.labelBox.y = b.y + 2;
      right = Math.max(right, b.labelBox.x + b.labelBox.width);
    }
    l.height = LANE_LABEL_H + MARK_ROW_H + l.bandRows * (BAND_H + BAND_GAP) + LANE_PAD;
    y += l.height;
  }
  return { lanes: sorted, start, end, x, top, width: Math.ceil(right + PAD_R), height: Math.ceil(y + 10), years, editions, undated };
}

const n = (v: number): string => String(Math.round(v * 10) / 10);
const clip = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text);

export function markLabel(model: SiteModel, mark: Pick<TimelineMark, "meeting" | "date">): string {
  const m = mark.meeting;
  const at = m.sidelines_of ? `, on the sidelines of ${model.name(m.sidelines_of)}` : "";
  const word = m.status === "held" && m.kind === "brief-encounter" ? "held (brief encounter)" : m.status.replace(/-/g, " ");
  const basis = model.meetingDateBasis(m);
  return `${m.title} — ${word}, ${mark.date}${basis ? ` (${basis})` : ""}${at}`;
}

/** What the filters on the timeline page match a meeting by, as data attributes of its mark and list entry. */
export function filterData(model: SiteModel, m: PublishedMeeting, day: number): { style: string; actors: string; forum: string; year: number } {
  const actors = new Set(m.participants.flatMap((p) => [p.actor, ...(p.on_behalf_of ? [p.on_behalf_of] : [])]));
  const forum = m.sidelines_of ? (model.editions.get(m.sidelines_of)?.forum.id ?? "") : "";
  return { style: statusStyle(m).key, actors: [...actors].sort().join(" "), forum, year: yearOfDay(day) };
}

export interface TimelineSvgOptions {
  /** Prefix for element ids, unique within the page. */
  id: string;
  title: string;
}

export function renderTimelineSvg(ctx: PageContext, layout: TimelineLayout, options: TimelineSvgOptions): Html {
  const { model } = ctx;
  const bottom = layout.height - 10;
  const backgrounds: Html[] = [];
  const labels: Html[] = [];
  const lanesSvg: Html[] = [];
  for (const lane of layout.lanes) {
    const bands = lane.bands.map((b) => {
      const when = `${sanctionStart(b.sanction)} to ${b.open ? `${model.releaseDate} (the release; not ended)` : b.sanction.ended}`;
      // The accessible name begins with the label shown.
      const name = `${b.label}${b.label === b.sanction.title ? "" : ` (${b.sanction.title})`}: sanction in effect ${when}`;
      return html`<a class="band" href="${href(ctx, model.targets.get(b.sanction.id)!.path)}" aria-label="${name}"><title>${name}</title><rect class="band-shade" x="${n(b.x0)}" y="${n(lane.top + 1)}" width="${n(b.x1 - b.x0)}" height="${n(lane.height - 2)}"/><rect class="band-bar" x="${n(b.x0)}" y="${n(b.y)}" width="${n(b.x1 - b.x0)}" height="${BAND_H}"/><text class="band-label" x="${n(b.labelBox.x)}" y="${n(b.y + BAND_H - 4)}">${b.label}</text></a>`;
    });
    const marks = lane.marks.map((k) => {
      // The number shown is in the name (not in parentheses, which speech tools and checkers drop).
      const name = `${markLabel(model, k)}, number ${k.number}`;
      const f = filterData(model, k.meeting, k.day);
      return html`<a class="mark mark-${k.style.key}" href="${href(ctx, model.targets.get(k.meeting.id)!.path)}" aria-label="${name}" data-meeting="${k.meeting.id}" data-status="${k.meeting.status}" data-style="${f.style}" data-actors="${f.actors}" data-forum="${f.forum}" data-year="${f.year}"><title>${name}</title><circle class="hit" cx="${n(k.x)}" cy="${n(k.y)}" r="${HIT_R}"/>${shapeSvg(k.style, k.x, k.y, MARK_R)}<text class="mark-number" x="${n(k.x)}" y="${n(k.labelBox.y + FONT.number)}" text-anchor="middle">${k.number}</text></a>`;
    });
    backgrounds.push(html`<rect class="lane-bg" x="0" y="${n(lane.top)}" width="${layout.width}" height="${n(lane.height)}"/>`);
    labels.push(html`<text class="lane-label" x="${n(lane.labelBox.x)}" y="${n(lane.top + 4 + FONT.lane)}">${lane.label}</text>`);
    lanesSvg.push(html`<g class="lane" data-lane="${lane.key}">${bands}${marks}</g>`);
  }
  const years = layout.years.map((yr) => html`<line class="grid" data-year="${yr.year}" x1="${n(yr.x0)}" x2="${n(yr.x0)}" y1="${YEAR_ROW - 16}" y2="${n(bottom)}"/><text class="year" x="${n(yr.labelBox.x + yr.labelBox.width / 2)}" y="${YEAR_ROW - 4}" text-anchor="middle">${yr.year}</text>`);
  // An edition's span is shading under the lanes; its label, the link, comes after the lanes, so that
  // the keyboard reaches the meetings first.
  const spans = layout.editions.map(({ x0, x1 }) => html`<rect class="edition-span" x="${n(x0)}" y="${n(layout.top - 6)}" width="${n(x1 - x0)}" height="${n(bottom - layout.top + 6)}"/>`);
  const editions = layout.editions.map(({ entry, x0, label, labelBox }) => {
    // The accessible name begins with the label shown, so that a speech user can say what they see.
    const name = `${label}: forum edition ${editionName(entry.forum, entry.edition)} (${entry.edition.start ?? ""}${entry.edition.end ? ` to ${entry.edition.end}` : ""}, ${entry.edition.status})`;
    return html`<a class="edition" href="${href(ctx, model.targets.get(entry.edition.id)!.path)}" aria-label="${name}"><title>${name}</title><rect class="edition-hit" x="${n(x0 - 2)}" y="${n(labelBox.y - 1)}" width="${n(labelBox.x + labelBox.width - x0 + 4)}" height="${n(labelBox.height + 2)}"/><line class="edition-leader" x1="${n(x0)}" x2="${n(x0)}" y1="${n(labelBox.y)}" y2="${n(layout.top - 6)}"/><text class="edition-label" x="${n(labelBox.x)}" y="${n(labelBox.y + FONT.edition)}">${label}</text></a>`;
  });
  const described = layout.lanes.flatMap((l) => l.marks.map((k) => `${k.number}. ${k.date}, ${l.label}: ${k.meeting.title} (${k.meeting.status.replace(/-/g, " ")})`));
  const desc = `${layout.lanes.length} lanes from ${yearOfDay(layout.start)} to ${yearOfDay(layout.end)}. Meetings: ${described.join("; ")}.${layout.lanes.some((l) => l.bands.length) ? ` Sanctions: ${layout.lanes.flatMap((l) => l.bands.map((b) => `${b.sanction.title} (${l.label}) from ${sanctionStart(b.sanction)}${b.open ? "" : ` to ${b.sanction.ended}`}`)).join("; ")}.` : ""}`;
  // Edition spans go under the marks so that they never hide one; lane labels over everything.
  return html`<svg class="timeline" id="${options.id}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-labelledby="${options.id}-title ${options.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${options.id}-title">${options.title}</title><desc id="${options.id}-desc">${desc}</desc>${backgrounds}${years}<g class="edition-spans">${spans}</g>${lanesSvg}<g class="editions">${editions}</g><g class="lane-labels">${labels}</g></svg>`;
}
