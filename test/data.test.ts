/** The dataset itself: every record is valid, and the founding report's story can be read off it. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validate } from "../scripts/lib/validate.ts";
import { loadSchemaSet } from "../scripts/lib/schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../scripts/lib/record-types.ts";
import { ROOT } from "../scripts/lib/paths.ts";

const set = loadSchemaSet();
const files = RECORD_TYPE_NAMES.flatMap((type) => {
  const dir = path.join(ROOT, "data", RECORD_TYPES[type].folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => ({ type, file: `data/${RECORD_TYPES[type].folder}/${f}` })) : [];
});
const record = (folder: string, id: string): Record<string, any> => parse(fs.readFileSync(path.join(ROOT, "data", folder, `${id}.yaml`), "utf8"));

/**
 * The only warnings data/ may carry, each a gap the sources leave rather than a mistake: SRC006, a page
 * read that shows no date; SRC008, a record for which no primary page could be read. Every other
 * warning (a publisher that contradicts its host, an official page cited as secondary, a refusal with
 * no quote) fails this test.
 */
const ACCEPTED_WARNINGS = new Set(["SRC006", "SRC008"]);

describe("the dataset", () => {
  it.each(files)("$file validates against the $type schema", ({ type, file }) => {
    const data = parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
    const ok = set.validators[type](data);
    expect(set.validators[type].errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it("passes the full validator with no errors, and no warnings but those of the sourcing rules still being applied", async () => {
    const result = await validate({ root: ROOT, schemaSet: set });
    const unexpected = result.diagnostics.filter((d) => d.severity === "error" || !ACCEPTED_WARNINGS.has(d.code));
    expect(unexpected.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`)).toEqual([]);
  });

  it("holds at least 60 records of all four types, each citing at least one source", () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const type of ["actor", "sanction", "meeting", "forum"] as const) expect(files.filter((f) => f.type === type).length, type).toBeGreaterThan(0);
    for (const { file } of files) expect(parse(fs.readFileSync(path.join(ROOT, file), "utf8")).sources?.length, file).toBeGreaterThan(0);
  });

  it("opens every file with the editor schema line", () => {
    for (const { type, file } of files) expect(fs.readFileSync(path.join(ROOT, file), "utf8").split("\n")[0], file).toBe(`# yaml-language-server: $schema=../../schemas/${RECORD_TYPES[type].schema}`);
  });
});

describe("the founding report can be read off the records", () => {
  const meetings = files.filter((f) => f.type === "meeting").map((f) => parse(fs.readFileSync(path.join(ROOT, f.file), "utf8")) as Record<string, any>);
  const declined = meetings.filter((m) => m.status === "declined" && ["lloyd-austin", "li-shangfu"].every((a) => m.participants.some((p: any) => p.actor === a)));

  it("a proposed Austin–Li Shangfu meeting at the 2023 Shangri-La Dialogue was declined by China, citing the sanction", () => {
    expect(declined).toHaveLength(1);
    const m = declined[0]!;
    expect(m.sidelines_of).toBe("shangri-la-dialogue-2023");
    const proposed = m.status_history.find((s: any) => s.status === "proposed");
    const decline = m.status_history.find((s: any) => s.status === "declined");
    expect(proposed.date).toMatch(/2023-05/);
    expect(decline).toMatchObject({ date: "2023-05-29", by: "china" });
    const sanction = record("sanctions", decline.sanction);
    expect(sanction.targets.map((t: any) => t.actor)).toContain("li-shangfu");
    expect(sanction.announced).toBe("2018-09-20");
    expect(sanction.legal_basis.map((l: any) => l.citation).join(" ")).toMatch(/231/);
    expect(sanction.responses ?? []).toContain(m.id);
  });

  it("the two met only in a brief encounter at the dialogue, on 2023-06-02", () => {
    const encounter = meetings.filter((m) => m.kind === "brief-encounter" && m.sidelines_of === "shangri-la-dialogue-2023");
    expect(encounter.map((m) => m.date)).toContain("2023-06-02");
  });

  it("Qin Gang met Ambassador Nicholas Burns on 2023-05-08", () => {
    const m = meetings.find((x) => x.date === "2023-05-08" && ["qin-gang", "nicholas-burns"].every((a) => x.participants.some((p: any) => p.actor === a)));
    expect(m?.status).toBe("held");
  });

  it("Li Shangfu was under sanction when he became defence minister", () => {
    const li = record("actors", "li-shangfu");
    const minister = li.positions.find((p: any) => p.organisation === "prc-ministry-of-national-defense");
    expect(minister.start).toBe("2023-03-12");
  });
});
