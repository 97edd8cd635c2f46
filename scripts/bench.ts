/**
 * `npm run bench [-- --records N | --sizes a,b] [--profiles realistic,synthetic,hub] [--tools …] [--reps 3] [--readme]`
 * — generates seeded corpora and measures, on the same files: our cold validation (no validation
 * cache), our warm validation (the cache of an earlier run, one record changed since), `--changed` with
 * one record changed, our build, ajv-cli (the peer), and the floor (read + parse only, one thread).
 * Prints medians with the spread, wall and CPU seconds, peak RSS, the release size, the load average
 * and the ratios; `--readme` also writes them into README.md's generated section. Every measurement is
 * a fresh process, as a user would start it, on a warm page cache. Figures only; nothing here asserts a time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeFailure, exitQuietlyOnClosedPipe, parseCommandLine } from "./lib/cli.ts";
import { generateCorpus, writeCorpus, type GeneratedCorpus } from "./lib/bench/generate.ts";
import { copiesCorpus, readRealRecords } from "./lib/bench/copies.ts";
import { shapeOf, shapeTable, type TypeShape } from "./lib/bench/shape.ts";
import { wideRecord } from "./lib/bench/wide-record.ts";
import { npmScript } from "./lib/bench/npm-script.ts";
import { median, roundRatios } from "./lib/bench/rounds.ts";
import { replaceSection } from "./lib/docs/generated-section.ts";
import { LIMITS } from "./lib/load/limits.ts";
import { RECORD_TYPES, type RecordType } from "./lib/record-types.ts";
import { readSchemas } from "./lib/schemas.ts";
import { DATA_DIR, ROOT } from "./lib/paths.ts";
import { maxOf, minOf } from "./lib/collections.ts";

const PROFILES = {
  realistic: "copies of the records of data/ with fresh ids, each copy an independent dataset (states shared by all)",
  synthetic: "seeded synthetic records (45 % meetings, 44 % actors, 10 % sanctions, 1 % forums of 12 editions)",
  hub: "copies of data/ that share the people and states: one person under about 1,000 sanctions at 100,000 records",
} as const;
type Profile = keyof typeof PROFILES;
const TOOLS = ["validate", "warm", "changed", "build", "ajv", "floor", "wide"] as const;
type Tool = (typeof TOOLS)[number];

const HELP = `Usage: npm run bench [-- --records N | --sizes a,b] [--profiles ${Object.keys(PROFILES).join(",")}]
                       [--tools ${TOOLS.join(",")}] [--reps 3] [--seed 1] [--keep] [--readme]

Generates seeded corpora (profiles: ${Object.entries(PROFILES).map(([k, v]) => `${k}: ${v}`).join("; ")}) and measures
validation, --changed, the build, ajv-cli and the floor on each. --readme writes the tables into README.md.`;

exitQuietlyOnClosedPipe();
const cli = (() => {
  try {
    return parseCommandLine(process.argv.slice(2), {
      options: { records: { type: "string" }, sizes: { type: "string" }, reps: { type: "string" }, seed: { type: "string" }, keep: { type: "boolean" }, profiles: { type: "string" }, tools: { type: "string" }, readme: { type: "boolean" } },
      help: HELP,
    });
  } catch (error) {
    console.error(`bench: ${describeFailure(error)} (run with --help for usage)`);
    process.exit(2);
  }
})();
if (!cli) process.exit(0);
const values = cli.values;
const listOption = <T extends string>(name: string, given: string | undefined, allowed: readonly T[]): T[] => {
  const items = (given ?? allowed.join(",")).split(",").filter(Boolean);
  const wrong = items.find((x) => !allowed.includes(x as T));
  if (wrong !== undefined) {
    console.error(`bench: unknown ${name} "${wrong}" (one of ${allowed.join(", ")})`);
    process.exit(2);
  }
  return items as T[];
};
const profiles = listOption("profile", values.profiles, Object.keys(PROFILES) as Profile[]);
const tools = listOption("tool", values.tools, TOOLS);
const sizes = values.records ? [Number(values.records)] : (values.sizes ?? "10000,100000").split(",").map(Number);
const reps = Number(values.reps ?? 3);
const seed = Number(values.seed ?? 1);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(reps) || reps < 1) {
  console.error("bench: --records, --sizes and --reps take positive whole numbers");
  process.exit(2);
}
const RSS_HOOK = path.join(ROOT, "scripts/lib/bench/report-rss.cjs");
const AJV = path.join(ROOT, "node_modules/ajv-cli/dist/index.js");

interface Sample {
  seconds: number;
  cpuSeconds: number;
  rssMiB: number;
  /** One-minute load average just before the run. */
  load: number;
  /** Bytes the command wrote (the release, for the build). */
  outBytes?: number;
}

