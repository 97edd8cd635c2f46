/**
 * The interoperability exports of the real dataset, checked against the models their neighbours read:
 * FollowTheMoney (with the model shipped by @alephdata/followthemoney), Popolo (its own JSON Schemas,
 * draft-03, read with the `jsonschema` package) and event rows (CAMEO → PLOVER). Every record appears in
 * every export that can represent it, and no export invents a value the record does not give.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Model, defaultModel } from "@alephdata/followthemoney";
import { Validator } from "jsonschema";
import { ROOT } from "../../scripts/lib/paths.ts";
import { publishDataset } from "../../scripts/lib/publish/pipeline.ts";
import type { PublishedRecords } from "../../scripts/lib/publish/records.ts";
import { ftmEntities, ftmId, type FtmEntity } from "../../scripts/lib/interop/ftm.ts";
import { popolo } from "../../scripts/lib/interop/popolo.ts";
import { PopoloFile } from "../../scripts/lib/interop/popolo-file.ts";
import { OutputDir } from "../../scripts/lib/publish/output-file.ts";
import { jsonText } from "../../scripts/lib/json-text.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { CAMEO_TO_PLOVER, eventRows } from "../../scripts/lib/interop/events.ts";
import { certainDate } from "../../scripts/lib/interop/common.ts";

afterAll(removeTempDirs);

let records: PublishedRecords;
beforeAll(async () => {
  records = (await publishDataset(ROOT, false)).published;
}, 120_000);

const model = new Model(defaultModel);
const FTM_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

/** Every property of every entity that the FollowTheMoney model does not accept, in words. */
function ftmProblems(entities: readonly FtmEntity[]): string[] {
  const problems: string[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  if (byId.size !== entities.length) problems.push("duplicate entity ids");
  for (const e of entities) {
    const schema = model.getSchema(e.schema);
    if (!schema) {
      problems.push(`${e.id}: unknown schema ${e.schema}`);
      continue;
    }
    if (schema.abstract) problems.push(`${e.id}: abstract schema ${e.schema}`);
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        continue;
      }
      const prop = schema.getProperty(name);
      if (values.length === 0) problems.push(`${e.id}.${name}: empty`);
      for (const v of values) {
        if (typeof v !== "string" || v.trim() === "") problems.push(`${e.id}.${name}: not a non-empty string`);
        else if (prop.type.maxLength && v.length > prop.type.maxLength && prop.type.name !== "text") problems.push(`${e.id}.${name}: longer than ${prop.type.maxLength}`);
        if (prop.type.name === "date" && !FTM_DATE.test(v)) problems.push(`${e.id}.${name}: ${v} is not an FtM date`);
        if (prop.type.name === "country" && !model.types.country!.values.has(v)) problems.push(`${e.id}.${name}: ${v} is not an FtM country`);
        if (prop.type.name === "url" && !/^https?:\/\/[^/\s]+\.[^/\s]+/.test(v)) problems.push(`${e.id}.${name}: ${v} is not a URL`);
        if (prop.type.name === "entity") {
          const target = byId.get(v);
          if (!target) problems.push(`${e.id}.${name}: ${v} is not in the export`);
          else if (!model.getSchema(target.schema).isA(prop.getRange())) problems.push(`${e.id}.${name}: ${target.schema} is not a ${prop.getRange().name}`);
        }
      }
    }
  }
  return problems;
}

