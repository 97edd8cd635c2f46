/**
 * The timeline SVG: a numbered mark per meeting, shaped by status, on the right lane; sanction bands;
 * editions. And the layout's properties, for random sets of dated meetings, sanctions and editions:
 * no two marks overlap, x is monotonic in date, and no two labels (nor a label and a mark) intersect.
 */
import "../loaded-machine.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SiteModel } from "../../scripts/lib/site/model.ts";
import { STATUS_STYLES, statusStyle } from "../../scripts/lib/site/status.ts";
import { renderTimelinePage } from "../../scripts/lib/site/render-timeline.ts";
import { layoutTimeline, renderTimelineSvg, type Box, type LaneMode, type TimelineLayout } from "../../scripts/lib/site/timeline.ts";
import type { Dataset, PublishedMeeting } from "../../scripts/lib/types.generated.ts";
import { actor, forum, meeting, sanction, smallDataset } from "./helpers.ts";

const model = new SiteModel(smallDataset());
const ctx = { model, path: "timeline.html" };
const svg = renderTimelineSvg(ctx, layoutTimeline(model, "pair"), { id: "t", title: "Test timeline" }).value;
/** Each mark link: its attributes and the shape element drawn after its hit area. */
const marks = [...svg.matchAll(/<a class="mark mark-([a-z-]+)" href="([^"]+)" aria-label="([^"]+)" data-meeting="([^"]+)" data-status="([^"]+)" data-style="[^"]+" data-actors="[^"]+" data-forum="[^"]*" data-year="\d+"><title>([^<]+)<\/title><circle class="hit"[^>]*\/>(<(circle|rect|path)[^>]*\/>)<text class="mark-number"[^>]*>(\d+)<\/text><\/a>/g)].map((m) => ({ style: m[1]!, href: m[2]!, label: m[3]!, id: m[4]!, status: m[5]!, title: m[6]!, shape: m[7]!, tag: m[8]!, number: Number(m[9]!) }));

const TAG = { circle: "circle", ring: "circle", square: "rect", diamond: "path", cross: "path", "triangle-down": "path", "triangle-up": "path" } as const;

describe("timeline", () => {
  it("each status group has a shape of its own, so colour is not the only carrier", () => {
    const drawn = STATUS_STYLES.map((s) => `${s.shape}/${s.filled}`);
    expect(new Set(drawn).size).toBe(STATUS_STYLES.length);
    expect(new Set(STATUS_STYLES.map((s) => s.shape)).size).toBe(STATUS_STYLES.length);
  });

  it("draws one linked mark per dated meeting, with the shape and colour of its status", () => {
    const dated = model.dataset.meetings.filter((m) => model.meetingDate(m));
    expect(marks.map((m) => m.id).sort()).toEqual(dated.map((m) => m.id).sort());
    for (const mark of marks) {
      const m = model.meetings.get(mark.id)!;
      const style = statusStyle(m);
      expect(mark.style).toBe(style.key);
      expect(mark.status).toBe(m.status);
      expect(mark.tag).toBe(TAG[style.shape]);
      expect(mark.shape).toContain(`stroke="${style.colour}"`);
      expect(mark.shape).toContain(style.filled ? `fill="${style.colour}"` : `fill="#fff"`);
      expect(mark.href).toBe(`meetings/${m.id}.html`);
      expect(mark.label).toBe(mark.title);
      expect(mark.label).toContain(m.title);
      // The number shown under the mark is in its name, so that a speech user can say what they see.
      expect(mark.label.endsWith(`, number ${mark.number}`)).toBe(true);
    }
    // Numbered 1, 2, … in date order.
    expect(marks.map((m) => m.number).sort((a, b) => a - b)).toEqual(marks.map((_, i) => i + 1));
    expect(marks.find((m) => m.id === "m-encounter")!.style).toBe("brief-encounter");
    expect(marks.find((m) => m.id === "m-declined")!.tag).toBe("path");
  });

  it("places a meeting without a date at its forum edition's start, or its last status change, and names why", () => {
    expect(model.meetingDate(model.meetings.get("m-declined")!)).toBe("2022-06-01");
    expect(model.meetingDate(model.meetings.get("m-cancelled")!)).toBe("2022-08-05");
    expect(marks.find((m) => m.id === "m-declined")!.label).toContain("2022-06-01 (start of the forum edition), on the sidelines of Forum One 2022");
  });

  it("leaves out a meeting with no date at all, and lists it as undated", () => {
    const layout = layoutTimeline(model, "pair");
    expect(layout.undated.map((m) => m.id)).toEqual(["m-undated"]);
    expect(marks.some((m) => m.id === "m-undated")).toBe(false);
  });

  it("puts meetings on a lane per pair of states, from on_behalf_of", () => {
    const layout = layoutTimeline(model, "pair");
    expect(layout.lanes.map((l) => l.label)).toEqual(["State A – State B"]);
    expect(svg).toContain('data-lane="state-a|state-b"');
  });

  it("per actor, a meeting is on the lane of each principal", () => {
    const layout = layoutTimeline(model, "actor");
    expect(layout.lanes.map((l) => l.key).sort()).toEqual(["a", "b"]);
    expect(layout.lanes.every((l) => l.marks.length === 7)).toBe(true);
  });

  it("draws a sanction as a band on the lane of the states involved, to the release date when not ended", () => {
    const [lane] = layoutTimeline(model, "pair").lanes;
    expect(lane!.bands).toHaveLength(1);
    expect(lane!.bands[0]!.open).toBe(true);
    expect(svg).toMatch(/<a class="band" href="sanctions\/sanction-1\.html" aria-label="sanction-1: sanction in effect 2020-01-15 to 2024-12-31 \(the release; not ended\)">/);
  });

  it("marks forum editions, linking to their pages", () => {
    expect(svg).toMatch(/<a class="edition" href="editions\/forum-1-2022\.html" aria-label="F1 2022: forum edition Forum One 2022 \(2022-06-01 to 2022-06-03, held\)">/);
    expect(svg).toContain(">F1 2022</text>");
  });

  it("has a title and a description that lists the meetings, and labels itself by them", () => {
    expect(svg).toMatch(/^<svg class="timeline" id="t" viewBox="0 0 \d+ \d+" width="\d+" height="\d+"[^>]* role="group" aria-labelledby="t-title t-desc"/);
    const desc = /<desc id="t-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
    for (const m of model.dataset.meetings.filter((x) => x.id !== "m-undated")) expect(desc).toContain(m.title);
  });

  it("puts marks of one day side by side on the lane's one row, in number order, instead of on top of each other", () => {
    const crowded = new SiteModel(smallDataset((d) => d.meetings.forEach((m) => (m.date = "2021-03-01"))));
    const [lane] = layoutTimeline(crowded, "pair").lanes;
    expect(new Set(lane!.marks.map((k) => k.y)).size).toBe(1);
    const xs = lane!.marks.map((k) => k.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(lane!.marks.length);
    expect(lane!.marks.map((k) => k.number)).toEqual(lane!.marks.map((_, i) => i + 1));
  });
});

const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of boxes that intersect, named. */
function collisions(boxes: readonly { name: string; box: Box }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!.box, boxes[j]!.box)) found.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
  return found;
}

