/**
 * `npm run bench [-- --records N] [--sizes 10000,100000] [--reps 3]` — generates a seeded synthetic
 * corpus and measures, on the same files: our cold validation, a warm run, `--changed` with one record
 * changed, our build, ajv-cli (the peer), and the floor (read + parse only). Prints medians with the
 * spread, records per second, peak RSS and the ratios. Every measurement is a fresh process, as a user
 * would run it, on a warm page cache. Figures only; nothing here asserts a time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeFailure, exitQuietlyOnClosedPipe, parseCommandLine } from "./lib/cli.ts";
import { generateCorpus, writeCorpus } from "./lib/bench/generate.ts";
import { wideRecord } from "./lib/bench/wide-record.ts";
import { LIMITS } from "./lib/load/limits.ts";
import { RECORD_TYPES, type RecordType } from "./lib/record-types.ts";
import { ROOT } from "./lib/paths.ts";
import { maxOf, minOf } from "./lib/collections.ts";

const HELP = `Usage: npm run bench [-- --records N | --sizes a,b] [--reps 3] [--seed 1] [--keep]

Generates a seeded synthetic corpus and measures validation, --changed, the build, ajv-cli and the floor.`;

exitQuietlyOnClosedPipe();
const cli = (() => {
  try {
    return parseCommandLine(process.argv.slice(2), { options: { records: { type: "string" }, sizes: { type: "string" }, reps: { type: "string" }, seed: { type: "string" }, keep: { type: "boolean" } }, help: HELP });
  } catch (error) {
    console.error(`bench: ${describeFailure(error)} (run with --help for usage)`);
    process.exit(2);
  }
})();
if (!cli) process.exit(0);
const values = cli.values;
const sizes = values.records ? [Number(values.records)] : (values.sizes ?? "10000,100000").split(",").map(Number);
const reps = Number(values.reps ?? 3);
const seed = Number(values.seed ?? 1);
const TSX = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const RSS_HOOK = path.join(ROOT, "scripts/lib/bench/report-rss.cjs");
const AJV = path.join(ROOT, "node_modules/ajv-cli/dist/index.js");

interface Sample {
  seconds: number;
  rssMiB: number;
}

/** Runs a Node command once; returns wall time and the peak RSS of every Node process it started. */
function run(args: string[], cwd: string, okCodes = [0, 1]): Sample {
  const rssFile = path.join(os.tmpdir(), `sidelines-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, NODE_OPTIONS: `--require ${RSS_HOOK}`, SIDELINES_RSS_FILE: rssFile, GITHUB_ACTIONS: "" } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const rss = fs.existsSync(rssFile) ? maxOf(fs.readFileSync(rssFile, "utf8").trim().split("\n").map(Number)) : 0;
  fs.rmSync(rssFile, { force: true });
  return { seconds, rssMiB: rss / 1024 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row {
  size: number;
  name: string;
  samples: Sample[];
}

function benchSize(size: number): Row[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `sidelines-bench-${size}-`));
  console.error(`\n# ${size} records in ${root}`);
  const corpus = generateCorpus(size, seed);
  writeCorpus(root, corpus);
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
  const validateArgs = ["--import", TSX, path.join(ROOT, "scripts/validate.ts")];
  const changed = path.join(root, "data/meetings/meeting-0.yaml");
  const original = fs.readFileSync(changed, "utf8");
  // There is no warm-cache row: a per-file verdict cache (stat + JSON) was measured slower than
  // parsing again with the fast path, and was dropped.
  const tools: Array<{ name: string; sample: () => Sample }> = [
    { name: "ours: full validation, cold", sample: () => run(validateArgs, root) },
    {
      name: "ours: --changed, one record changed",
      sample: () => {
        fs.writeFileSync(changed, original.replace(/^title: (.*)$/m, `title: $1 ${Math.random().toString(36).slice(2, 6)}`));
        try {
          return run([...validateArgs, "--changed", "HEAD"], root);
        } finally {
          fs.writeFileSync(changed, original);
        }
      },
    },
    // As `npm run build` runs it (with --expose-gc, see collectGarbage in the build pipeline).
    { name: "ours: build", sample: () => run(["--expose-gc", "--import", TSX, path.join(ROOT, "scripts/build.ts")], root, [0]) },
    {
      // The peer, as a user would run it: one ajv-cli call per record type with the same schemas, summed.
      name: "ajv-cli (peer), summed over types",
      sample: () => {
        const parts = (Object.keys(RECORD_TYPES) as RecordType[])
          .filter((t) => fs.existsSync(path.join(root, "data", RECORD_TYPES[t].folder)))
          .map((t) => run([AJV, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", path.join(ROOT, "schemas", RECORD_TYPES[t].schema), "-r", path.join(ROOT, "schemas/defs.schema.json"), "-d", `data/${RECORD_TYPES[t].folder}/*.yaml`], root));
        return { seconds: parts.reduce((a, p) => a + p.seconds, 0), rssMiB: maxOf(parts.map((p) => p.rssMiB)) };
      },
    },
    { name: "floor: read + parse (js-yaml)", sample: () => run(floorArgs, root, [0]) },
  ];
  // Rounds rather than one tool after another, so that a slow spell of the machine spreads over every
  // tool; before each run every file is read once, untimed, so that each tool meets a warm page cache
  // (the build writes half a gigabyte, which pushes the data out of a small cache).
  const rows: Row[] = tools.map((t) => ({ size, name: t.name, samples: [] }));
  for (let round = 1; round <= reps; round++) {
    console.error(`  round ${round} of ${reps}…`);
    tools.forEach((t, i) => {
      run(floorArgs, root, [0]);
      rows[i]!.samples.push(t.sample());
    });
  }
  if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
  return rows;
}

const all = sizes.flatMap(benchSize);
const fmt = (n: number, d = 2): string => n.toFixed(d);
const out: string[] = [];
out.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${reps} runs each, median (min–max); seed ${seed}.`, "");
out.push("| records | what | median s | min–max s | records/s | peak RSS MiB | vs ajv-cli | vs floor |", "| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |");
for (const size of sizes) {
  const rows = all.filter((r) => r.size === size);
  const med = (name: string): number => median(rows.find((r) => r.name.startsWith(name))!.samples.map((s) => s.seconds));
  const peer = med("ajv-cli");
  const floor = med("floor");
  for (const r of rows) {
    const secs = r.samples.map((s) => s.seconds);
    const m = median(secs);
    out.push(`| ${size} | ${r.name} | ${fmt(m)} | ${fmt(minOf(secs))}–${fmt(maxOf(secs))} | ${Math.round(size / m)} | ${Math.round(maxOf(r.samples.map((s) => s.rssMiB)))} | ${fmt(m / peer)} | ${fmt(m / floor)} |`);
  }
}
if (sizes.length > 1) {
  const per = (size: number, name: string): number => median(all.find((r) => r.size === size && r.name.startsWith(name))!.samples.map((s) => s.seconds)) / size;
  const [small, large] = [minOf(sizes), maxOf(sizes)];
  out.push("", `Cost per record, ${large} vs ${small}: cold validation ×${fmt(per(large, "ours: full validation, cold") / per(small, "ours: full validation, cold"))}, build ×${fmt(per(large, "ours: build") / per(small, "ours: build"))}.`);
  const changedShare = (size: number): number => per(size, "ours: --changed") / per(size, "ours: full validation, cold");
  out.push(`--changed as a share of the full cold validation: ${sizes.map((s) => `${s}: ${fmt(changedShare(s) * 100, 1)} %`).join(", ")}.`);
}
/** One file at the size limit made of very many short keys and list items: the cost must stay linear. */
function benchWide(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-bench-wide-"));
  const { text, counts } = wideRecord(LIMITS.maxFileBytes - 4096);
  fs.mkdirSync(path.join(root, "data/actors"), { recursive: true });
  fs.writeFileSync(path.join(root, "data/actors/wide.yaml"), text);
  const secs = Array.from({ length: reps }, () => run(["--import", TSX, path.join(ROOT, "scripts/validate.ts"), "--format", "json"], root).seconds);
  fs.rmSync(root, { recursive: true, force: true });
  const items = Object.values(counts).reduce((a, b) => a + b, 0);
  return `One ${Math.round(text.length / 1024)} KiB file of ${items} keys and list items (${counts.topKeys} of them unknown keys, one diagnostic each): validation ${fmt(median(secs))} s median (${fmt(minOf(secs))}–${fmt(maxOf(secs))}).`;
}
out.push("", benchWide());
console.log(out.join("\n"));
