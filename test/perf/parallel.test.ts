/** Loading in a worker thread is an optimisation only: it must find exactly what one thread finds. */
import "../loaded-machine.ts";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../scripts/lib/bench/generate.ts";
import { validate, type ValidateResult } from "../../scripts/lib/validate.ts";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { FAIL_ENV } from "../../scripts/lib/publish/release-writer.ts";
import { PARALLEL_THRESHOLD } from "../../scripts/lib/load/parallel.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { keptData, withData, type KeptRecord } from "../../scripts/lib/load/kept-records.ts";
import { Deriver } from "../../scripts/lib/publish/derive.ts";
import { DERIVER_READS } from "../../scripts/lib/load/lookup-parts.ts";
import { lookupsOf, type SourceRecords } from "../../scripts/lib/publish/collect.ts";
import { RECORD_TYPE_NAMES, type RecordType } from "../../scripts/lib/record-types.ts";
import { measureQuality } from "../../scripts/lib/quality/measure.ts";
import { measureKept } from "../../scripts/lib/quality/dataset.ts";

/**
 * Runs an ES module script in a child Node with tsx, from a file: worker threads inherit the parent's
 * options, and `--input-type` (needed for `-e`) would make them fail to start.
 */
function runScript(dir: string, script: string): SpawnSyncReturns<string> {
  const file = path.join(dir, "script.mjs");
  fs.writeFileSync(file, script);
  return spawnSync(process.execPath, ["--import", "tsx", file], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

/**
 * The derived fields' lookups made from the parts of the records the loading threads projected
 * (DERIVER_READS) derive every record as lookups made from the whole records do; every record of a type
 * the lookups read comes with its parts, and some meeting has a sanctioned participant.
 */
function expectSameDerived(records: readonly KeptRecord[]): void {
  const byType = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, records.filter((r) => r.type === t)])) as Record<RecordType, KeptRecord[]>;
  const read = RECORD_TYPE_NAMES.filter((t) => DERIVER_READS[t]);
  expect(read.flatMap((t) => byType[t].filter((r) => r.lookup === undefined))).toEqual([]);
  const whole = Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, byType[t].map(keptData)])) as unknown as SourceRecords;
  const fromParts = new Deriver(lookupsOf(byType));
  const fromWhole = new Deriver(whole);
  let sanctioned = 0;
  for (const t of RECORD_TYPE_NAMES)
    for (const record of whole[t] as Iterable<unknown>) {
      const derived = fromWhole.record(t, record) as { participant_sanctioned?: boolean | null };
      if (derived.participant_sanctioned === true) sanctioned++;
      expect(fromParts.record(t, record)).toEqual(derived);
    }
  expect(sanctioned).toBeGreaterThan(0);
}

describe("parallel loading", { timeout: 120_000 }, () => {
  let root: string;
  let files: string[];
  let broken: string[];
  let single: ValidateResult;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-parallel-"));
    const corpus = generateCorpus(PARALLEL_THRESHOLD + 500, 7);
    writeCorpus(root, corpus);
    files = [...corpus.files.keys()].sort();
    // Problems of every stage, spread over the list: YAML, schema, a record check and a dataset check.
    const meeting = files.find((f) => f.startsWith("data/meetings/"))!;
    broken = [files[3]!, files[Math.floor(files.length / 2)]!, files[files.length - 1]!, meeting];
    fs.writeFileSync(path.join(root, broken[0]!), "id: [unclosed\n");
    fs.writeFileSync(path.join(root, broken[1]!), fs.readFileSync(path.join(root, broken[1]!), "utf8").replace(/^id: .*$/m, "id: not-the-file-name"));
    fs.appendFileSync(path.join(root, broken[2]!), "unknown_field: 1\n");
    fs.writeFileSync(path.join(root, broken[3]!), fs.readFileSync(path.join(root, broken[3]!), "utf8").replace(/^( +- actor: ).*$/m, "$1no-such-actor"));
    single = await validate({ root, parallel: false, keepRecords: true });
  }, 180_000); // thousands of files on one thread: minutes on a loaded 2-core machine
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("finds the planted problems on one thread", () => {
    expect(single.loadedInWorker).toBe(0);
    const errors = single.diagnostics.filter((d) => d.severity === "error");
    expect(new Set(errors.map((d) => d.file))).toEqual(new Set(broken));
    expect(errors.map((d) => d.code)).toEqual(expect.arrayContaining(["YAML001", "ID001", "SCH002", "REF001"]));
  });

  it("reports the same diagnostics, in the same order, and the same records when worker threads load the files", async () => {
    const parallel = await validate({ root, keepRecords: true });
    expect(parallel.loadedInWorker).toBe(files.length);
    expect(parallel.diagnostics).toEqual(single.diagnostics);
    expect(parallel.records.map(keptData)).toEqual(single.records.map(keptData));
  });

  it("has each kept record's sourcing figures measured by the thread that checked it, as they are measured from its data", async () => {
    const parallel = await validate({ root, keepRecords: true });
    for (const result of [single, parallel]) {
      // Every record but a tombstone (which cites nothing) comes with its share, so the build parses none again for them.
      expect(result.records.filter((r) => r.type !== "tombstone" && r.figures === undefined)).toEqual([]);
      const measured = measureKept(result.records, result.publishers);
      expect(measured.overall.citations).toBeGreaterThan(0);
      expect(measured).toEqual(measureQuality(withData(result.records), result.publishers));
    }
  });

  it("derives the same fields from the parts of the records the threads hand on as from the whole records", async () => {
    const parallel = await validate({ root, keepRecords: true });
    for (const result of [single, parallel]) expectSameDerived(result.records);
  });

  it("derives the same fields from the parts as from the whole records of data/ (memberships, citizenship, every date a sanction takes effect by)", async () => {
    const real = await validate({ root: ROOT, keepRecords: true, parallel: false });
    expectSameDerived(real.records);
  });

  it("loads every file on the main thread when the workers fail", async () => {
    // Workers read their schemas from the set's folder; a folder without them makes them fail at start.
    const set = { ...loadSchemaSet(), dir: path.join(root, "no-schemas-here") };
    const result = await validate({ root, schemaSet: set });
    expect(result.loadedInWorker).toBe(0);
    expect(result.diagnostics).toEqual(single.diagnostics);
  });

  it("stops its workers when the run fails before giving them work, so that the process can exit", () => {
    // Naming enough files starts the workers; then the listing fails (there is no data/ folder).
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-no-data-"));
    const script = `
      import { validate } from ${JSON.stringify(new URL("../../scripts/lib/validate.ts", import.meta.url).href)};
      const only = Array.from({ length: ${PARALLEL_THRESHOLD} }, (_, i) => "data/actors/a" + i + ".yaml");
      await validate({ root: ${JSON.stringify(empty)}, only }).then(() => console.log("resolved"), (e) => console.log("rejected: " + e.message));
    `;
    const r = runScript(empty, script);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(r.signal, "the process had to be killed: a worker kept it alive").toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rejected: there is no data\/ folder/);
  });
});