/** Every label's box, and every mark's, in a layout. */
function drawn(layout: TimelineLayout): { name: string; box: Box }[] {
  return [
    ...layout.years.map((y) => ({ name: `year ${y.year}`, box: y.labelBox })),
    ...layout.editions.map((e) => ({ name: `edition ${e.entry.edition.id}`, box: e.labelBox })),
    ...layout.lanes.flatMap((l) => [
      { name: `lane ${l.key}`, box: l.labelBox },
      ...l.marks.flatMap((k) => [
        { name: `mark ${k.meeting.id} on ${l.key}`, box: k.box },
        { name: `number ${k.number} on ${l.key}`, box: k.labelBox },
      ]),
      ...l.bands.map((b) => ({ name: `band label ${b.sanction.id} on ${l.key}`, box: b.labelBox })),
    ]),
  ];
}

const YEARS = [2016, 2017, 2018] as const;
const day = fc.record({ y: fc.constantFrom(...YEARS), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), precision: fc.constantFrom("day", "day", "day", "month", "year") });
const dateText = day.map(({ y, m, d, precision }) => (precision === "year" ? String(y) : precision === "month" ? `${y}-${String(m).padStart(2, "0")}` : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`));
// Few distinct days, so that many meetings fall on one day.
const crowdedDate = fc.oneof(dateText, fc.constantFrom("2017-06-02", "2017-06-03", "2017-06-04"));
const STATUSES = ["held", "declined", "cancelled", "postponed", "proposed", "no-response", "invited"] as const;
const PEOPLE = ["p1", "p2", "p3", "p4", "p5"];
const NAMES = fc.oneof(fc.constantFrom("Shangri-La Dialogue", "SLD", "ADMM-Plus", "香山论坛", "Xiangshan Forum", "WWWWWWWWWWWWWWWWWWWWWWWWWW", "M"), fc.string({ minLength: 1, maxLength: 30 }));

const randomDataset = fc
  .record({
    meetings: fc.array(fc.record({ date: crowdedDate, status: fc.constantFrom(...STATUSES), pair: fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 2, maxLength: 3 }), edition: fc.option(fc.nat(), { nil: undefined }) }), { minLength: 1, maxLength: 40 }),
    forums: fc.array(fc.record({ name: NAMES, aliases: fc.array(NAMES, { maxLength: 2 }), editions: fc.array(fc.tuple(crowdedDate, fc.nat({ max: 10 })), { maxLength: 8 }) }), { maxLength: 4 }),
    sanctions: fc.array(fc.record({ title: NAMES, announced: dateText, ended: fc.option(dateText, { nil: undefined }), target: fc.constantFrom(...PEOPLE) }), { maxLength: 4 }),
  })
  .map(({ meetings, forums, sanctions }): Dataset =>
    smallDataset((d) => {
      d.actors = [actor("sa", { kind: "state", name: "State A", country: "AA" }), actor("sb", { kind: "state", name: "State B", country: "BB" }), ...PEOPLE.map((id, i) => actor(id, { name: `Person ${id}`, citizenship: [i % 2 ? "BB" : "AA"] }))];
      d.forums = forums.map((f, i) =>
        forum(`f${i}`, {
          name: f.name,
          aliases: f.aliases,
          editions: f.editions.map(([start, days], k) => ({ id: `f${i}-e${k}`, status: "held", start, ...(/^\d{4}-\d{2}-\d{2}$/.test(start) && days ? { end: `${start.slice(0, 8)}${String(Math.min(28, Number(start.slice(8)) + days)).padStart(2, "0")}` } : {}) })),
        }),
      );
      const editionIds = d.forums.flatMap((f) => f.editions.map((e) => e.id));
      d.meetings = meetings.map(
        (m, i): PublishedMeeting =>
          meeting(`m${i}`, {
            title: `Meeting ${i}`,
            date: m.date,
            status: m.status,
            participants: m.pair.map((p) => ({ actor: p, role: "principal" as const })),
            ...(m.edition !== undefined && editionIds.length ? { sidelines_of: editionIds[m.edition % editionIds.length]! } : {}),
          }),
      );
      d.sanctions = sanctions.map((s, i) => sanction(`s${i}`, { title: s.title, announced: s.announced, ...(s.ended ? { ended: s.ended, status: "expired" as const } : {}), imposed_by: "sa", on_behalf_of: "sa", targets: [{ actor: s.target }] }));
    }),
  );

describe("timeline layout, for random meetings, sanctions and editions", () => {
  const modes: LaneMode[] = ["pair", "actor"];

  it("no two marks overlap, and no label overlaps another label or a mark", () => {
    fc.assert(
      fc.property(randomDataset, (dataset) => {
        const model = new SiteModel(dataset);
        for (const mode of modes) expect(collisions(drawn(layoutTimeline(model, mode)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("x is monotonic in date: a later meeting is always further right, and each mark lies within its day", () => {
    fc.assert(
      fc.property(randomDataset, (dataset) => {
        const model = new SiteModel(dataset);
        for (const mode of modes) {
          const layout = layoutTimeline(model, mode);
          const all = layout.lanes.flatMap((l) => l.marks);
          expect(all.length).toBeGreaterThan(0);
          const wrong: string[] = [];
          for (const a of all) {
            if (a.x < layout.x(a.day) || a.x > layout.x(a.day + 1)) wrong.push(`${a.meeting.id} (${a.date}) at ${a.x}, outside its day ${layout.x(a.day)}–${layout.x(a.day + 1)}`);
            for (const b of all) if (a.day < b.day && a.x >= b.x) wrong.push(`${a.meeting.id} (${a.date}) at ${a.x} is not left of ${b.meeting.id} (${b.date}) at ${b.x}`);
          }
          for (let d = layout.start; d <= layout.end; d++) if (layout.x(d) > layout.x(d + 1)) wrong.push(`day ${d} is right of the next`);
          expect(wrong).toEqual([]);
          // Every year keeps at least its share of the linear scale, so the year lines are readable.
          for (const y of layout.years) expect(y.x1 - y.x0).toBeGreaterThanOrEqual(60);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("edition labels never collide, and each one's leader line down to the lanes crosses no other label", () => {
    fc.assert(
      fc.property(randomDataset, (dataset) => {
        const layout = layoutTimeline(new SiteModel(dataset), "pair");
        expect(collisions(layout.editions.map((e) => ({ name: e.entry.edition.id, box: e.labelBox })))).toEqual([]);
        for (const e of layout.editions) {
          const leader: Box = { x: e.x0, y: e.labelBox.y, width: 0.01, height: layout.top - e.labelBox.y };
          for (const o of layout.editions) if (o !== e) expect(intersects(leader, o.labelBox), `${e.entry.edition.id} leader × ${o.entry.edition.id}`).toBe(false);
          expect(e.labelBox.y + e.labelBox.height).toBeLessThanOrEqual(layout.top);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("everything drawn lies inside the picture", () => {
    fc.assert(
      fc.property(randomDataset, (dataset) => {
        for (const mode of modes) {
          const layout = layoutTimeline(new SiteModel(dataset), mode);
          for (const { name, box } of drawn(layout)) {
            expect(box.x, name).toBeGreaterThanOrEqual(0);
            expect(box.y, name).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, name).toBeLessThanOrEqual(layout.width);
            expect(box.y + box.height, name).toBeLessThanOrEqual(layout.height);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("timeline page without JavaScript", () => {
  const html = renderTimelinePage({ model, path: "timeline.html" });

  it("lists every dated meeting once, numbered as its marks, with what the filters match it by", () => {
    const items = [...html.matchAll(/<li value="(\d+)" data-meeting="([^"]+)" data-style="([a-z-]+)" data-actors="([^"]+)" data-forum="([^"]*)" data-year="(\d+)">/g)].map((m) => ({ number: Number(m[1]), id: m[2]!, style: m[3]!, actors: m[4]!.split(" "), forum: m[5]!, year: Number(m[6]) }));
    const dated = model.dataset.meetings.filter((m) => model.meetingDate(m));
    expect(items.map((i) => i.id).sort()).toEqual(dated.map((m) => m.id).sort());
    for (const item of items) expect(marks.find((m) => m.id === item.id)!.number).toBe(item.number);
    const declined = items.find((i) => i.id === "m-declined")!;
    expect(declined).toMatchObject({ style: "declined", forum: "forum-1", year: 2022 });
    expect(declined.actors).toEqual(["a", "b", "state-a", "state-b"]);
  });

  it("has the filters as a GET form, hidden until the script shows it (without the script it would do nothing)", () => {
    expect(html).toMatch(/<form class="timeline-filters" id="timeline-filters" action="timeline.html" method="get" aria-labelledby="filters-h" hidden>/);
    for (const name of ["status", "actor", "forum", "from", "to"]) expect(html).toContain(`name="${name}"`);
    expect(html).toContain('<script src="assets/timeline.js" defer></script>');
  });
});
