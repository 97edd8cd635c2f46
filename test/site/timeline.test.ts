/** The timeline SVG: a mark per meeting, shaped by status, on the right lane; sanction bands; editions. */
import "../loaded-machine.ts";
import { describe, expect, it } from "vitest";
import { SiteModel } from "../../scripts/lib/site/model.ts";
import { STATUS_STYLES, statusStyle } from "../../scripts/lib/site/status.ts";
import { layoutTimeline, renderTimelineSvg } from "../../scripts/lib/site/timeline.ts";
import { smallDataset } from "./helpers.ts";

const model = new SiteModel(smallDataset());
const ctx = { model, path: "timeline.html" };
const svg = renderTimelineSvg(ctx, layoutTimeline(model, "pair"), { id: "t", title: "Test timeline" }).value;
/** Each mark link: its attributes and the shape element drawn after its hit area. */
const marks = [...svg.matchAll(/<a class="mark mark-([a-z-]+)" href="([^"]+)" aria-label="([^"]+)" data-meeting="([^"]+)" data-status="([^"]+)"><title>([^<]+)<\/title><circle class="hit"[^>]*\/>(<(circle|rect|path)[^>]*\/>)<\/a>/g)].map((m) => ({ style: m[1]!, href: m[2]!, label: m[3]!, id: m[4]!, status: m[5]!, title: m[6]!, shape: m[7]!, tag: m[8]! }));

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
    }
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
    expect(svg).toMatch(/^<svg class="timeline" id="t" viewBox="0 0 1000 [\d.]+"[^>]* role="group" aria-labelledby="t-title t-desc"/);
    const desc = /<desc id="t-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
    for (const m of model.dataset.meetings.filter((x) => x.id !== "m-undated")) expect(desc).toContain(m.title);
  });

  it("stacks marks that would overlap instead of drawing them on top of each other", () => {
    const crowded = new SiteModel(smallDataset((d) => d.meetings.forEach((m) => (m.date = "2021-03-01"))));
    const [lane] = layoutTimeline(crowded, "pair").lanes;
    expect(new Set(lane!.marks.map((k) => k.row)).size).toBe(lane!.marks.length);
  });
});
