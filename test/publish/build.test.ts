/**
 * `npm run build` on the fixture dataset: what a release contains, its normalized and derived fields,
 * the CSV tables and their Frictionless description, the manifest and checksums, and refusal on errors.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { DataErrors, type RecordList, type SourceRecords } from "../../scripts/lib/publish/collect.ts";
import { derive } from "../../scripts/lib/publish/derive.ts";
import { publicAjv } from "../../scripts/lib/publish/pipeline.ts";
import { cell, CSV_OPTIONS, csvRows, csvText, neutraliseFormulaCell, restoreFormulaCell } from "../../scripts/lib/publish/csv/cells.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../../scripts/lib/record-types.ts";
import type { Dataset, DatasetMetadata, Manifest, Sanction, PublishedActor, PublishedForum, PublishedIncident, PublishedMeeting } from "../../scripts/lib/types.generated.ts";
import type { JsonSchema } from "../../scripts/lib/schemas.ts";
import { fixtureRecords, removeTempDirs, writeFixture } from "./fixture.ts";
import { tempDir } from "../temp-dirs.ts";
import { writeRecordFiles } from "../../scripts/lib/publish/record-files.ts";
import { OutputDir } from "../../scripts/lib/publish/output-file.ts";
import type { PublishedRecords } from "../../scripts/lib/publish/records.ts";
import { jsonText } from "../../scripts/lib/json-text.ts";
import { OUTPUT_MARKER } from "../../scripts/lib/output-guard.ts";

afterAll(removeTempDirs);

type Obj = Record<string, unknown>;
let root: string;
let out: string;
const read = (rel: string): string => fs.readFileSync(path.join(out, rel), "utf8");
const json = <T>(rel: string): T => JSON.parse(read(rel)) as T;
const csv = (rel: string): Obj[] => parseCsv(read(rel), { columns: true }) as Obj[];

beforeAll(async () => {
  root = writeFixture();
  out = path.join(root, "dist");
  await build({ root, env: {} });
}, 60_000);

describe("release contents", () => {
  it("has every promised file", () => {
    const plural = RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].plural);
    for (const p of plural) {
      expect(fs.existsSync(path.join(out, `json/${p}.json`)), `json/${p}.json`).toBe(true);
      expect(fs.existsSync(path.join(out, `ndjson/${p}.ndjson`)), `ndjson/${p}.ndjson`).toBe(true);
      expect(fs.existsSync(path.join(out, `csv/${p}.csv`)), `csv/${p}.csv`).toBe(true);
    }
    for (const link of ["meeting_participants", "meeting_status_changes", "incident_actors", "forum_edition_delegations", "sanction_targets", "sanction_measures", "actor_positions", "forum_editions", "sources"]) expect(fs.existsSync(path.join(out, `csv/${link}.csv`)), link).toBe(true);
    for (const f of ["dataset.json", "datapackage.json", "manifest.json", "quality.json", "SHA256SUMS", "lib/package/index.js", "lib/package/index.d.ts", "lib/types.generated.d.ts"]) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    for (const s of ["defs", "actor", "sanction", "incident", "meeting", "forum", "tombstone", "dataset", "manifest", "quality"]) expect(fs.existsSync(path.join(out, `schemas/${s}.schema.json`)), s).toBe(true);
  });

  it("keeps nothing the build used on the way (its scratch files, DuckDB's spill folders): the one hidden entry is the release marker", () => {
    const hidden = fs
      .readdirSync(out, { recursive: true, encoding: "utf8" })
      .filter((rel) => rel.split(path.sep).some((part) => part.startsWith(".")))
      .sort();
    expect(hidden).toEqual([OUTPUT_MARKER]);
  });

  it("writes each type sorted by id, the same in json/, ndjson/ and dataset.json", () => {
    const dataset = json<Dataset>("dataset.json");
    for (const t of RECORD_TYPE_NAMES) {
      const p = RECORD_TYPES[t].plural;
      const list = json<Array<{ id: string }>>(`json/${p}.json`);
      expect(list.map((r) => r.id)).toEqual([...list.map((r) => r.id)].sort());
      expect(list.length).toBe(fixtureRecords()[t].length);
      const lines = read(`ndjson/${p}.ndjson`).split("\n");
      expect(lines.pop()).toBe("");
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(list);
      expect(dataset[p as keyof Dataset]).toEqual(list);
    }
    expect(dataset.metadata).toMatchObject({ name: "sidelines", version: expect.stringMatching(/^\d+\.\d+\.\d+/), source_commit: "unknown", source_date: "unknown", record_counts: { actor: 10, sanction: 1, incident: 1, meeting: 4, forum: 1, tombstone: 1 } });
  });

  it("writes the JSON files in exactly their canonical forms, though they are written record by record", () => {
    // json/: jsonText(list, 2); ndjson/: one jsonText(record) per line; dataset.json: jsonText of the
    // whole, pretty. Each with a final newline. (jsonText is JSON.stringify with U+2028 and U+2029 escaped.)
    const dataset = json<Dataset>("dataset.json");
    expect(read("dataset.json")).toBe(`${jsonText(dataset, 2)}\n`);
    expect(Object.keys(dataset)).toEqual(["metadata", ...RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].plural)]);
    for (const t of RECORD_TYPE_NAMES) {
      const p = RECORD_TYPES[t].plural;
      const list = json<unknown[]>(`json/${p}.json`);
      expect(read(`json/${p}.json`), p).toBe(`${jsonText(list, 2)}\n`);
      expect(read(`ndjson/${p}.ndjson`), p).toBe(list.map((r) => `${jsonText(r)}\n`).join(""));
    }
  });

  it("escapes U+2028 and U+2029 in every JSON file, so that line-splitting readers never cut a record", () => {
    const li = json<PublishedActor[]>("json/actors.json").find((a) => a.id === "li-shangfu")!;
    expect(li.summary).toContain("\u2028");
    const jsonFiles = fs.readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => /\.(json|ndjson)$/.test(f));
    expect(jsonFiles.length).toBeGreaterThan(10);
    for (const f of jsonFiles) expect(read(f), f).not.toMatch(/[\u2028\u2029\u0080-\u009f]/);
    // What Python's str.splitlines() does: U+2028 and U+2029 end lines too.
    for (const t of RECORD_TYPE_NAMES) {
      const p = RECORD_TYPES[t].plural;
      const lines = read(`ndjson/${p}.ndjson`).split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).filter(Boolean);
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(json<unknown[]>(`json/${p}.json`));
    }
  });

  it("writes empty types in the canonical forms too", () => {
    const dir = tempDir("sidelines-empty-");
    const empty = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, []])) as unknown as PublishedRecords;
    const metadata: DatasetMetadata = { name: "sidelines", title: "Sidelines", version: "0.0.0", license: "CC-BY-4.0", code_license: "MIT", citation: { bibtex: "@misc{x}", apa: "x" }, source_commit: "unknown", source_date: "unknown", record_counts: { actor: 0, sanction: 0, incident: 0, meeting: 0, forum: 0, tombstone: 0 } };
    writeRecordFiles(empty, metadata, new OutputDir(dir));
    const plural = RECORD_TYPE_NAMES.map((t) => RECORD_TYPES[t].plural);
    expect(fs.readFileSync(path.join(dir, "dataset.json"), "utf8")).toBe(`${JSON.stringify({ metadata, ...Object.fromEntries(plural.map((p) => [p, []])) }, null, 2)}\n`);
    for (const p of plural) {
      expect(fs.readFileSync(path.join(dir, `json/${p}.json`), "utf8")).toBe("[]\n");
      expect(fs.readFileSync(path.join(dir, `ndjson/${p}.ndjson`), "utf8")).toBe("");
    }
  });

  it("writes each CSV in exactly the form of one csv-stringify call over the whole table", () => {
    for (const f of fs.readdirSync(path.join(out, "csv"))) {
      const rows = parseCsv(read(`csv/${f}`)) as string[][];
      expect(read(`csv/${f}`), f).toBe(stringify(rows, CSV_OPTIONS));
    }
  });

  it("quotes awkward cells exactly as csv-stringify does", () => {
    const awkward = ["", " ", "a", " a", "a ", "\ta", "a\u00a0", "\u2028x", "a,b", 'say "hi"', '"', '""', "a\nb", "a\rb", "a\r\nb", "'=1", "x;y", "ünï cödé", "\u3000"];
    const rows = [awkward, ...awkward.map((v) => [v, v]), [], [""]];
    expect(csvRows(rows)).toBe(stringify(rows, CSV_OPTIONS));
    expect(csvText(["h", "b c"], rows)).toBe(stringify([["h", "b c"], ...rows], CSV_OPTIONS));
  });

  it("every published record matches its public schema (ajv, strict)", () => {
    const schemas = new Map(fs.readdirSync(path.join(out, "schemas")).map((f) => [f, json<JsonSchema>(`schemas/${f}`)]));
    const ajv = publicAjv(schemas);
    const check = (ref: string, value: unknown): void => {
      const validate = ajv.getSchema(ref)!;
      expect(validate(value), `${ref}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };
    check("dataset.schema.json", json("dataset.json"));
    check("manifest.schema.json", json("manifest.json"));
    check("quality.schema.json", json("quality.json"));
    for (const t of RECORD_TYPE_NAMES) check(`dataset.schema.json#/properties/${RECORD_TYPES[t].plural}`, json(`json/${RECORD_TYPES[t].plural}.json`));
  });
});

describe("normalization", () => {
  it("orders keys as the public schema does, with derived fields last", () => {
    const schema = json<JsonSchema>("schemas/meeting.schema.json");
    const order = Object.keys(schema.properties as Obj);
    for (const m of json<Obj[]>("json/meetings.json")) {
      const keys = Object.keys(m);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
    }
    expect(order.slice(-3)).toEqual(["cameo", "participant_sanctioned", "sanctioned_participants"]);
    expect((schema.properties as Record<string, Obj>).participant_sanctioned).toMatchObject({ readOnly: true, "x-derived": true, description: expect.stringMatching(/^Derived: /) });
  });

  it("fills absent top-level lists with [] and marks them required in the public schema", () => {
    const held = json<PublishedMeeting[]>("json/meetings.json").find((m) => m.id === "austin-li-shangfu-handshake-2023")!;
    expect(held.status_history).toEqual([]);
    expect(held.topics).toEqual([]);
    expect(held.claims).toEqual([]);
    const state = json<PublishedActor[]>("json/actors.json").find((a) => a.id === "china")!;
    expect(state.positions).toEqual([]);
    expect(json<JsonSchema>("schemas/actor.schema.json").required).toContain("positions");
  });

  it("trims text and keeps partial dates as written", () => {
    const austin = json<PublishedActor[]>("json/actors.json").find((a) => a.id === "lloyd-austin")!;
    expect(austin.summary).toBe('=HYPERLINK("https://evil.example.com","click") is not a formula here.');
    const declined = json<PublishedMeeting[]>("json/meetings.json").find((m) => m.status === "declined")!;
    expect(declined.status_history.map((s) => s.date)).toEqual(["2023-05", "2023-05-29"]);
  });
});

describe("derived fields", () => {
  const meeting = (id: string): PublishedMeeting => json<PublishedMeeting[]>("json/meetings.json").find((m) => m.id === id)!;

  it("lists the meetings and sanctions that involve each actor", () => {
    const li = json<PublishedActor[]>("json/actors.json").find((a) => a.id === "li-shangfu")!;
    expect(li.meeting_ids).toEqual(["austin-li-shangfu-handshake-2023", "austin-li-shangfu-shangri-la-2023"]);
    expect(li.sanction_ids).toEqual(["us-caatsa-231-2018-edd-li-shangfu"]);
    const us = json<PublishedActor[]>("json/actors.json").find((a) => a.id === "united-states")!;
    expect(us.sanction_ids).toEqual(["us-caatsa-231-2018-edd-li-shangfu"]);
  });

  it("lists on each incident the meetings whose status changes cite it", () => {
    const pelosi = json<PublishedIncident[]>("json/incidents.json").find((i) => i.id === "pelosi-taiwan-visit-2022")!;
    expect(pelosi.meeting_ids).toEqual(["us-china-theater-commanders-talk-cancelled-2022"]);
    expect(meeting("us-china-theater-commanders-talk-cancelled-2022").status_history[0]!.incidents).toEqual(["pelosi-taiwan-visit-2022"]);
  });

  it("an incident no status change cites lists no meetings", async () => {
    const records = fixtureRecords();
    delete (records.meeting.find((m) => m.id === "us-china-theater-commanders-talk-cancelled-2022")!.status_history as Obj[])[0]!.incidents;
    const dir = writeFixture(records);
    await build({ root: dir, env: {} });
    const incidents = JSON.parse(fs.readFileSync(path.join(dir, "dist/json/incidents.json"), "utf8")) as PublishedIncident[];
    expect(incidents.map((i) => [i.id, i.meeting_ids])).toEqual([["pelosi-taiwan-visit-2022", []]]);
  }, 60_000);

  it("flags meetings where a participant was under a sanction imposed on behalf of another participant's state", () => {
    // Dated by its forum edition (2023-06-02): the 2018 sanction was in effect.
    expect(meeting("austin-li-shangfu-shangri-la-2023")).toMatchObject({
      participant_sanctioned: true,
      sanctioned_participants: ["li-shangfu"],
    });
    expect(meeting("austin-li-shangfu-handshake-2023").participant_sanctioned).toBe(true);
    expect(meeting("austin-wei-fenghe-shangri-la-2022")).toMatchObject({ participant_sanctioned: false, sanctioned_participants: [] });
  });

  /** Source records as arrays (any RecordList will do for derive). */
  type SourceArrays = { [K in keyof SourceRecords]: Array<SourceRecords[K] extends RecordList<infer T> ? T : never> };

  it("lists a participant once however many sanctions it is under: no derived field grows as sanctions × meetings", () => {
    const records = fixtureRecords() as unknown as SourceArrays;
    const base = records.sanction[0]!;
    // 300 more sanctions on the same target: ended before the meeting, starting after it, and one in effect.
    const more = Array.from({ length: 300 }, (_, i): Sanction => ({ ...base, id: `extra-${i}`, ...(i === 150 ? {} : i % 2 ? { ended: "2019-01" } : { announced: "2024-01-01" }) }));
    const m = (rs: SourceRecords): unknown => derive(rs).meeting.find((x) => x.id === "austin-li-shangfu-shangri-la-2023");
    expect(m({ ...records, sanction: [...more, base] })).toMatchObject({ participant_sanctioned: true, sanctioned_participants: ["li-shangfu"] });
    // Only the one in effect on the day (the 151st) makes it true; the others ended before or began after.
    expect(m({ ...records, sanction: more.filter((_, i) => i !== 150) })).toMatchObject({ participant_sanctioned: false, sanctioned_participants: [] });
    expect(m({ ...records, sanction: more })).toMatchObject({ participant_sanctioned: true, sanctioned_participants: ["li-shangfu"] });
  });

  it("counts a sanction imposed on behalf of an organisation for a state that was a member of it on the meeting's date", () => {
    const records = fixtureRecords() as unknown as SourceArrays;
    // The fixture's sanction, as if imposed on behalf of an organisation instead of the United States.
    const byOrg: Sanction = { ...records.sanction[0]!, id: "org-sanction", on_behalf_of: "org-x" };
    const withMembership = (membership: Record<string, string> | undefined): SourceArrays => ({
      ...records,
      sanction: [byOrg],
      actor: records.actor.map((a) => (a.id === "united-states" && membership ? { ...a, memberships: [{ organisation: "org-x", source: a.sources[0]!.key!, ...membership }] } : a)) as SourceArrays["actor"],
    });
    const m = (rs: SourceRecords): unknown => derive(rs).meeting.find((x) => x.id === "austin-li-shangfu-shangri-la-2023");
    const flagged = { participant_sanctioned: true, sanctioned_participants: ["li-shangfu"] };
    const not = { participant_sanctioned: false, sanctioned_participants: [] };
    // The meeting is dated 2023-06-02 (its forum edition).
    expect(m(withMembership(undefined))).toMatchObject(not);
    expect(m(withMembership({ start: "2004-05-01" }))).toMatchObject(flagged);
    expect(m(withMembership({ start: "2004-05-01", end: "2023-12-31" }))).toMatchObject(flagged);
    // Not yet a member, no longer one, or a membership that may have begun after the day.
    expect(m(withMembership({ start: "2024-01-01" }))).toMatchObject(not);
    expect(m(withMembership({ start: "2004-05-01", end: "2020-01-31" }))).toMatchObject(not);
    expect(m(withMembership({ start: "2023" }))).toMatchObject(not);
  });

  it("gives CAMEO codes to status changes and to the current status", () => {
    const declined = meeting("austin-li-shangfu-shangri-la-2023");
    expect(declined.status_history.map((s) => [s.status, s.cameo])).toEqual([
      ["proposed", "036"],
      ["declined", "125"],
    ]);
    expect(declined.cameo).toBe("125");
    // Held in Singapore, away from both the US and China: meet at a third location.
    expect(meeting("austin-wei-fenghe-shangri-la-2022").cameo).toBe("044");
  });

  it("a sanction that ended before the meeting does not count", async () => {
    const records = fixtureRecords();
    Object.assign(records.sanction[0]!, { status: "lifted", ended: "2023-01", responses: [] });
    const dir = writeFixture(records);
    await build({ root: dir, env: {} });
    const meetings = JSON.parse(fs.readFileSync(path.join(dir, "dist/json/meetings.json"), "utf8")) as PublishedMeeting[];
    expect(meetings.find((m) => m.id === "austin-li-shangfu-shangri-la-2023")!.participant_sanctioned).toBe(false);
  }, 60_000);

  it("a designation (a listing without measures) does not count, and is published with its kind", async () => {
    const records = fixtureRecords();
    const s = records.sanction[0]! as Record<string, unknown>;
    delete s.measures;
    Object.assign(s, { kind: "designation", lists: [{ list: "caatsa-231-lsp" }], responses: [] });
    const dir = writeFixture(records);
    await build({ root: dir, env: {} });
    const meetings = JSON.parse(fs.readFileSync(path.join(dir, "dist/json/meetings.json"), "utf8")) as PublishedMeeting[];
    expect(meetings.find((m) => m.id === "austin-li-shangfu-shangri-la-2023")).toMatchObject({ participant_sanctioned: false, sanctioned_participants: [] });
    const sanctions = JSON.parse(fs.readFileSync(path.join(dir, "dist/json/sanctions.json"), "utf8")) as Array<Record<string, unknown>>;
    expect(sanctions[0]).toMatchObject({ kind: "designation", measures: [] });
  }, 120_000);

  it("a sanction that does not say its kind is published as `kind: sanction`", () => {
    expect(json<Array<Record<string, unknown>>>("json/sanctions.json").map((x) => x.kind)).toEqual(expect.arrayContaining(["sanction"]));
    expect(json<JsonSchema>("schemas/sanction.schema.json").required).toContain("kind");
  });
});

