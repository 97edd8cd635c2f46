/**
 * The validation cache is an optimisation only: with it, without it, cold or warm, on one thread or in
 * workers, validation finds exactly the same diagnostics. A file is checked again when its bytes, the
 * schemas, the check code or the other inputs change; a cache file that is unusable is ignored with a
 * one-line notice and rebuilt.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { validate, type ValidateOptions, type ValidateResult } from "../../scripts/lib/validate.ts";
import { CACHE_FILE, cacheDisabledByEnv, editionIdsFile, ValidationCache } from "../../scripts/lib/cache/validation-cache.ts";
import { CACHE_FORMAT_VERSION, RUN_BY_VALIDATION, validationCodeFiles, validationInputs } from "../../scripts/lib/cache/inputs.ts";
import { generateCorpus, writeCorpus } from "../../scripts/lib/bench/generate.ts";
import { PARALLEL_THRESHOLD } from "../../scripts/lib/load/parallel.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { runCli } from "../validate/helpers.ts";
import { DATASET_CHECKS } from "../../scripts/lib/check/run-checks.ts";
import { formatHuman, type FrameLines } from "../../scripts/lib/report/format-human.ts";

afterAll(removeTempDirs);

/** A copy of the repository's data (and, when asked, schemas) in a fresh folder. */
function copyOfRealData(withSchemas = false): string {
  const root = tempDir("sidelines-cache-");
  fs.cpSync(path.join(ROOT, "data"), path.join(root, "data"), { recursive: true });
  if (withSchemas) fs.cpSync(path.join(ROOT, "schemas"), path.join(root, "schemas"), { recursive: true });
  return root;
}

const cacheOf = (root: string): { file: string } => ({ file: path.join(root, CACHE_FILE) });

/** Validates with the cache; the result with the diagnostics' positions resolved (they are plain data). */
async function run(root: string, options: Partial<ValidateOptions> = {}): Promise<ValidateResult> {
  return validate({ root, cache: cacheOf(root), ...options });
}

/** Adds words to a record's title; returns its text as it was. */
function editTitle(file: string, words = "again"): string {
  const text = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, text.replace(/^title: (.*)$/m, `title: $1 ${words}`));
  return text;
}

function firstRecord(root: string, folder: string): string {
  const name = fs.readdirSync(path.join(root, "data", folder)).sort()[0]!;
  return path.join(root, "data", folder, name);
}

