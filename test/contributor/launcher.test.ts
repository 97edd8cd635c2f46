/**
 * The commands run as compiled JavaScript (scripts/run.mjs): compiled at install, compiled again when a
 * source changed, never run stale, and run through tsx with a notice when compiling is impossible.
 * Worker threads start from compiled bodies too. Each case runs in a copy of the toolkit, so that it can
 * change sources and break the output folder freely.
 */
import "../loaded-machine.ts";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { generateCorpus, writeCorpus } from "../../scripts/lib/bench/generate.ts";
import { PARALLEL_THRESHOLD } from "../../scripts/lib/load/parallel.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { runCli } from "../validate/helpers.ts";

afterAll(removeTempDirs);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, encoding: "utf8", timeout: 110_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "", ...env } }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** A copy of the toolkit (scripts, schemas, package.json, tsconfig.json) using this checkout's node_modules. */
function copyOfToolkit(): string {
  const root = tempDir("sidelines-launcher-");
  for (const part of ["scripts", "schemas", "package.json", "tsconfig.json"]) fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  return root;
}

const NOTICE = /^validate: note: the compiled scripts were out of date with scripts\/; compiled them again into \.sidelines-cache\/js\/\n$/;

describe("npm scripts", () => {
  it("every command runs through the launcher, and the install (prepare) compiles them", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const { commandNames } = (await import(path.join(ROOT, "scripts/run.mjs"))) as { commandNames(): string[] };
    expect(pkg.scripts.prepare).toBe("node scripts/run.mjs --compile");
    const launched = Object.values(pkg.scripts).flatMap((s) => /^node (?:--expose-gc )?scripts\/run\.mjs ([a-z][a-z-]*)/.exec(s)?.[1] ?? []);
    expect(new Set(launched)).toEqual(new Set(commandNames()));
    expect(Object.values(pkg.scripts).filter((s) => /\btsx\b/.test(s))).toEqual([]);
  });
});

describe("compiled modules", () => {
  it("find files from the repository root, never from their own location (a command is one compiled file elsewhere)", () => {
    // paths.ts is two levels below the root, as the compiled commands are; the package entry is compiled on its own.
    const allowed = new Set(["scripts/lib/paths.ts", "scripts/lib/package/index.ts"]);
    const offenders = fs
      .readdirSync(path.join(ROOT, "scripts"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !allowed.has(`scripts/${f}`))
      .filter((f) => /fileURLToPath\(import\.meta\.url\)|import\.meta\.(?:dirname|filename)/.test(fs.readFileSync(path.join(ROOT, "scripts", f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("the launcher", () => {
  let root: string;
  beforeAll(() => {
    root = copyOfToolkit();
  });

  it("compiles at install, then starts the compiled command without compiling or notice", async () => {
    const install = await node(["scripts/run.mjs", "--compile"], root);
    expect(install.status, install.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, ".sidelines-cache/js/validate.mjs"))).toBe(true);
    expect(fs.existsSync(path.join(root, ".sidelines-cache/js/load-worker-body.mjs"))).toBe(true);
    const help = await node(["scripts/run.mjs", "validate", "--help"], root);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(/^Usage: npm run validate/);
  });

  it("a compiled command loads ajv and yaml only when it uses them: not to start, nor to check records whose validators are precompiled", async () => {
    // A preload that lists every package the command requires (CommonJS packages imported from ESM go through it too).
    const hook = path.join(root, "list-requires.cjs");
    fs.writeFileSync(hook, `const Module = require("node:module"); const seen = new Set(); const load = Module._load; Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); }; process.on("exit", () => process.stderr.write("REQUIRED " + JSON.stringify([...seen]) + "\\n"));\n`);
    fs.mkdirSync(path.join(root, "data", "actors"), { recursive: true });
    const heavy = (stderr: string): string[] => (JSON.parse(/REQUIRED (.*)/.exec(stderr)![1]!) as string[]).filter((r) => /^(ajv|ajv\/dist\/2020(\.js)?|ajv\/dist\/standalone(\/index\.js)?|ajv-formats|yaml)$/.test(r));
    await node(["scripts/run.mjs", "--compile"], root);
    const help = await node(["--require", hook, "scripts/run.mjs", "validate", "--help"], root);
    expect(help.status).toBe(0);
    expect(heavy(help.stderr)).toEqual([]);
    const run = await node(["--require", hook, "scripts/run.mjs", "validate", "--no-cache"], root);
    expect(run.stdout).toMatch(/no problems/);
    expect(heavy(run.stderr)).toEqual([]);
    fs.rmSync(path.join(root, "data"), { recursive: true });
    fs.rmSync(hook);
  });

  it("never runs stale code: a changed source is compiled again, with one notice, and runs as changed", async () => {
    await node(["scripts/run.mjs", "--compile"], root);
    const file = path.join(root, "scripts/validate.ts");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Usage: npm run validate", "Usage (changed): npm run validate"));
    const changed = await node(["scripts/run.mjs", "validate", "--help"], root);
    expect(changed.stderr).toMatch(NOTICE);
    expect(changed.stdout).toMatch(/^Usage \(changed\): npm run validate/);
    const again = await node(["scripts/run.mjs", "validate", "--help"], root);
    expect(again.stderr).toBe("");
    expect(again.stdout).toMatch(/^Usage \(changed\)/);
  });

  it("runs the TypeScript through tsx, with a one-line notice, when it cannot compile", async () => {
    const out = path.join(root, ".sidelines-cache/js");
    fs.rmSync(out, { recursive: true, force: true });
    fs.writeFileSync(out, "not a folder");
    const r = await node(["scripts/run.mjs", "validate", "--help"], root);
    fs.rmSync(out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^validate: note: could not compile scripts\/ \(.*\); running the TypeScript through tsx\n$/);
    expect(r.stdout).toMatch(/^Usage: npm run validate|^Usage \(changed\)/);
  });

  it("refuses an unknown command in one line, exit 2", async () => {
    const r = await node(["scripts/run.mjs", "valdiate"], root);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^run: unknown command `valdiate` \(one of: .*validate.*\)\n$/);
  });
});

describe("compiled worker threads", { timeout: 240_000 }, () => {
  it("load every file of a large run and report exactly what the TypeScript run reports", async () => {
    const data = tempDir("sidelines-launcher-corpus-");
    writeCorpus(data, generateCorpus(PARALLEL_THRESHOLD + 100, 4));
    fs.appendFileSync(path.join(data, [...fs.readdirSync(path.join(data, "data/meetings"))].map((f) => `data/meetings/${f}`)[0]!), "unknown_field: 1\n");
    const compiled = await node([path.join(ROOT, "scripts/run.mjs"), "validate", "--format", "json", "--no-cache"], data, { SIDELINES_TIMINGS: "1" });
    expect(compiled.stderr).toContain(`validate: workers' chunks (${PARALLEL_THRESHOLD + 100} files)`);
    const ts = await runCli(data, ["--format", "json", "--no-cache"]);
    expect(compiled.status).toBe(1);
    expect(compiled.stdout).toBe(ts.stdout);
  });
});