describe("FollowTheMoney", () => {
  it("every entity is valid against the model: 0 invalid properties", () => {
    const entities = ftmEntities(records);
    expect(ftmProblems(entities)).toEqual([]);
  });

  it("a state's membership of an organisation is a Membership of the state in it, with its dates", () => {
    const entities = ftmEntities(records);
    expect(entities.find((e) => e.id === "sidelines-membership-poland-0")).toEqual({ id: "sidelines-membership-poland-0", schema: "Membership", properties: { member: [ftmId("actor", "poland")], organization: [ftmId("actor", "european-union")], startDate: ["2004-05-01"] } });
  });

  it("the check is live: it reports an unknown property, a bad date, a bad country and a dangling entity", () => {
    const bad: FtmEntity[] = [
      { id: "a", schema: "Person", properties: { name: ["A"], shoeSize: ["42"], birthDate: ["early 2023"], citizenship: ["xx"] } },
      { id: "b", schema: "Event", properties: { involved: ["nobody"] } },
    ];
    const problems = ftmProblems(bad);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining("no property shoeSize"), expect.stringContaining("not an FtM date"), expect.stringContaining("not an FtM country"), expect.stringContaining("not in the export")]));
  });

  it("every record it can represent is there: actors, positions held, each sanction target, meetings, forum editions", () => {
    const entities = ftmEntities(records);
    const ids = new Set(entities.map((e) => e.id));
    for (const a of records.actor) expect(ids.has(ftmId("actor", a.id)), a.id).toBe(true);
    for (const m of records.meeting) expect(ids.has(ftmId("meeting", m.id)), m.id).toBe(true);
    for (const i of records.incident) expect(ids.has(ftmId("incident", i.id)), i.id).toBe(true);
    for (const f of records.forum) for (const e of f.editions) expect(ids.has(ftmId("edition", e.id)), e.id).toBe(true);
    const count = (schema: string) => entities.filter((e) => e.schema === schema).length;
    expect(count("Sanction")).toBe(records.sanction.reduce((n, s) => n + s.targets.length, 0));
    expect(count("Occupancy")).toBe(records.actor.reduce((n, a) => n + (a.positions?.length ?? 0), 0));
    expect(count("Person")).toBe(records.actor.filter((a) => a.kind === "person").length);
  });

  it("carries source URLs, and ids stay the record ids", () => {
    const e = ftmEntities(records).find((x) => x.id === ftmId("meeting", "austin-li-shangfu-shangri-la-2023"))!;
    expect(e.schema).toBe("Event");
    expect(e.properties.sourceUrl!.length).toBeGreaterThan(0);
    expect(e.properties.involved).toEqual(expect.arrayContaining([ftmId("actor", "lloyd-austin"), ftmId("actor", "li-shangfu")]));
  });
});

describe("no export invents a fact", () => {
  it("estimates and bounds are left out; early, mid and late keep the period they qualify", () => {
    expect(certainDate("circa 1958")).toBeUndefined();
    expect(certainDate("before 2018-09-22")).toBeUndefined();
    expect(certainDate("after 2021-08")).toBeUndefined();
    expect(certainDate("early 2023-05")).toBe("2023-05");
    expect(certainDate("2023-05-29")).toBe("2023-05-29");
  });

  it("a value the record lacks is absent, not empty or guessed", () => {
    for (const e of ftmEntities(records)) for (const [k, v] of Object.entries(e.properties)) expect(v.length, `${e.id}.${k}`).toBeGreaterThan(0);
    const noBirth = records.actor.filter((a) => a.kind === "person" && !a.born).map((a) => ftmId("actor", a.id));
    const entities = new Map(ftmEntities(records).map((e) => [e.id, e]));
    for (const id of noBirth) expect(entities.get(id)!.properties.birthDate).toBeUndefined();
  });
});

describe("Popolo", () => {
  const dir = path.join(ROOT, "test/conformance/popolo-schemas");
  const v = new Validator();
  const load = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8")) as { id: string };
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const s = load(f.replace(/\.json$/, ""));
    v.addSchema(s, s.id);
  }
  const validate = (item: unknown, name: string): string[] => v.validate(item, load(name), { nestedErrors: true }).errors.map((e) => `${e.property} ${e.message}`);

  it("persons, organizations, posts and memberships are valid against the Popolo schemas: 0 errors", () => {
    const p = popolo(records);
    const errors = [
      ...p.persons.flatMap((x) => validate(x, "person").map((e) => `${String(x.id)}: ${e}`)),
      ...p.organizations.flatMap((x) => validate(x, "organization").map((e) => `${String(x.id)}: ${e}`)),
      ...p.posts.flatMap((x) => validate(x, "post").map((e) => `${String(x.id)}: ${e}`)),
      ...p.memberships.flatMap((x) => validate(x, "membership").map((e) => `${String(x.id)}: ${e}`)),
    ];
    expect(errors).toEqual([]);
  });

  it("the validation is live: a bad date is refused", () => {
    expect(validate({ id: "x", name: "X", birth_date: "early 1958" }, "person").length).toBeGreaterThan(0);
  });

  it("holds every actor and every position held", () => {
    const p = popolo(records);
    expect(p.persons.length).toBe(records.actor.filter((a) => a.kind === "person").length);
    expect(p.organizations.length).toBe(records.actor.filter((a) => a.kind !== "person").length);
    expect(p.memberships.length).toBe(records.actor.reduce((n, a) => n + (a.positions?.length ?? 0), 0));
    const orgIds = new Set(p.organizations.map((o) => o.id));
    for (const m of p.memberships) expect(orgIds.has(m.organization_id), String(m.id)).toBe(true);
  });
});