describe("validation cache on the real data", () => {
  let root: string;
  let plain: ValidateResult;
  beforeAll(async () => {
    root = copyOfRealData();
    plain = await validate({ root });
  });

  it("gives the same diagnostics cold and warm as without the cache, and a warm run checks no file again", async () => {
    const cold = await run(root);
    expect(cold.fromCache).toBe(0);
    expect(cold.notices).toEqual([]);
    expect(fs.existsSync(path.join(root, CACHE_FILE))).toBe(true);
    const warm = await run(root);
    expect(warm.fromCache).toBe(plain.recordsChecked);
    expect(cold.diagnostics).toEqual(plain.diagnostics);
    expect(warm.diagnostics).toEqual(plain.diagnostics);
    expect(warm.filesChecked).toBe(plain.filesChecked);
  });

  it("strict and other runs share one cache: a strict-only warning is cached with the verdict, and shown only in strict runs", async () => {
    const other = copyOfRealData();
    const file = firstRecord(other, "meetings");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(/url: https:\/\/[^/\s]+\//, "url: https://unlisted-news.example.net/"));
    const strict = await validate({ root: other, strict: true });
    const lenient = await validate({ root: other });
    expect(strict.diagnostics.some((d) => d.code === "PUB004" && path.join(other, d.file) === file && d.message.includes("unlisted-news.example.net"))).toBe(true);
    expect(lenient.diagnostics.some((d) => d.code === "PUB004")).toBe(false);
    // A run that is not strict writes the cache; a strict run then takes every verdict from it, and
    // the other way round.
    expect((await run(other)).diagnostics).toEqual(lenient.diagnostics);
    const warmStrict = await run(other, { strict: true });
    expect(warmStrict.fromCache).toBe(plain.recordsChecked);
    expect(warmStrict.diagnostics).toEqual(strict.diagnostics);
    expect((await run(other)).diagnostics).toEqual(lenient.diagnostics);
  });

  it("checks again a record one byte of which changed, and only that one", async () => {
    await run(root);
    const file = firstRecord(root, "meetings");
    const text = fs.readFileSync(file, "utf8");
    // One byte: the id no longer equals the file name (ID001), and references to it break.
    const at = text.indexOf("\nid: ") + 5;
    fs.writeFileSync(file, `${text.slice(0, at)}${text[at] === "x" ? "y" : "x"}${text.slice(at + 1)}`);
    const afresh = await validate({ root });
    const warm = await run(root);
    expect(warm.fromCache).toBe(plain.recordsChecked - 1);
    expect(warm.diagnostics).toEqual(afresh.diagnostics);
    expect(warm.diagnostics.some((d) => d.code === "ID001" && path.join(root, d.file) === file)).toBe(true);
    fs.writeFileSync(file, text);
    const back = await run(root);
    expect(back.fromCache).toBe(plain.recordsChecked - 1);
    expect(back.diagnostics).toEqual(plain.diagnostics);
  });

  it("drops the verdicts of files that no longer exist", async () => {
    const other = copyOfRealData();
    await run(other);
    const where = { schemasDir: path.join(ROOT, "schemas"), dataDir: path.join(other, "data") };
    const lines = (): number => ValidationCache.open(path.join(other, CACHE_FILE), validationInputs(where)).size;
    const before = lines();
    expect(before).toBeGreaterThan(0);
    fs.rmSync(firstRecord(other, "actors"));
    await run(other);
    expect(lines()).toBe(before - 1);
    expect(fs.readdirSync(path.dirname(path.join(other, CACHE_FILE))).sort()).toEqual(["edition-ids", "validation-cache"]);
  });

  it("a run of a few files (--changed, files named) reads the edition ids kept beside the cache, not the cache, and writes neither", async () => {
    ageFiles(path.join(root, "data")); // no forum modified just before the full run: each keeps its stamp
    await run(root);
    const file = path.join(root, CACHE_FILE);
    const ids = editionIdsFile(file);
    const before = [fs.readFileSync(file), fs.readFileSync(ids)];
    const meeting = firstRecord(root, "meetings");
    const text = editTitle(meeting);
    const only = [path.relative(root, meeting), path.relative(root, firstRecord(root, "actors"))];
    let partial: ValidateResult | undefined;
    const opened = await filesOpened(async () => (partial = await run(root, { only })));
    expect(partial!.fromCache).toBe(0);
    expect(opened, "the cache is not read").not.toContain(file);
    expect(opened.filter((f) => f.startsWith(path.join(root, "data", "forums"))), "no forum file is read").toEqual([]);
    expect(fs.readFileSync(file).equals(before[0]!) && fs.readFileSync(ids).equals(before[1]!)).toBe(true);
    expect(partial!.diagnostics).toEqual((await validate({ root, only })).diagnostics);
    fs.writeFileSync(meeting, text);
  });

  it("a forum changed since its edition ids were kept is read again: a renamed edition is no longer known", async () => {
    ageFiles(path.join(root, "data"));
    await run(root);
    expect(fs.readFileSync(editionIdsFile(path.join(root, CACHE_FILE)), "utf8"), "the forum's ids are kept").toContain("shangri-la-dialogue-2022");
    const forum = path.join(root, "data/forums/shangri-la-dialogue.yaml");
    const text = fs.readFileSync(forum, "utf8");
    fs.writeFileSync(forum, text.replace(/^( {2}- id: shangri-la-dialogue-2022)$/m, "$1-renamed"));
    const only = ["data/meetings/austin-wei-fenghe-shangri-la-2022.yaml"];
    const partial = await run(root, { only });
    const plainRun = await validate({ root, only });
    expect(plainRun.diagnostics.some((d) => d.file === only[0] && d.severity === "error"), "the meeting now names an unknown edition").toBe(true);
    expect(partial.diagnostics).toEqual(plainRun.diagnostics);
    fs.writeFileSync(forum, text);
  });

  it("a run of a few files with an unusable cache (and no edition ids beside it): one notice, the same diagnostics, the file left as it is", async () => {
    await run(root);
    const file = path.join(root, CACHE_FILE);
    fs.rmSync(editionIdsFile(file));
    fs.writeFileSync(file, "spoilt");
    const only = [path.relative(root, firstRecord(root, "meetings"))];
    const partial = await run(root, { only });
    expect(partial.notices).toHaveLength(1);
    expect(fs.readFileSync(file, "utf8")).toBe("spoilt");
    expect(partial.diagnostics).toEqual((await validate({ root, only })).diagnostics);
    fs.rmSync(file);
  });

  it("unreadable edition ids: one notice, and the cache is read instead, with the same diagnostics", async () => {
    await run(root);
    const file = path.join(root, CACHE_FILE);
    fs.writeFileSync(editionIdsFile(file), "{ spoilt");
    const only = [path.relative(root, firstRecord(root, "meetings"))];
    let partial: ValidateResult | undefined;
    const opened = await filesOpened(async () => (partial = await run(root, { only })));
    expect(partial!.notices).toEqual([expect.stringMatching(/ignored \.sidelines-cache\/edition-ids, it is not readable/)]);
    expect(opened).toContain(file);
    expect(partial!.diagnostics).toEqual((await validate({ root, only })).diagnostics);
    fs.rmSync(editionIdsFile(file));
  });
});

/** Every path opened with fs.openSync while `f` runs. */
async function filesOpened(f: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(fs, "openSync");
  try {
    await f();
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}

/** Every file under the folder, made an hour old: none is then "racily clean" for the cache. */
function ageFiles(dir: string): void {
  const old = Date.now() / 1000 - 3600;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) fs.utimesSync(path.join(e.parentPath, e.name), old, old);
}

/** The record files (absolute paths; not the publishers registry) opened while `f` runs. */
async function recordFilesOpened(root: string, f: () => Promise<unknown> | unknown): Promise<string[]> {
  const spy = vi.spyOn(fs, "openSync");
  try {
    await f();
    return spy.mock.calls.map((c) => String(c[0])).filter((p) => p.startsWith(path.join(root, "data") + path.sep) && path.dirname(p) !== path.join(root, "data") && p.endsWith(".yaml"));
  } finally {
    spy.mockRestore();
  }
}

/** Files a dataset check reported on: locating a diagnostic may read the file. */
const locatedByDatasetChecks = (root: string, r: ValidateResult): Set<string> => new Set(r.diagnostics.filter((d) => DATASET_CHECKS.some((c) => c.code === d.code)).map((d) => path.join(root, d.file)));

describe("stat stamps, appended parts and cached code frames", () => {
  let plain: ValidateResult;
  beforeAll(async () => {
    plain = await validate({ root: copyOfRealData() });
  });

  it("a warm run reads no record file whose stamp is unchanged; one written just before a run is read again by the next (racy)", async () => {
    const root = copyOfRealData();
    ageFiles(path.join(root, "data"));
    await run(root);
    let warm: ValidateResult | undefined;
    const opened = await recordFilesOpened(root, async () => (warm = await run(root, { parallel: false })));
    expect(warm!.fromCache).toBe(plain.recordsChecked);
    expect(warm!.diagnostics).toEqual(plain.diagnostics);
    const located = locatedByDatasetChecks(root, warm!);
    expect(opened.filter((f) => !located.has(f))).toEqual([]);
    // The same bytes written again now: a new stamp, so it is read and hashed, and its verdict stands;
    // but its stamp is too recent to be trusted, so the next run reads it again.
    const file = firstRecord(root, "meetings");
    fs.writeFileSync(file, fs.readFileSync(file));
    const racy = await recordFilesOpened(root, () => run(root, { parallel: false }));
    expect(racy).toContain(file);
    const again = await recordFilesOpened(root, () => run(root, { parallel: false }));
    expect(again).toContain(file);
    expect(again.filter((f) => f !== file && !located.has(f))).toEqual([]);
  });

  it("a run that changes one verdict appends it to the cache; when parts pile up, the cache is written whole again", async () => {
    const root = copyOfRealData();
    ageFiles(path.join(root, "data"));
    await run(root);
    const file = path.join(root, CACHE_FILE);
    const before = fs.readFileSync(file);
    const meeting = firstRecord(root, "meetings");
    const text = editTitle(meeting);
    const edited = await run(root);
    const after = fs.readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.length - before.length).toBeLessThan(before.length / 10);
    expect(edited.diagnostics).toEqual((await validate({ root })).diagnostics);
    for (let i = 0; i < 12; i++) {
      fs.writeFileSync(meeting, text);
      editTitle(meeting, `again ${i}`);
      await run(root);
    }
    expect(fs.readFileSync(file).length).toBeLessThan(before.length * 1.5);
    fs.writeFileSync(meeting, text);
    const back = await run(root);
    expect(back.notices).toEqual([]);
    expect(back.fromCache).toBe(plain.recordsChecked - 1);
    expect(back.diagnostics).toEqual(plain.diagnostics);
  });

  it("two runs that appended parts at once gave their new texts the same numbers: the cache is ignored with a notice, never misread", async () => {
    const root = copyOfRealData();
    ageFiles(path.join(root, "data"));
    await run(root, { strict: true });
    const file = path.join(root, CACHE_FILE);
    const base = fs.readFileSync(file);
    /** Points a record's first source at a host no registry knows, so that its diagnostics hold a new text. */
    const newHost = (record: string, host: string): string => {
      const text = fs.readFileSync(record, "utf8");
      fs.writeFileSync(record, text.replace(/url: https:\/\/[^/\s]+/, `url: https://${host}`));
      return text;
    };
    const [a, b] = [firstRecord(root, "meetings"), firstRecord(root, "actors")];
    // Two runs read the same cache; one saw the first record edited, the other the second.
    const textA = newHost(a, "first-run.example.org");
    await run(root, { strict: true });
    const partA = fs.readFileSync(file).subarray(base.length);
    expect(partA.length).toBeGreaterThan(0);
    fs.writeFileSync(a, textA);
    fs.writeFileSync(file, base);
    newHost(b, "second-run.example.org");
    await run(root, { strict: true });
    const partB = fs.readFileSync(file).subarray(base.length);
    expect(partB.toString()).toContain("second-run.example.org");
    newHost(a, "first-run.example.org");
    fs.writeFileSync(file, Buffer.concat([base, partA, partB]));
    const r = await run(root, { strict: true });
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/two runs appended to it at once/);
    const plainStrict = await validate({ root, strict: true });
    expect(r.diagnostics).toEqual(plainStrict.diagnostics);
    expect(r.diagnostics.some((d) => d.file.endsWith(path.basename(b)) && d.message.includes("second-run.example.org"))).toBe(true);
  });

  it("an appended part cut short: one notice, the same diagnostics", async () => {
    const root = copyOfRealData();
    await run(root);
    fs.appendFileSync(path.join(root, CACHE_FILE), "#999 1 1\ndata/actors/x.yaml\t");
    const r = await run(root);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/truncated or corrupt/);
    expect(r.diagnostics).toEqual(plain.diagnostics);
  });

  it("a human report of files found unchanged reads none of them for its code frames, and is the same report", async () => {
    const root = copyOfRealData();
    ageFiles(path.join(root, "data"));
    const expected = formatHuman(plain.diagnostics, { root, color: false, filesChecked: plain.filesChecked });
    expect(plain.diagnostics.filter((d) => !d.code.startsWith("FILE")).length).toBeGreaterThan(0);
    const report = async (): Promise<string> => {
      const r = await run(root, { cache: cacheOf(root), frames: true });
      const read = new Map<string, FrameLines>();
      const text = formatHuman(r.diagnostics, { root, color: false, filesChecked: r.filesChecked, frames: { cached: (f) => r.frames!.lines(f), read } });
      expect(r.frames!.save(read)).toBeUndefined();
      return text;
    };
    expect(await report()).toBe(expected);
    let text = "";
    const opened = await recordFilesOpened(root, async () => (text = await report()));
    expect(text).toBe(expected);
    const located = locatedByDatasetChecks(root, plain);
    expect(opened.filter((f) => !located.has(f))).toEqual([]);
  });

  for (const cached of [true, false])
    it(`a first human report (${cached ? "no cache file yet" : "cache off"}) reads no file for its code frames but those the dataset checks point into, and is the same report`, async () => {
      const root = copyOfRealData();
      const expected = formatHuman(plain.diagnostics, { root, color: false, filesChecked: plain.filesChecked });
      const located = locatedByDatasetChecks(root, plain);
      let text = "";
      let r: ValidateResult | undefined;
      const read = new Map<string, FrameLines>();
      await validate({ root, frames: true, ...(cached ? { cache: cacheOf(root) } : {}) }).then((x) => (r = x));
      const opened = await recordFilesOpened(root, () => (text = formatHuman(r!.diagnostics, { root, color: false, filesChecked: r!.filesChecked, frames: { cached: (f) => r!.frames!.lines(f), read } })));
      expect(text).toBe(expected);
      // The per-file stage kept the lines of every file with a problem of its own.
      expect(new Set(plain.diagnostics.filter((d) => !d.code.startsWith("FILE")).map((d) => path.join(root, d.file))).size).toBeGreaterThan(located.size);
      expect(opened.filter((f) => !located.has(f))).toEqual([]);
      expect(r!.frames!.save(read)).toBeUndefined();
    });
});

