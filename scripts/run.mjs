/**
 * The launcher of the commands: `npm run <command>` runs `node scripts/run.mjs <command> [args…]`, which
 * runs the command compiled to JavaScript in .sidelines-cache/js/, so that no TypeScript is compiled at
 * start-up. `npm ci` compiles it once (the `prepare` script runs `node scripts/run.mjs --compile`).
 *
 * Compiled code is never run stale: each start compares a stamp of the sources — the path, size and
 * modification time of every file under scripts/, of package.json and tsconfig.json, and esbuild's
 * version — with the stamp the compiled files were made from (a few milliseconds). When they differ, it
 * compiles again (well under a second) with a one-line notice; if it cannot, it runs the TypeScript
 * through tsx instead, with a one-line notice. Each command and each worker body is one bundle (esbuild,
 * dependencies left as imports); worker threads start from their body's bundle (lib/worker-thread.ts).
 * This file is plain JavaScript, because it runs before anything is compiled.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPTS = path.join(ROOT, "scripts");
/** Two levels below the root, so that modules finding the root from their own location find it here too. */
export const COMPILED_DIR = path.join(ROOT, ".sidelines-cache", "js");
const STAMP_FILE = path.join(COMPILED_DIR, "stamp");
/** Raised when what the compiler writes changes shape. */
const FORMAT = 1;
/** The modules worker threads run, compiled beside the commands under their own file names. */
const WORKER_BODIES = ["lib/load/load-worker-body.ts", "lib/load/stamp-worker-body.ts", "lib/publish/release-writer-body.ts", "lib/site/render-worker-body.ts"];

/** The commands: the TypeScript files directly in scripts/. */
export function commandNames() {
  return fs
    .readdirSync(SCRIPTS)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.slice(0, -3))
    .sort();
}

function listFiles(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(abs, out);
    else out.push(abs);
  }
  return out;
}

/** The stamp of the sources the compiled files are made from. */
export function sourceStamp() {
  const hash = createHash("sha256");
  let esbuild = "missing";
  try {
    esbuild = createRequire(import.meta.url)("esbuild/package.json").version;
  } catch {
    // compile() then fails, and the command runs through tsx
  }
  hash.update(`format ${FORMAT}\0esbuild ${esbuild}\0node ${process.versions.node.split(".")[0]}\0`);
  const files = listFiles(SCRIPTS, [path.join(ROOT, "package.json"), path.join(ROOT, "tsconfig.json")]).sort();
  for (const file of files) {
    const st = fs.statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${st.size}\0${st.mtimeMs}\0`);
  }
  return hash.digest("hex");
}

function compiledStamp() {
  try {
    return fs.readFileSync(STAMP_FILE, "utf8");
  } catch {
    return undefined;
  }
}

/** Compiles every command and worker body into COMPILED_DIR; the stamp is written last. */
export async function compile(stamp = sourceStamp()) {
  const esbuild = await import("esbuild");
  fs.mkdirSync(path.dirname(COMPILED_DIR), { recursive: true });
  const temp = fs.mkdtempSync(`${COMPILED_DIR}.tmp-${process.pid}-`);
  try {
    const bodies = WORKER_BODIES.map((b) => ({ in: path.join(SCRIPTS, b), out: path.basename(b, ".ts") }));
    const names = new Set(bodies.map((b) => b.out));
    if (names.size !== bodies.length || commandNames().some((c) => names.has(c))) throw new Error("two compiled modules would have the same name");
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [...commandNames().map((c) => ({ in: path.join(SCRIPTS, `${c}.ts`), out: c })), ...bodies],
      outdir: temp,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "silent",
      legalComments: "none",
    });
    fs.writeFileSync(path.join(temp, "stamp"), stamp);
    fs.mkdirSync(COMPILED_DIR, { recursive: true });
    // Each file is renamed into place whole; the stamp goes last, so it never vouches for older files.
    for (const f of fs.readdirSync(temp).filter((f) => f !== "stamp")) fs.renameSync(path.join(temp, f), path.join(COMPILED_DIR, f));
    fs.renameSync(path.join(temp, "stamp"), STAMP_FILE);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** The URL of the module to run for a command: compiled and current, or the TypeScript source through tsx. */
async function entryOf(command) {
  const stamp = sourceStamp();
  if (compiledStamp() !== stamp) {
    try {
      await compile(stamp);
      console.error(`${command}: note: the compiled scripts were out of date with scripts/; compiled them again into .sidelines-cache/js/`);
    } catch (error) {
      console.error(`${command}: note: could not compile scripts/ (${String(error?.message ?? error).split("\n")[0]}); running the TypeScript through tsx`);
      const { register } = await import("tsx/esm/api");
      register();
      return pathToFileURL(path.join(SCRIPTS, `${command}.ts`)).href;
    }
  }
  return pathToFileURL(path.join(COMPILED_DIR, `${command}.mjs`)).href;
}

async function main() {
  const command = process.argv[2];
  if (command === "--compile") {
    // At install (`prepare`): a failure is not fatal, since each run compiles again or falls back to tsx.
    try {
      await compile();
      console.log(`compiled ${commandNames().length} commands into ${path.relative(ROOT, COMPILED_DIR)}/`);
    } catch (error) {
      console.error(`run: note: could not compile scripts/ (${String(error?.message ?? error).split("\n")[0]}); the commands will run through tsx`);
    }
    return;
  }
  if (!command || !commandNames().includes(command)) {
    console.error(`run: unknown command \`${command ?? ""}\` (one of: ${commandNames().join(", ")})`);
    process.exitCode = 2;
    return;
  }
  // The command sees its own arguments, as if started directly.
  process.argv.splice(2, 1);
  await import(await entryOf(command));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
