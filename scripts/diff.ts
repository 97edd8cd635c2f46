/**
 * `npm run diff -- <old> [<new>] [--format markdown|json]` — what changed between two releases: records
 * added, removed (with or without tombstone) and changed field by field, public schema changes, and the
 * suggested version bump. Each side is a `dataset.json` file or a git ref, which is built on the fly
 * (into a temporary folder; dist/ is not touched). `<new>` defaults to the working tree.
 * Exit status: 0 compared, 2 usage error or a side that cannot be built.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCommandLine, runCommand, UsageError, userPath } from "./lib/cli.ts";
import { publishDataset } from "./lib/publish/pipeline.ts";
import { DataErrors } from "./lib/publish/collect.ts";
import { derivedFields, diffRecords, diffSchemas, type RecordsByType } from "./lib/diff/diff-records.ts";
import { publicSchemas } from "./lib/publish/public-schemas.ts";
import { loadSchemaSet } from "./lib/schemas.ts";
import { diffJson, diffMarkdown } from "./lib/diff/format-diff.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "./lib/record-types.ts";


interface Side {
  label: string;
  records: RecordsByType;
  schemas: Map<string, unknown>;
}

function readDist(label: string, datasetFile: string): Side {
  let dataset: Record<string, unknown>;
  try {
    dataset = JSON.parse(fs.readFileSync(datasetFile, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${label}: cannot read ${datasetFile} as JSON (${(error as Error).message})`);
  }
  const records: RecordsByType = {};
  for (const t of RECORD_TYPE_NAMES) {
    const list = dataset[RECORD_TYPES[t].plural];
    records[RECORD_TYPES[t].plural] = Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
  }
  const schemas = new Map<string, unknown>();
  const dir = path.join(path.dirname(datasetFile), "schemas");
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) schemas.set(f, JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
  return { label, records, schemas };
}

/** The published records and public schemas of a dataset, as a build would release them (nothing is written). */
async function buildSide(label: string, root: string): Promise<Side> {
  let dataset;
  try {
    dataset = await publishDataset(root);
  } catch (error) {
    if (error instanceof DataErrors) throw new UsageError(`${label}: the data does not validate with the current toolkit (${error.message})`);
    throw error;
  }
  const records: RecordsByType = {};
  for (const t of RECORD_TYPE_NAMES) records[RECORD_TYPES[t].plural] = dataset.published[t] as unknown as Array<Record<string, unknown>>;
  return { label, records, schemas: new Map([...dataset.schemas].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** Extracts data/ (and what a build needs beside it) at a git ref into a temporary folder. */
function checkoutRef(ref: string, tmp: string): string {
  const git = (args: string[]): Buffer => execFileSync("git", args, { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`\`${ref}\` is neither a dataset.json file nor a commit, branch or tag in this repository`);
  }
  const root = path.join(tmp, "tree");
  fs.mkdirSync(root, { recursive: true });
  const archive = path.join(tmp, "tree.tar");
  try {
    fs.writeFileSync(archive, git(["archive", "--format=tar", ref, "data", "package.json"]));
  } catch {
    throw new UsageError(`${ref} has no data/ folder to compare`);
  }
  execFileSync("tar", ["-xf", archive, "-C", root]);
  return root;
}

async function side(arg: string | undefined): Promise<Side> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-diff-"));
  try {
    if (arg === undefined) return await buildSide("working tree", process.cwd());
    if (arg.endsWith(".json") && fs.existsSync(userPath(arg))) return readDist(arg, userPath(arg));
    return await buildSide(arg, checkoutRef(arg, tmp));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const DIFF_HELP = "Usage: npm run diff -- <old> [<new>] [--format markdown|json]\n  <old>, <new>: a dataset.json file or a git ref; <new> defaults to the working tree.";

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { format: { type: "string" } }, help: DIFF_HELP, positionals: [1, 2] });
  if (!parsed) return 0;
  const format = parsed.values.format ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new UsageError(`--format must be markdown or json (got \`${format}\`)`);
  const [oldArg, newArg] = parsed.positionals;
  const before = await side(oldArg);
  const after = await side(newArg);
  const schemaChanges = [...new Set([...before.schemas.keys(), ...after.schemas.keys()])].sort().flatMap((name) => {
    if (!after.schemas.has(name)) return [{ schema: name, path: "", breaking: true, description: "public schema removed" }];
    if (!before.schemas.has(name)) return [{ schema: name, path: "", breaking: false, description: "public schema added" }];
    return diffSchemas(name, before.schemas.get(name), after.schemas.get(name));
  });
  // Which fields the build derives: from the public schemas of both sides and of this toolkit.
  const derived: Record<string, string[]> = {};
  for (const schemas of [before.schemas, after.schemas, publicSchemas(loadSchemaSet().schemas)]) for (const [type, paths] of Object.entries(derivedFields(schemas))) derived[type] = [...new Set([...(derived[type] ?? []), ...paths])];
  const diff = diffRecords(before.records, after.records, schemaChanges, derived);
  process.stdout.write(format === "json" ? diffJson(diff, before.label, after.label) : `${diffMarkdown(diff, before.label, after.label)}\n`);
  return 0;
}

runCommand("diff", () => main(process.argv.slice(2)));