describe("what a cached verdict depends on", () => {
  it("one schema keyword changed: every file is checked again", async () => {
    const root = copyOfRealData(true);
    const schemasDir = path.join(root, "schemas");
    await run(root, { schemaSet: loadSchemaSet(schemasDir) });
    expect((await run(root, { schemaSet: loadSchemaSet(schemasDir) })).fromCache).toBeGreaterThan(0);
    // One keyword's value: a line of text (titles, names…) at most 20 characters instead of 2000.
    const file = path.join(schemasDir, "defs.schema.json");
    const text = fs.readFileSync(file, "utf8");
    const at = text.indexOf('"maxLength": 2000', text.indexOf('"text": {'));
    fs.writeFileSync(file, `${text.slice(0, at)}"maxLength": 20${text.slice(at + '"maxLength": 2000'.length)}`);
    expect((JSON.parse(fs.readFileSync(file, "utf8")) as { $defs: { text: { maxLength: number } } }).$defs.text.maxLength).toBe(20);
    const changed = loadSchemaSet(schemasDir);
    const warm = await run(root, { schemaSet: changed });
    expect(warm.fromCache).toBe(0);
    const afresh = await validate({ root, schemaSet: changed });
    expect(warm.diagnostics).toEqual(afresh.diagnostics);
    expect(warm.diagnostics.some((d) => d.code === "SCH006" && d.file.startsWith("data/meetings/"))).toBe(true);
  });

  it("one byte of a check's code changed: the inputs hash changes, and a cache made under other inputs is not used", async () => {
    const codeRoot = tempDir("sidelines-cache-code-");
    fs.cpSync(path.join(ROOT, "scripts"), path.join(codeRoot, "scripts"), { recursive: true });
    const where = { schemasDir: path.join(ROOT, "schemas"), dataDir: path.join(ROOT, "data"), codeRoot };
    const before = validationInputs(where);
    expect(validationInputs(where)).toBe(before);
    const check = path.join(codeRoot, "scripts/lib/check/checks/date-order.ts");
    fs.appendFileSync(check, " ");
    expect(validationInputs(where)).not.toBe(before);

    const root = copyOfRealData();
    await run(root, { cache: { ...cacheOf(root), inputs: before } });
    expect((await run(root, { cache: { ...cacheOf(root), inputs: before } })).fromCache).toBeGreaterThan(0);
    const other = await run(root, { cache: { ...cacheOf(root), inputs: validationInputs(where) } });
    expect(other.fromCache).toBe(0);
    expect(other.notices).toEqual([]);
    expect(other.diagnostics).toEqual((await validate({ root })).diagnostics);
  });

  it("the publishers registry changed: the inputs hash changes", () => {
    const root = copyOfRealData();
    const where = { schemasDir: path.join(ROOT, "schemas"), dataDir: path.join(root, "data") };
    const before = validationInputs(where);
    fs.appendFileSync(path.join(root, "data", "publishers.yaml"), "\n");
    expect(validationInputs(where)).not.toBe(before);
  });

  it("every module validation imports is part of the check code hashed", () => {
    const hashed = new Set(validationCodeFiles());
    const seen = new Set<string>();
    const stack = ["scripts/validate.ts", "scripts/lib/validate.ts", "scripts/lib/load/load-worker-body.ts"];
    while (stack.length > 0) {
      const rel = stack.pop()!;
      // A path in a comment may name no file.
      if (seen.has(rel) || !fs.existsSync(path.join(ROOT, rel))) continue;
      seen.add(rel);
      const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"|new URL\("(\.{1,2}\/[^"]+)"/g)) {
        stack.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), (m[1] ?? m[2])!)));
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    expect([...seen].filter((f) => !hashed.has(f))).toEqual([]);
    expect(hashed.has("scripts/lib/validators.generated.cjs")).toBe(true);
    // Each file hashed despite its folder is one validation does run.
    expect(RUN_BY_VALIDATION.filter((f) => !seen.has(`scripts/lib/${f}`))).toEqual([]);
  });
});