describe("parallel build", { timeout: 180_000 }, () => {
  it("writes the same release, byte for byte, whether a worker writes json/, ndjson/, dataset.json and the CSV tables or the main thread does", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-parallel-build-"));
    writeCorpus(root, generateCorpus(PARALLEL_THRESHOLD + 100, 11));
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const withWorker = await build({ root, out: path.join(root, "with-worker"), env, writerInWorker: true });
    const here = await build({ root, out: path.join(root, "here"), env, parallel: false });
    expect(withWorker.writerInWorker).toBe(true);
    expect(here.writerInWorker).toBe(false);
    expect(withWorker.files).toBe(here.files);
    const files = fs.readdirSync(here.out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(here.out, path.join(d.parentPath, d.name)));
    expect(files.filter((f) => f.startsWith("csv/")).length).toBeGreaterThan(10);
    expect(files).toEqual(expect.arrayContaining(["dataset.json", "json/meetings.json", "ndjson/meetings.ndjson"]));
    for (const f of files) expect(fs.readFileSync(path.join(withWorker.out, f)).equals(fs.readFileSync(path.join(here.out, f))), f).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("writes the release writer's files on the main thread, and says so, when the writer fails: the same release", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-writer-fails-"));
    writeCorpus(root, generateCorpus(300, 7));
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const warnings: string[] = [];
    // The worker reads the process's environment (the build's \`env\` is for the release time only).
    process.env[FAIL_ENV] = "1";
    const failed = await build({ root, out: path.join(root, "failed"), env, writerInWorker: true, warn: (line) => warnings.push(line) }).finally(() => delete process.env[FAIL_ENV]);
    const here = await build({ root, out: path.join(root, "here"), env, parallel: false });
    expect(failed.writerInWorker).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/^build: the release writer failed \(the release writer failed on purpose .*\); writing json\/, ndjson\/, dataset\.json and csv\/ on the main thread$/)]);
    const files = fs.readdirSync(here.out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(here.out, path.join(d.parentPath, d.name)));
    expect(files).toEqual(expect.arrayContaining(["dataset.json", "json/meetings.json", "ndjson/meetings.ndjson", "csv/meetings.csv"]));
    for (const f of files) expect(fs.readFileSync(path.join(failed.out, f)).equals(fs.readFileSync(path.join(here.out, f))), f).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("stops the release writer when the main thread fails to write an export: the build rejects, leaves no temporary folder and the process exits", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-build-fails-"));
    writeCorpus(root, generateCorpus(300, 5));
    const lib = (rel: string): string => JSON.stringify(new URL(`../../scripts/lib/${rel}`, import.meta.url).href);
    const script = `
      import fs from "node:fs";
      import { build } from ${lib("publish/pipeline.ts")};
      const open = fs.openSync;
      fs.openSync = (file, ...rest) => {
        if (String(file).endsWith("entities.ftm.json")) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        return open(file, ...rest);
      };
      await build({ root: ${JSON.stringify(root)}, env: { SOURCE_DATE_EPOCH: "1700000000" }, writerInWorker: true }).then(
        () => console.log("built"),
        (e) => console.log("rejected: " + e.message),
      );
    `;
    const scripts = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-script-"));
    const r = runScript(scripts, script);
    fs.rmSync(scripts, { recursive: true, force: true });
    expect(r.signal, "the process had to be killed: the release writer kept it alive").toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rejected: no space left on device/);
    // Nothing of the failed build remains, not even the files the worker was writing.
    const leftovers = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.includes(".tmp-") || f.startsWith("dist"));
    expect(leftovers).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