/** Runs a Node command once; returns wall and CPU time and the peak RSS of every Node process it started. */
function run(args: string[], cwd: string, okCodes = [0, 1]): Sample {
  const rssFile = path.join(os.tmpdir(), `sidelines-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const load = os.loadavg()[0]!;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, NODE_OPTIONS: `--require ${RSS_HOOK}`, SIDELINES_RSS_FILE: rssFile, GITHUB_ACTIONS: "" } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const lines = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number)) : [];
  fs.rmSync(rssFile, { force: true });
  return { seconds, cpuSeconds: lines.reduce((a, l) => a + (l[1] ?? 0), 0) / 1e6, rssMiB: maxOf(lines.map((l) => l[0]!), 0) / 1024, load };
}

const sum = (samples: Sample[]): Sample => ({ seconds: samples.reduce((a, p) => a + p.seconds, 0), cpuSeconds: samples.reduce((a, p) => a + p.cpuSeconds, 0), rssMiB: maxOf(samples.map((p) => p.rssMiB)), load: samples[0]!.load });

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}


interface Row {
  profile: Profile;
  size: number;
  tool: Tool;
  name: string;
  samples: Sample[];
}

const real = profiles.some((p) => p !== "synthetic") ? readRealRecords(DATA_DIR) : [];
const schemas = readSchemas();
const publishers = fs.existsSync(path.join(DATA_DIR, "publishers.yaml")) ? fs.readFileSync(path.join(DATA_DIR, "publishers.yaml"), "utf8") : undefined;
const shapes: Array<{ name: string; shape: Map<RecordType, TypeShape> }> = real.length ? [{ name: "data/ (real)", shape: shapeOf(real.map((x) => [`data/${RECORD_TYPES[x.type].folder}/${x.id}.yaml`, x.text])) }] : [];
const fanIns: string[] = [];

function makeCorpus(profile: Profile, size: number): GeneratedCorpus {
  if (profile === "synthetic") return generateCorpus(size, seed);
  return copiesCorpus(real, size, profile, schemas, seed, publishers);
}

/** The largest fan-ins of a corpus: the most sanctions on one actor and the most meetings naming one actor. */
function fanInOf(corpus: GeneratedCorpus): string {
  const count = (folder: string, re: RegExp): [string, number] => {
    const n = new Map<string, number>();
    for (const [file, text] of corpus.files) {
      if (!file.startsWith(`data/${folder}/`)) continue;
      for (const id of new Set([...text.matchAll(re)].map((m) => m[1]!))) n.set(id, (n.get(id) ?? 0) + 1);
    }
    return [...n].reduce<[string, number]>((best, x) => (x[1] > best[1] ? x : best), ["none", 0]);
  };
  const [target, sanctions] = count("sanctions", /^\s*- actor: (\S+)$/gm);
  const [named, meetings] = count("meetings", /^\s*(?:- actor|on_behalf_of): (\S+)$/gm);
  return `most sanctions on one actor: ${sanctions} (${target}); most meetings naming one actor: ${meetings} (${named})`;
}

function benchCorpus(profile: Profile, size: number): Row[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `sidelines-bench-${profile}-${size}-`));
  console.error(`\n# ${profile}, ${size} records in ${root}`);
  try {
    return measureCorpus(profile, size, root);
  } finally {
    // Also when a run fails: a corpus of 100,000 files is not left behind in the temporary folder.
    if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

function measureCorpus(profile: Profile, size: number, root: string): Row[] {
  const corpus = makeCorpus(profile, size);
  writeCorpus(root, corpus);
  if (size === maxOf(sizes)) {
    // The shape of a seeded sample of up to 3,000 files (parsing 100,000 would take longer than the runs).
    const entries = [...corpus.files].filter(([f]) => f.split("/").length === 3);
    const step = Math.max(1, Math.floor(entries.length / 3000));
    if (profile !== "hub") shapes.push({ name: `${profile}${step > 1 ? ` (one file in ${step})` : ""}`, shape: shapeOf(entries.filter((_, i) => i % step === 0)) });
    if (profile !== "synthetic") fanIns.push(`${profile}, ${size}: ${fanInOf(corpus)}`);
  }
  const git = (...args: string[]): string => execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@localhost", ...args], { cwd: root, encoding: "utf8" });
  git("init", "-q");
  // Committing 100,000 loose objects would otherwise start git's automatic repacking in the background,
  // in the middle of the first measurements.
  git("config", "gc.auto", "0");
  git("add", "-A");
  git("commit", "-qm", "corpus");
  // Writing the corpus and its git objects leaves close to a gigabyte of dirty pages at 100,000 records;
  // flush them, so that their write-back slows no run. Files written in the second git read its index
  // are "racily clean" and would be hashed again by every git command; refresh the index a second later.
  execFileSync("sync");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
  git("update-index", "-q", "--refresh");
  const floorArgs = [path.join(ROOT, "scripts/lib/bench/floor.mjs"), path.join(root, "data")];
  const validateArgs = npmScript("validate");
  // The record edited for --changed: the first meeting whose title is plain text, so that words can be added.
  const changed = [...corpus.files].find(([f, t]) => f.startsWith("data/meetings/") && /^title: [^'"\n]/m.test(t))![0];
  const original = fs.readFileSync(path.join(root, changed), "utf8");
  /** Runs with the one record edited (a few new words in its title), then puts it back. */
  const withOneEdit = (args: string[]): Sample => {
    fs.writeFileSync(path.join(root, changed), original.replace(/^title: (.*)$/m, `title: $1 ${Math.random().toString(36).slice(2, 6)}`));
    try {
      return run(args, root);
    } finally {
      fs.writeFileSync(path.join(root, changed), original);
    }
  };
  const cacheDir = path.join(root, ".sidelines-cache");
  const all: Array<{ tool: Tool; name: string; sample: () => Sample }> = [
    // Cold: no validation cache yet (the run writes one, as a first run does).
    {
      tool: "validate",
      name: "ours: full validation, cold",
      sample: () => {
        fs.rmSync(cacheDir, { recursive: true, force: true });
        return run(validateArgs, root);
      },
    },
    // Warm: the cache of an earlier full run present, one record changed since.
    {
      tool: "warm",
      name: "ours: full validation, warm (cache, one record changed)",
      sample: () => {
        if (!fs.existsSync(cacheDir)) run(validateArgs, root);
        return withOneEdit(validateArgs);
      },
    },
    { tool: "changed", name: "ours: --changed, one record changed", sample: () => withOneEdit([...validateArgs, "--changed", "HEAD"]) },
    { tool: "build", name: "ours: build", sample: () => ({ ...run(npmScript("build"), root, [0]), outBytes: bytesUnder(path.join(root, "dist")) }) },
    {
      // The peer, as a user would run it: one ajv-cli call per record type with the same schemas, summed.
      tool: "ajv",
      name: "ajv-cli (peer), summed over types",
      sample: () =>
        sum(
          (Object.keys(RECORD_TYPES) as RecordType[])
            .filter((t) => fs.existsSync(path.join(root, "data", RECORD_TYPES[t].folder)))
            .map((t) => run([AJV, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", path.join(ROOT, "schemas", RECORD_TYPES[t].schema), "-r", path.join(ROOT, "schemas/defs.schema.json"), "-d", `data/${RECORD_TYPES[t].folder}/*.yaml`], root)),
        ),
    },
    { tool: "floor", name: "floor: read + parse (js-yaml), one thread", sample: () => run(floorArgs, root, [0]) },
  ];
  const measured = all.filter((t) => tools.includes(t.tool));
  // Rounds rather than one tool after another, so that a slow spell of the machine spreads over every
  // tool; before each run every file is read once, untimed, so that each tool meets a warm page cache
  // (the build writes half a gigabyte, which pushes the data out of a small cache).
  const rows: Row[] = measured.map((t) => ({ profile, size, tool: t.tool, name: t.name, samples: [] }));
  for (let round = 1; round <= reps; round++) {
    console.error(`  round ${round} of ${reps}…`);
    measured.forEach((t, i) => {
      run(floorArgs, root, [0]);
      rows[i]!.samples.push(t.sample());
      const s = rows[i]!.samples.at(-1)!;
      console.error(`    ${t.name}: ${s.seconds.toFixed(2)} s wall, ${s.cpuSeconds.toFixed(2)} s CPU, ${Math.round(s.rssMiB)} MiB, load ${s.load.toFixed(2)}`);
    });
  }
  return rows;
}

const rows = profiles.flatMap((p) => sizes.map((n) => benchCorpus(p, n))).flat();
const fmt = (n: number, d = 2): string => n.toFixed(d);
const out: string[] = [];
out.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${reps} run${reps > 1 ? "s" : ""} each, median (min–max); seed ${seed}.`);
out.push(`Command: \`npm run bench -- ${process.argv.slice(2).filter((a) => a !== "--readme").join(" ")}\`.`.replace(" -- `", "`"), "");
out.push("| profile | records | what | wall s | min–max s | CPU s | peak RSS MiB | release MiB | wall vs ajv-cli | wall vs floor | CPU vs floor | load |");
out.push("| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const med = (r: Row | undefined, key: "seconds" | "cpuSeconds"): number | undefined => (r ? median(r.samples.map((s) => s[key])) : undefined);
for (const profile of profiles) {
  for (const size of sizes) {
    const here = rows.filter((r) => r.profile === profile && r.size === size);
    const peer = med(here.find((r) => r.tool === "ajv"), "seconds");
    const floor = here.find((r) => r.tool === "floor");
    for (const r of here) {
      const secs = r.samples.map((s) => s.seconds);
      const m = median(secs);
      const cpu = median(r.samples.map((s) => s.cpuSeconds));
      const bytes = r.samples.find((s) => s.outBytes !== undefined)?.outBytes;
      const ratio = (x: number, of: number | undefined): string => (of ? fmt(x / of) : "");
      out.push(
        `| ${profile} | ${size} | ${r.name} | ${fmt(m)} | ${fmt(minOf(secs))}–${fmt(maxOf(secs))} | ${fmt(cpu)} | ${Math.round(maxOf(r.samples.map((s) => s.rssMiB)))} | ${bytes === undefined ? "" : fmt(bytes / 2 ** 20, 0)} | ${ratio(m, peer)} | ${ratio(m, med(floor, "seconds"))} | ${ratio(cpu, med(floor, "cpuSeconds"))} | ${fmt(median(r.samples.map((s) => s.load)))} |`,
      );
    }
  }
}
// With several rounds, the target ratios again, round by round (see rounds.ts).
if (reps > 1) {
  out.push("");
  for (const profile of profiles) {
    for (const size of sizes) {
      const here = rows.filter((r) => r.profile === profile && r.size === size);
      const secs = (tool: Tool): number[] => here.find((r) => r.tool === tool)?.samples.map((s) => s.seconds) ?? [];
      const parts = (
        [
          ["validate", "ajv", "cold validation ÷ ajv-cli"],
          ["validate", "floor", "cold validation ÷ floor"],
          ["build", "floor", "build ÷ floor"],
        ] as const
      ).flatMap(([of, to, what]) => {
        const r = roundRatios(secs(of), secs(to));
        return r ? [`${what} ${r.each.map((x) => fmt(x)).join(", ")} (median ${fmt(r.median)})`] : [];
      });
      if (parts.length) out.push(`${profile}, ${size}, wall time round by round: ${parts.join("; ")}.`);
    }
  }
}
if (sizes.length > 1) {
  out.push("");
  const [small, large] = [minOf(sizes), maxOf(sizes)];
  for (const profile of profiles) {
    const per = (size: number, tool: Tool, key: "seconds" | "cpuSeconds"): number | undefined => {
      const m = med(rows.find((r) => r.profile === profile && r.size === size && r.tool === tool), key);
      return m === undefined ? undefined : m / size;
    };
    const parts = (["validate", "build", "floor"] as const).flatMap((tool) => {
      const [a, b] = [per(large, tool, "seconds"), per(small, tool, "seconds")];
      return a && b ? [`${tool} ×${fmt(a / b)}`] : [];
    });
    const release = (size: number): number | undefined => rows.find((r) => r.profile === profile && r.size === size && r.tool === "build")?.samples[0]?.outBytes;
    const [ra, rb] = [release(large), release(small)];
    if (ra && rb) parts.push(`release size ×${fmt(ra / large / (rb / small))}`);
    if (parts.length) out.push(`${profile}: cost per record, ${large} vs ${small} (1.00 is linear): ${parts.join(", ")}.`, "");
  }
}
// How warm runs compare with the cold one, per size, in each profile.
for (const profile of profiles) {
  const per = (size: number, tool: Tool): number | undefined => med(rows.find((r) => r.profile === profile && r.size === size && r.tool === tool), "seconds");
  for (const [tool, what] of [
    ["changed", "--changed"],
    ["warm", "warm full validation"],
  ] as const) {
    const share = sizes.flatMap((s) => {
      const [c, v, peer] = [per(s, tool), per(s, "validate"), per(s, "ajv")];
      return c && v ? [`${s}: ${fmt((c / v) * 100, 1)} %${peer ? ` (${fmt(c / peer)}× ajv-cli)` : ""}`] : [];
    });
    if (share.length) out.push(`${profile}: ${what} as a share of the full cold validation: ${share.join(", ")}.`, "");
  }
}
if (fanIns.length) out.push("Fan-ins: " + fanIns.join("; ") + ".", "");
if (shapes.length > 1) out.push("The corpora beside the real records (means per record; depth is the deepest nesting):", "", ...shapeTable(shapes), "");

/** One file at the size limit made of very many short keys and list items: the cost must stay linear. */
function benchWide(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-bench-wide-"));
  const { text, counts } = wideRecord(LIMITS.maxFileBytes - 4096);
  fs.mkdirSync(path.join(root, "data/actors"), { recursive: true });
  fs.writeFileSync(path.join(root, "data/actors/wide.yaml"), text);
  const secs = Array.from({ length: reps }, () => run([...npmScript("validate"), "--format", "json"], root).seconds);
  fs.rmSync(root, { recursive: true, force: true });
  const items = Object.values(counts).reduce((a, b) => a + b, 0);
  return `One ${Math.round(text.length / 1024)} KiB file of ${items} keys and list items (${counts.topKeys} of them unknown keys, one diagnostic each): validation ${fmt(median(secs))} s median (${fmt(minOf(secs))}–${fmt(maxOf(secs))}).`;
}
if (tools.includes("wide")) out.push(benchWide());
const text = out.join("\n").trimEnd();
console.log(text);
if (values.readme) {
  const readme = path.join(ROOT, "README.md");
  fs.writeFileSync(readme, replaceSection(fs.readFileSync(readme, "utf8"), "bench", text, "npm run bench -- --readme"));
  console.error("updated README.md");
}