describe("an unusable cache file is ignored with a notice, and rebuilt", () => {
  let root: string;
  let plain: ValidateResult;
  beforeAll(async () => {
    root = copyOfRealData();
    plain = await validate({ root });
  });
  const file = (): string => path.join(root, CACHE_FILE);

  for (const [what, spoil, notice] of [
    ["truncated", (text: string) => text.slice(0, Math.floor(text.length / 2)), /truncated or corrupt/],
    ["cut after its header", (text: string) => text.slice(0, text.indexOf("\n") + 1), /truncated or corrupt/],
    ["with one byte changed", (text: string) => text.replace('"id":"', '"id":"x'), /truncated or corrupt/],
    ["of another version", (text: string) => text.replace(`"version":${CACHE_FORMAT_VERSION}`, '"version":999'), /version 999/],
    ["not a cache", () => "hello\nworld", /header is not readable/],
    ["empty", () => "", /truncated/],
  ] as const) {
    it(`${what}: one notice, the same diagnostics, and a whole cache again`, async () => {
      await run(root);
      fs.writeFileSync(file(), spoil(fs.readFileSync(file(), "utf8")));
      const spoilt = await run(root);
      expect(spoilt.notices).toHaveLength(1);
      expect(spoilt.notices[0]).toMatch(notice);
      expect(spoilt.notices[0]).not.toContain("\n");
      expect(spoilt.fromCache).toBe(0);
      expect(spoilt.diagnostics).toEqual(plain.diagnostics);
      const again = await run(root);
      expect(again.notices).toEqual([]);
      expect(again.fromCache).toBe(plain.recordsChecked);
      expect(again.diagnostics).toEqual(plain.diagnostics);
    });
  }

  it("the texts of diagnostics are kept once however many files repeat them; a cache whose texts outnumber its verdicts many times over is made anew, without a notice", async () => {
    await run(root);
    const text = fs.readFileSync(file(), "utf8");
    const repeated = "the source has no `published` date";
    expect(plain.diagnostics.filter((d) => d.message === repeated).length).toBeGreaterThan(10);
    expect(text.split(repeated).length - 1).toBe(1);
    // The texts a cache file holds: the number the last part's first text takes, and how many that part adds.
    const held = (cache: string): number => {
      const [, first, texts] = cache.trimEnd().split("\n").at(-1)!.split("\t");
      return Number(first) + (JSON.parse(texts!) as string[]).length;
    };
    const appendPart = (body: Buffer): void => fs.appendFileSync(file(), Buffer.concat([Buffer.from(`#${body.length} ${zlib.crc32(body)} 1\n`), body]));
    // First a part that adds no texts, as a run appends when it only keeps stamps it could not keep before
    // (those of files modified within RACY_MS of the run before it), which a loaded machine's timing can make
    // the runs before this test do; then a part adding only texts, well formed (numbered after the texts the
    // file holds): far more texts than verdicts.
    appendPart(Buffer.from(`\t${held(text)}\t[]\n`));
    appendPart(Buffer.from(`\t${held(fs.readFileSync(file(), "utf8"))}\t${JSON.stringify(Array.from({ length: 5 * plain.recordsChecked + 1001 }, (_, i) => `text ${i}`))}\n`));
    const anew = await run(root);
    expect(anew.notices).toEqual([]);
    expect(anew.fromCache).toBe(0);
    expect(anew.diagnostics).toEqual(plain.diagnostics);
    expect(fs.readFileSync(file(), "utf8")).not.toContain("text 1001");
    const again = await run(root);
    expect(again.fromCache).toBe(plain.recordsChecked);
    expect(again.diagnostics).toEqual(plain.diagnostics);
  });

  it("unreadable (a folder in its place): one notice for reading, none crashes, the same diagnostics", async () => {
    fs.rmSync(file(), { force: true });
    fs.mkdirSync(path.join(file(), "inside"), { recursive: true });
    const r = await run(root);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/could not be read/);
    expect(r.diagnostics).toEqual(plain.diagnostics);
    fs.rmSync(file(), { recursive: true });
  });
});