describe("CSV", () => {
  const datapackage = (): { resources: Array<{ name: string; path: string; bytes: number; hash: string; schema: { fields: Array<{ name: string; type: string; description: string; constraints?: Obj }>; primaryKey: string[] } }> } => json("datapackage.json");

  it("describes every CSV in datapackage.json, with its header, size and hash", () => {
    const resources = datapackage().resources;
    // Every CSV of the release: the tables in csv/ and the event rows in events/.
    const csvFiles = ["csv", "events"].flatMap((dir) => fs.readdirSync(path.join(out, dir)).filter((f) => f.endsWith(".csv")).map((f) => `${dir}/${f}`)).sort();
    expect(csvFiles).toContain("events/events.csv");
    expect(resources.map((r) => r.path).sort()).toEqual(csvFiles);
    for (const r of resources) {
      const text = read(r.path);
      expect(r.bytes).toBe(Buffer.byteLength(text));
      expect(r.hash).toBe(`sha256:${execFileSync("sha256sum", [path.join(out, r.path)], { encoding: "utf8" }).split(" ")[0]}`);
      expect(text.split("\n")[0]).toBe(r.schema.fields.map((f) => f.name).join(","));
      for (const f of r.schema.fields) expect(f.description, `${r.name}.${f.name}`).not.toBe("");
    }
  });

  it("reads field types and allowed values from the public schema", () => {
    const fields = Object.fromEntries(datapackage().resources.find((r) => r.name === "meetings")!.schema.fields.map((f) => [f.name, f]));
    expect(fields.duration_minutes!.type).toBe("integer");
    expect(fields.virtual!.type).toBe("boolean");
    expect(fields.topics!.type).toBe("array");
    expect(fields.status!.constraints).toMatchObject({ required: true, enum: expect.arrayContaining(["declined", "held"]) });
    expect(fields.id!.constraints).toMatchObject({ required: true, unique: true });
  });

  it("writes one row per list item in the link tables", () => {
    expect(csv("csv/meeting_participants.csv").filter((r) => r.meeting_id === "austin-li-shangfu-shangri-la-2023")).toEqual([
      { meeting_id: "austin-li-shangfu-shangri-la-2023", item_index: "0", actor_id: "lloyd-austin", role: "principal", on_behalf_of: "united-states" },
      { meeting_id: "austin-li-shangfu-shangri-la-2023", item_index: "1", actor_id: "li-shangfu", role: "principal", on_behalf_of: "china" },
    ]);
    expect(csv("csv/sanction_targets.csv").map((r) => r.actor_id)).toEqual(["cmc-equipment-development-department", "li-shangfu"]);
    expect(csv("csv/sanction_measures.csv").map((r) => [r.type, r.targets])).toEqual([
      ["export-licence-denial", "[]"],
      ["visa-ban", '["li-shangfu"]'],
    ]);
    expect(csv("csv/actor_positions.csv").filter((r) => r.actor_id === "li-shangfu").map((r) => r.end_reason)).toEqual(["reassigned", "removed"]);
    expect(csv("csv/forum_editions.csv").map((r) => r.id)).toEqual(["shangri-la-dialogue-2022", "shangri-la-dialogue-2023"]);
    expect(csv("csv/meeting_status_changes.csv").map((r) => [r.meeting_id, r.cameo, r.incidents])).toEqual([
      ["austin-li-shangfu-shangri-la-2023", "036", ""],
      ["austin-li-shangfu-shangri-la-2023", "125", ""],
      ["us-china-theater-commanders-talk-cancelled-2022", "125", '["pelosi-taiwan-visit-2022"]'],
    ]);
    expect(csv("csv/forum_edition_delegations.csv")).toEqual([
      { forum_id: "shangri-la-dialogue", edition_index: "1", edition_id: "shangri-la-dialogue-2023", item_index: "0", state: "united-states", level: "minister", head: "lloyd-austin", head_title: "", source: "iiss", note: "" },
      { forum_id: "shangri-la-dialogue", edition_index: "1", edition_id: "shangri-la-dialogue-2023", item_index: "1", state: "china", level: "minister", head: "li-shangfu", head_title: "Minister of National Defense", source: "iiss", note: "'=1+1" },
    ]);
    expect(json<PublishedForum[]>("json/forums.json")[0]!.editions.map((e) => (e.delegations ?? []).map((d) => [d.state, d.level]))).toEqual([[], [["united-states", "minister"], ["china", "minister"]]]);
    expect(csv("csv/incident_actors.csv")).toEqual([
      { incident_id: "pelosi-taiwan-visit-2022", item_index: "0", actor_id: "united-states", role: "by" },
      { incident_id: "pelosi-taiwan-visit-2022", item_index: "1", actor_id: "china", role: "target" },
    ]);
    expect(csv("csv/incidents.csv")).toEqual([
      { id: "pelosi-taiwan-visit-2022", kind: "visit", title: "Nancy Pelosi's visit to Taiwan", date: "2022-08-02", date_from: "2022-08-02", date_to: "2022-08-02", date_edtf: "2022-08-02", end: "2022-08-03", end_from: "2022-08-03", end_to: "2022-08-03", end_edtf: "2022-08-03", location_venue: "", location_city: "Taipei", location_country: "", summary: "", meeting_ids: '["us-china-theater-commanders-talk-cancelled-2022"]' },
    ]);
  });

  it("neutralises cells a spreadsheet would run as formulas, reversibly, and says so in the field descriptions", async () => {
    const records = fixtureRecords();
    const values = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "'=already quoted", "''+twice", "plain", "'just a quote"];
    records.meeting[0]!.topics = values; // a JSON-array cell: never a formula
    values.forEach((v, i) => (records.meeting[i % 3]!.summary = v)); // last writer wins per meeting
    const sanction = records.sanction[0]!;
    sanction.targets = (sanction.targets as Obj[]).map((t, i) => ({ ...t, note: values[i] }));
    sanction.reason = "@evil";
    const dir = writeFixture(records);
    await build({ root: dir, env: {} });
    const text = fs.readFileSync(path.join(dir, "dist/csv/sanction_targets.csv"), "utf8");
    const rows = parseCsv(text, { columns: true }) as Obj[];
    expect(rows.map((r) => r.note)).toEqual(["'=1+1", "'+SUM(A1:A2)"]);
    expect(rows.map((r) => restoreFormulaCell(String(r.note)))).toEqual(["=1+1", "+SUM(A1:A2)"]);
    const sanctions = parseCsv(fs.readFileSync(path.join(dir, "dist/csv/sanctions.csv"), "utf8"), { columns: true }) as Obj[];
    expect(sanctions[0]!.reason).toBe("'@evil");
    const meetings = parseCsv(fs.readFileSync(path.join(dir, "dist/csv/meetings.csv"), "utf8"), { columns: true }) as Obj[];
    for (const m of meetings) {
      const original = (JSON.parse(fs.readFileSync(path.join(dir, "dist/json/meetings.json"), "utf8")) as Obj[]).find((x) => x.id === m.id)!.summary;
      expect(restoreFormulaCell(String(m.summary))).toBe(original);
      expect(String(m.summary)).not.toMatch(/^[=+\-@\t\r]/);
    }
    // The JSON keeps the text as written.
    expect((JSON.parse(fs.readFileSync(path.join(dir, "dist/json/sanctions.json"), "utf8")) as Obj[])[0]!.reason).toBe("@evil");
    const field = datapackage().resources.find((r) => r.name === "sanction-targets")!.schema.fields.find((f) => f.name === "note")!;
    expect(field.description).toMatch(/one ' put in front so that spreadsheets do not run it as a formula/);
  }, 60_000);

  it("neutralises tab and carriage-return starts too, and every rule round-trips", () => {
    for (const v of ["=x", "+x", "-x", "@x", "\tx", "\rx", "'=x", "''@x", "'x", "x=", "", "'", "''"]) {
      const cell = neutraliseFormulaCell(v);
      expect(cell, JSON.stringify(v)).not.toMatch(/^[=+\-@\t\r]/);
      expect(restoreFormulaCell(cell)).toBe(v);
    }
    // Through a real CSV writer and parser: the cell survives quoting.
    const values = ["\tx", "\rx", "=a,b", '+"q"', "-1\n=2"];
    const text = csvText(["a"], values.map((v) => [cell(v)]));
    const parsed = (parseCsv(text, { columns: true }) as Obj[]).map((r) => String(r.a));
    expect(parsed.every((c) => c.startsWith("'"))).toBe(true);
    expect(parsed.map(restoreFormulaCell)).toEqual(values);
  });
});