describe("the Popolo file", () => {
  /** The bytes a PopoloFile writes for these actors, and what its folder holds afterwards. */
  const written = (actors: PublishedRecords["actor"]): { text: string; left: string[] } => {
    const dir = tempDir("sidelines-popolo-");
    const file = new PopoloFile(dir);
    for (const a of actors) file.actor(a);
    const out = new OutputDir(dir);
    const output = out.open("popolo.json");
    file.writeTo(output);
    out.close(output);
    return { text: fs.readFileSync(path.join(dir, "popolo.json"), "utf8"), left: fs.readdirSync(dir).filter((f) => f !== "popolo.json") };
  };
  const whole = (actors: PublishedRecords["actor"]): string => `${jsonText(popolo({ ...records, actor: actors }), 2)}\n`;

  it("writes, item by item through its scratch files, the bytes of the whole document's indented text, and leaves no scratch file", () => {
    const { text, left } = written(records.actor);
    expect(text).toBe(whole(records.actor));
    expect(left).toEqual([]);
  });

  it("the same with empty sections, a single item, and text jsonText escapes (a line separator, a bidirectional control)", () => {
    const org = records.actor.find((a) => a.kind !== "person")!;
    const person = records.actor.find((a) => a.kind === "person" && (a.positions?.length ?? 0) > 0)!;
    const odd = { ...person, name: "A\u2028B\u202eC \"quoted\" \n line" };
    for (const actors of [[], [org], [person], [odd, org]]) expect(written(actors).text).toBe(whole(actors));
  });
});

describe("event rows", () => {
  it("one row per status change, plus one for each dated meeting recorded without a history", () => {
    const rows = eventRows(records);
    const expected = records.meeting.reduce((n, m) => n + (m.status_history?.length ? m.status_history.length : m.date ? 1 : 0), 0);
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(rows.length);
  });

  it("every CAMEO code has its PLOVER event type, from the PLOVER project's mapping", () => {
    for (const r of eventRows(records)) {
      if (r.cameo) expect(r.plover_event, String(r.event_id)).toBe(CAMEO_TO_PLOVER[String(r.cameo)]!.event);
      else expect(r.plover_event).toBeUndefined();
    }
    expect(CAMEO_TO_PLOVER["125"]).toEqual({ event: "REJECT", mode: "meet", context: "diplomatic" });
  });

  it("the founding refusal reads as China rejecting a US proposal to meet, citing the 2018 sanction", () => {
    const row = eventRows(records).find((r) => r.meeting_id === "austin-li-shangfu-shangri-la-2023" && r.status === "declined")!;
    expect(row).toMatchObject({ source_actor: "china", source_state: "china", target_state: "united-states", cameo: "125", plover_event: "REJECT", sanction: "us-caatsa-231-2018-edd-li-shangfu" });
  });
});

describe("in the release", () => {
  it("the four export files are written, listed in manifest.json and SHA256SUMS, and agree with each other", async () => {
    const { buildInto, writeFixture, removeTempDirs } = await import("../publish/fixture.ts");
    try {
      const out = await buildInto(writeFixture());
      const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as { files: Record<string, unknown> | Array<{ path: string }> };
      const listed = Array.isArray(manifest.files) ? manifest.files.map((f) => f.path) : Object.keys(manifest.files);
      const sums = fs.readFileSync(path.join(out, "SHA256SUMS"), "utf8");
      for (const rel of ["ftm/entities.ftm.json", "popolo/popolo.json", "events/events.csv", "events/events.ndjson"]) {
        expect(fs.existsSync(path.join(out, rel)), rel).toBe(true);
        expect(listed, rel).toContain(rel);
        expect(sums).toContain(`  ${rel}\n`);
      }
      const ndjson = fs.readFileSync(path.join(out, "events/events.ndjson"), "utf8").trim().split("\n");
      const csv = fs.readFileSync(path.join(out, "events/events.csv"), "utf8").trim().split("\n");
      expect(csv.length - 1).toBe(ndjson.length);
      for (const line of fs.readFileSync(path.join(out, "ftm/entities.ftm.json"), "utf8").trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      removeTempDirs();
    }
  }, 180_000);
});