describe("validation cache with worker threads, on a corpus with errors", { timeout: 300_000 }, () => {
  let root: string;
  let single: ValidateResult;
  let files: string[];
  beforeAll(async () => {
    root = tempDir("sidelines-cache-corpus-");
    const corpus = generateCorpus(PARALLEL_THRESHOLD + 200, 3);
    writeCorpus(root, corpus);
    files = [...corpus.files.keys()].sort();
    const meeting = files.find((f) => f.startsWith("data/meetings/"))!;
    fs.writeFileSync(path.join(root, files[5]!), "id: [unclosed\n");
    fs.appendFileSync(path.join(root, files[files.length - 1]!), "unknown_field: 1\n");
    fs.writeFileSync(path.join(root, meeting), fs.readFileSync(path.join(root, meeting), "utf8").replace(/^( +- actor: ).*$/m, "$1no-such-actor"));
    // A registry, and a source near the end (loaded by a worker) whose publisher is not the one it
    // registers: the record checks of sources see the registry in every thread.
    fs.writeFileSync(path.join(root, "data/publishers.yaml"), "hosts:\n  registered.example.net:\n    publisher: Registered Example\n    kind: newspaper\n");
    const cited = files.slice(-50).find((f) => fs.readFileSync(path.join(root, f), "utf8").includes("url: https://news.example.org/"))!;
    fs.writeFileSync(path.join(root, cited), fs.readFileSync(path.join(root, cited), "utf8").replace("url: https://news.example.org/", "url: https://registered.example.net/"));
    // Written an hour ago: no file is "racily clean", so the stamps the cache keeps are those of every file.
    const before = Date.now() / 1000 - 3600;
    for (const f of files) fs.utimesSync(path.join(root, f), before, before);
    single = await validate({ root, parallel: false });
  }, 300_000);

  it("the same diagnostics without the cache, cold and warm, in workers and on one thread", async () => {
    expect(single.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(expect.arrayContaining(["YAML001", "SCH002", "REF001"]));
    expect(single.diagnostics.filter((d) => d.code === "PUB002")).toHaveLength(1);
    const cold = await run(root);
    expect(cold.loadedInWorker).toBe(files.length);
    expect(cold.fromCache).toBe(0);
    // Files whose stamps are unchanged are not even read: no worker starts.
    const warm = await run(root);
    expect(warm.loadedInWorker).toBe(0);
    expect(warm.fromCache).toBe(files.length);
    const warmSingle = await run(root, { parallel: false });
    expect(warmSingle.fromCache).toBe(files.length);
    // Every file touched (new stamps, the same bytes): hashed in workers, every verdict still cached.
    const later = Date.now() / 1000 - 1800;
    for (const f of files) fs.utimesSync(path.join(root, f), later, later);
    const touched = await run(root);
    expect(touched.loadedInWorker).toBe(files.length);
    expect(touched.fromCache).toBe(files.length);
    for (const r of [cold, warm, warmSingle, touched]) expect(r.diagnostics).toEqual(single.diagnostics);
  });

  it("a large partial run uses the cached verdicts and the cached views of the records it does not check", async () => {
    await run(root);
    const only = files.slice(0, PARALLEL_THRESHOLD + 100);
    const partial = await run(root, { only });
    expect(partial.fromCache).toBe(only.length);
    expect(partial.diagnostics).toEqual((await validate({ root, only })).diagnostics);
  });

  it("the command prints the same report with and without the cache (--no-cache, SIDELINES_NO_CACHE=1)", async () => {
    fs.rmSync(path.join(root, ".sidelines-cache"), { recursive: true, force: true });
    const off = await runCli(root, ["--format", "json", "--no-cache"]);
    expect(fs.existsSync(path.join(root, ".sidelines-cache"))).toBe(false);
    const offByEnv = await runCli(root, ["--format", "json"], { SIDELINES_NO_CACHE: "1" });
    expect(fs.existsSync(path.join(root, ".sidelines-cache"))).toBe(false);
    const cold = await runCli(root, ["--format", "json"]);
    expect(fs.existsSync(path.join(root, CACHE_FILE))).toBe(true);
    const warm = await runCli(root, ["--format", "json"]);
    const human = await runCli(root, []);
    const humanOff = await runCli(root, ["--no-cache"]);
    expect(off.status).toBe(1);
    for (const r of [offByEnv, cold, warm]) {
      expect(r.status).toBe(off.status);
      expect(r.stdout).toBe(off.stdout);
      expect(r.stderr).toBe("");
    }
    expect(human.stdout).toBe(humanOff.stdout);
  });

  it("two runs at once leave one whole cache that the next run uses", async () => {
    fs.rmSync(path.join(root, ".sidelines-cache"), { recursive: true, force: true });
    const [a, b] = await Promise.all([runCli(root, ["--format", "json"]), runCli(root, ["--format", "json"])]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr + b.stderr).toBe("");
    const next = await run(root);
    expect(next.notices).toEqual([]);
    expect(next.fromCache).toBe(files.length);
    expect(fs.readdirSync(path.join(root, ".sidelines-cache")).sort()).toEqual(["edition-ids", "validation-cache"]);
  });

  it("SIDELINES_NO_CACHE is read as on/off", () => {
    expect(cacheDisabledByEnv({})).toBe(false);
    expect(cacheDisabledByEnv({ SIDELINES_NO_CACHE: "" })).toBe(false);
    expect(cacheDisabledByEnv({ SIDELINES_NO_CACHE: "0" })).toBe(false);
    expect(cacheDisabledByEnv({ SIDELINES_NO_CACHE: "1" })).toBe(true);
  });
});