describe("manifest and checksums", () => {
  it("lists the sha256 of every file, and SHA256SUMS passes sha256sum -c", () => {
    const manifest = json<Manifest>("manifest.json");
    const all = execFileSync("find", [".", "-type", "f"], { cwd: out, encoding: "utf8" }).trim().split("\n").map((f) => f.slice(2)).sort();
    expect(Object.keys(manifest.files).sort()).toEqual(all.filter((f) => f !== "manifest.json" && f !== "SHA256SUMS"));
    expect(manifest.record_counts.meeting).toBe(4);
    expect(manifest.record_counts.incident).toBe(1);
    // The sourcing figures: all of them in quality.json, the overall ones in the manifest too.
    const quality = json<{ overall: Manifest["quality"]; records: Record<string, string> }>("quality.json");
    expect(manifest.quality).toEqual(quality.overall);
    expect(manifest.quality.records).toBe(Object.keys(quality.records).length);
    expect(manifest.files["quality.json"]).toBeDefined();
    const sums = read("SHA256SUMS").trim().split("\n").map((l) => l.split("  ")[1]);
    expect(sums).toEqual(all.filter((f) => f !== "SHA256SUMS"));
    expect(execFileSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: out, encoding: "utf8" })).toBe("");
  });

  it("takes the release time from SOURCE_DATE_EPOCH when the data is not a git checkout", async () => {
    const dir = writeFixture();
    await build({ root: dir, env: { SOURCE_DATE_EPOCH: "1685664000" } });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "dist/manifest.json"), "utf8")) as Manifest;
    expect(manifest).toMatchObject({ source_commit: "unknown", source_date: "2023-06-02T00:00:00Z" });
    expect((JSON.parse(fs.readFileSync(path.join(dir, "dist/datapackage.json"), "utf8")) as Obj).created).toBe("2023-06-02T00:00:00Z");
  }, 60_000);
});

describe("refusal", () => {
  it("never replaces a folder that is not a release, nor the data", async () => {
    const dir = writeFixture();
    const other = path.join(dir, "notes");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "keep.txt"), "mine");
    await expect(build({ root: dir, out: other, env: {} })).rejects.toThrow(/refusing to write the release to .*notes: it is not empty and was not made by npm run build/);
    expect(fs.readFileSync(path.join(other, "keep.txt"), "utf8")).toBe("mine");
    await expect(build({ root: dir, out: dir, env: {} })).rejects.toThrow(/it is the repository/);
    await expect(build({ root: dir, out: path.join(dir, "data", "dist"), env: {} })).rejects.toThrow(/it is inside the data/);
    expect(fs.existsSync(path.join(dir, "data", "actors", "li-shangfu.yaml"))).toBe(true);
  }, 60_000);

  it("refuses to build when the data has an error, writing nothing", async () => {
    const records = fixtureRecords();
    (records.meeting[0]!.participants as Obj[])[0]!.actor = "lloyd-austen";
    const dir = writeFixture(records);
    const error = await build({ root: dir, env: {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataErrors);
    expect((error as DataErrors).diagnostics.map((d) => d.code)).toContain("REF001");
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
  }, 60_000);
});
