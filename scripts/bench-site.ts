/**
 * `npm run bench:site [-- --records N] [--profile realistic|synthetic|synthetic+real] [--query "li shang fu"]…` —
 * generates a seeded corpus (as `npm run bench` does), builds it, renders its site, and prints the wall
 * time of `npm run site`, the home page's size with what it loads, and what a first search downloads
 * for each query. Everything happens in a temporary folder, removed at the end unless --keep.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCommandLine, runCommand } from "./lib/cli.ts";
import { generateCorpus, writeCorpus } from "./lib/bench/generate.ts";
import { copiesCorpus, readRealRecords } from "./lib/bench/copies.ts";
import { firstSearchDownload, pageDownload } from "./lib/bench/site-bytes.ts";
import { readSchemas } from "./lib/schemas.ts";
import { DATA_DIR } from "./lib/paths.ts";
import { RECORD_TYPES } from "./lib/record-types.ts";
import { npmScript } from "./lib/bench/npm-script.ts";

const HELP = `Usage: npm run bench:site -- [--records N] [--profile realistic|synthetic|synthetic+real] [--query TEXT]... [--seed 1] [--keep]

Generates a corpus of N records (default 100000; realistic: copies of data/ with fresh ids, so each
real person has N/200 namesakes; synthetic: seeded synthetic records; synthetic+real: the records of
data/ among synthetic ones), builds it and renders its site, then prints: npm run site's wall time, the
home page's bytes, and the bytes a first search downloads for each query (default "li shang fu").`;

const PROFILES = ["realistic", "synthetic", "synthetic+real"];
/**
 * Runs the npm script `name` (as \`npm run\` would, compiled, with its Node options) in the corpus folder; returns its wall time and last line.
 * The disk is synced first (\`sync\`, where there is one): on ext4 a file created within minutes of many
 * files being freed costs several times more while the freed inodes are not yet written back, so an
 * earlier run's clean-up (this benchmark removes some 450,000 files at 100,000 records) would
 * otherwise be counted against the next run.
 */
function timed(name: string, cwd: string): { seconds: number; out: string } {
  spawnSync("sync", { stdio: "ignore" });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, npmScript(name), { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`npm run ${name} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 2000)}`);
  return { seconds, out: r.stdout.trim().split("\n").at(-1) ?? "" };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

function main(argv: string[]): number {
  const parsed = parseCommandLine(argv, { options: { records: { type: "string" }, profile: { type: "string" }, query: { type: "string", multiple: true }, seed: { type: "string" }, keep: { type: "boolean" } }, help: HELP });
  if (!parsed) return 0;
  const records = Number(parsed.values.records ?? 100_000);
  const profile = parsed.values.profile ?? "realistic";
  const seed = Number(parsed.values.seed ?? 1);
  const queries = parsed.values.query ?? ["li shang fu"];
  if (!Number.isInteger(records) || records < 1 || !PROFILES.includes(profile)) {
    console.error(`bench:site: --records takes a positive whole number, --profile one of ${PROFILES.join(", ")}`);
    return 2;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `sidelines-bench-site-${profile}-${records}-`));
  try {
    const publishers = fs.existsSync(path.join(DATA_DIR, "publishers.yaml")) ? fs.readFileSync(path.join(DATA_DIR, "publishers.yaml"), "utf8") : undefined;
    const real = readRealRecords(DATA_DIR);
    const corpus = profile === "realistic" ? copiesCorpus(real, records, "realistic", readSchemas(), seed, publishers) : generateCorpus(profile === "synthetic" ? records : Math.max(1, records - real.length), seed);
    if (profile === "synthetic+real") {
      // The records of data/ as they are, among synthetic ones (whose ids, person-1, meeting-1…, none of them uses).
      for (const r of real) corpus.files.set(`data/${RECORD_TYPES[r.type].folder}/${r.id}.yaml`, r.text);
      if (publishers !== undefined) corpus.files.set("data/publishers.yaml", publishers);
    }
    writeCorpus(root, corpus);
    console.error(`# ${profile}, ${records} records in ${root}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    const build = timed("build", root);
    console.error(`build: ${build.seconds.toFixed(1)} s`);
    const site = timed("site", root);
    const dir = path.join(root, "dist", "site");
    const home = pageDownload(dir, "index.html");
    console.log(`| what | figure |\n| --- | --- |`);
    console.log(`| corpus | ${profile}, ${records} records (${site.out}) |`);
    console.log(`| npm run site, wall | ${site.seconds.toFixed(1)} s |`);
    console.log(`| home page (index.html) | ${fs.statSync(path.join(dir, "index.html")).size} bytes |`);
    console.log(`| home page with its CSS and scripts | ${home.bytes} bytes (${kb(home.bytes)}) |`);
    for (const q of queries) {
      const s = firstSearchDownload(dir, q);
      console.log(`| first search "${q}" | ${s.bytes} bytes (${kb(s.bytes)}) in ${s.files.length} files, of which shards ${s.shardBytes} bytes; ${s.results} results, first: ${s.first.join("; ")} |`);
    }
    console.log(`| load average after | ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} |`);
    return 0;
  } finally {
    if (parsed.values.keep) console.error(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

runCommand("bench:site", () => main(process.argv.slice(2)));
