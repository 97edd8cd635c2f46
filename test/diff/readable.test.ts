/**
 * The diff people read in pull requests and release notes: derived fields (`meeting_ids`,
 * `participant_sanctioned`…) compared as sets and summarised, corrections counted only for fields a
 * contributor wrote, a one-record change in a few lines (golden file), and tombstones treated as the
 * public contract they are (removing or re-pointing one is breaking).
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDataset } from "../../scripts/lib/publish/pipeline.ts";
import { derivedFields, diffRecords, type DerivedFields, type RecordsByType } from "../../scripts/lib/diff/diff-records.ts";
import { diffMarkdown } from "../../scripts/lib/diff/format-diff.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import { fixtureRecords, removeTempDirs, writeFixture } from "../publish/fixture.ts";

afterAll(removeTempDirs);

const GOLDEN = path.join(import.meta.dirname, "golden");

async function published(records: ReturnType<typeof fixtureRecords>): Promise<{ records: RecordsByType; derived: DerivedFields }> {
  const { published, schemas } = await publishDataset(writeFixture(records), false);
  const out: RecordsByType = {};
  for (const t of RECORD_TYPE_NAMES) out[RECORD_TYPES[t].plural] = published[t] as unknown as Array<Record<string, unknown>>;
  return { records: out, derived: derivedFields(schemas) };
}

const NEW_MEETING = {
  id: "austin-li-shangfu-call-2023",
  title: "Proposed Austin–Li Shangfu call in 2023",
  kind: "call",
  status: "declined",
  status_history: [
    { status: "proposed", date: "2023-02", by: "us-department-of-defense", source: "dod" },
    { status: "declined", date: "2023-02-04", by: "china", source: "dod" },
  ],
  participants: [
    { actor: "lloyd-austin", role: "principal", on_behalf_of: "united-states" },
    { actor: "li-shangfu", role: "principal", on_behalf_of: "china" },
  ],
  sources: [{ key: "dod", url: "https://www.defense.gov/News/Releases/", publisher: "U.S. Department of Defense" }],
};

describe("a readable diff", () => {
  let base: Awaited<ReturnType<typeof published>>;
  beforeAll(async () => {
    base = await published(fixtureRecords());
  }, 120_000);

  it("adding one meeting: the derived lists of its participants are summarised as sets, nothing is 'corrected', and the Markdown is the golden file (under 15 lines)", async () => {
    const records = fixtureRecords();
    records.meeting.push(NEW_MEETING);
    const after = await published(records);
    const diff = diffRecords(base.records, after.records, [], after.derived);
    expect(diff.added).toEqual([{ type: "meetings", id: NEW_MEETING.id }]);
    expect(diff.changed).toEqual([]);
    // The participants and the states they acted for each gain the meeting.
    expect(diff.derived.map((d) => [d.id, d.field, d.summary])).toEqual(["china", "li-shangfu", "lloyd-austin", "united-states"].map((id) => [id, "meeting_ids", "+1 meeting"]));
    expect(diff.bump).toBe("minor");
    const md = diffMarkdown(diff, "v1.0.0", "v1.1.0");
    expect(md.split("\n").length).toBeLessThan(15);
    const golden = path.join(GOLDEN, "add-one-meeting.md");
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(golden, md);
    expect(md).toBe(fs.readFileSync(golden, "utf8"));
  }, 120_000);

  it("a list whose order changed but whose members did not is no change; a derived change never counts as a correction", () => {
    const actors = base.records.actors!.map((a) => (a.id === "lloyd-austin" ? { ...a, meeting_ids: [...(a.meeting_ids as string[])].reverse() } : a));
    const diff = diffRecords(base.records, { ...base.records, actors }, [], base.derived);
    expect(diff).toMatchObject({ changed: [], derived: [], bump: "none" });
  });

  it("a contributor's change that moves a derived field: the written field is the correction, the derived one is summarised", () => {
    const meetings = base.records.meetings!.map((m) => (m.id === "austin-li-shangfu-handshake-2023" ? { ...m, title: "Handshake", participant_sanctioned: !m.participant_sanctioned } : m));
    const diff = diffRecords(base.records, { ...base.records, meetings }, [], base.derived);
    expect(diff.changed).toEqual([{ type: "meetings", id: "austin-li-shangfu-handshake-2023", changes: [expect.objectContaining({ path: "/title", after: "Handshake" })] }]);
    expect(diff.derived.map((d) => d.field)).toEqual(["participant_sanctioned"]);
    expect(diff.reasons).toContain("1 record corrected");
  });
});

describe("tombstones are part of the public contract", () => {
  const tomb = { id: "old-name", type: "actor", change: "moved", to: ["new-name"], date: "2026-01-01", reason: "Renamed." };
  const before: RecordsByType = { actors: [{ id: "new-name" }, { id: "other" }], tombstones: [tomb] };

  it("removing a published tombstone is reported and is a major bump", () => {
    const diff = diffRecords(before, { ...before, tombstones: [] });
    expect(diff.tombstones).toEqual([{ id: "old-name", type: "actor", change: "removed", before: { change: "moved", to: ["new-name"] } }]);
    expect(diff.bump).toBe("major");
    expect(diffMarkdown(diff, "a", "b")).toContain("### Tombstones removed or re-pointed (1) — breaking");
    expect(diffMarkdown(diff, "a", "b")).not.toContain("No changes");
  });

  it("re-pointing one (another target, or another kind of change) is reported and is a major bump", () => {
    for (const changed of [{ ...tomb, to: ["other"] }, { ...tomb, change: "split", to: ["new-name", "other"] }]) {
      const diff = diffRecords(before, { ...before, tombstones: [changed] });
      expect(diff.tombstones).toEqual([expect.objectContaining({ id: "old-name", change: "re-pointed", after: { change: changed.change, to: changed.to } })]);
      expect(diff.bump).toBe("major");
      expect(diffMarkdown(diff, "a", "b")).toContain("re-pointed: moved → `new-name` became");
    }
  });

  it("correcting a tombstone's reason is a patch, and an unchanged tombstone is no change", () => {
    expect(diffRecords(before, { ...before, tombstones: [{ ...tomb, reason: "Spelling." }] })).toMatchObject({ tombstones: [], bump: "patch", changed: [{ type: "tombstones", id: "old-name" }] });
    expect(diffRecords(before, before)).toMatchObject({ tombstones: [], changed: [], bump: "none" });
  });
});
