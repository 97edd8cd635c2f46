/**
 * Honest command lines: every command has --help, refuses unknown options and stray arguments with exit 2
 * in one line (a mistyped flag never falls through to a rewrite), ends quietly when its reader closes
 * the pipe, and says plainly what is wrong with its environment (no git, a bad SOURCE_DATE_EPOCH).
 */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { UsageError, describeFailure } from "../../scripts/lib/cli.ts";
import { isValidId, readSchemas } from "../../scripts/lib/schemas.ts";
import { withArticle } from "../../scripts/lib/words.ts";
import { append, maxOf, minOf } from "../../scripts/lib/collections.ts";
import { filesMentioning } from "../../scripts/lib/load/changed.ts";
import { writeFixture } from "../publish/fixture.ts";
import { BASE, lines, makeTree, removeTrees, REPO_ROOT, TSX_LOADER, withOverrides } from "../validate/helpers.ts";
import { expectOneLineUsageError, filesUnder, runScript, SPAWN_TIMEOUT } from "./helpers.ts";

afterAll(removeTrees);

/** Every command in package.json's scripts that runs one of ours, by script file. */
const COMMANDS = Object.values((JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts)
  .map((line) => {
    const m = /scripts\/run\.mjs ([a-z][\w-]*)|scripts\/([\w-]+)\.ts/.exec(line);
    return m?.[1] ?? m?.[2];
  })
  .filter((name, i, all): name is string => name !== undefined && all.indexOf(name) === i);

describe("every command", { timeout: SPAWN_TIMEOUT * 4 }, () => {
  it("covers every script", () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(["validate", "build", "site", "format", "new", "diff", "docs", "types", "bench"]));
  });

  it.each(COMMANDS)("%s: --help prints usage (exit 0); an unknown option or a typo is exit 2 in one line and changes nothing", async (command) => {
    const root = makeTree(withOverrides(BASE, { "data/actors/blue-state.yaml": lines("kind: state", "id: blue-state", 'name: "Blue State"', "country: BL", "sources:", "  - url: https://example.org/a", "    publisher: Example") }));
    const before = fs.readFileSync(path.join(root, "data/actors/blue-state.yaml"));
    const help = await runScript(command, root, ["--help"]);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run /);
    for (const args of [["--chek"], ["--check", "--bogus=1"], ["-z"]]) {
      expectOneLineUsageError(await runScript(command, root, args), new RegExp(`^${command.replace("-", ":")}: unknown option`));
    }
    expect(fs.readFileSync(path.join(root, "data/actors/blue-state.yaml"))).toEqual(before);
  });

  it("format -- --chek is a path that selects nothing, not a run that rewrites files", async () => {
    const root = makeTree(withOverrides(BASE, { "data/actors/blue-state.yaml": lines("kind: state", "id: blue-state", 'name: "Blue State"') }));
    const before = fs.readFileSync(path.join(root, "data/actors/blue-state.yaml"));
    expectOneLineUsageError(await runScript("format", root, ["--", "--chek"]), /^format: no such file: --chek$/);
    expect(fs.readFileSync(path.join(root, "data/actors/blue-state.yaml"))).toEqual(before);
  });

  it("internal errors are one line with a pointer to SIDELINES_DEBUG; usage errors are the message alone", () => {
    expect(describeFailure(new UsageError("bad"))).toBe("bad");
    expect(describeFailure(new Error("boom\nsecond line"))).toBe("internal error: boom (set SIDELINES_DEBUG=1 for details)");
  });
});

describe("a closed pipe", { timeout: SPAWN_TIMEOUT * 2 }, () => {
  it.each([
    ["validate", []],
    ["format", ["--check"]],
  ])("%s | head ends quietly, without a stack trace", (command, args) => {
    // Enough problems that the report outgrows the pipe's buffer.
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`data/actors/a-${i}.yaml`] = lines(`id: a-${i}`, "kind: state", `name: "A ${i}"`, "unknown_field: x");
    const root = makeTree(files);
    const script = path.join(REPO_ROOT, "scripts", `${command}.ts`);
    const r = spawnSync("bash", ["-c", `set -o pipefail; "$0" --import "$1" "$2" "\${@:3}" 2>"$PWD/stderr.txt" | head -n 1`, process.execPath, TSX_LOADER, script, ...args], { cwd: root, encoding: "utf8", timeout: SPAWN_TIMEOUT });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(fs.readFileSync(path.join(root, "stderr.txt"), "utf8")).toBe("");
  });
});

describe("--changed", { timeout: SPAWN_TIMEOUT * 2 }, () => {
  const git = (root: string, ...args: string[]): string => execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });

  it("accepts --changed=REF as well as --changed REF", async () => {
    const root = makeTree(BASE);
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "commit", "-qm", "base");
    fs.appendFileSync(path.join(root, "data/actors/blue-state.yaml"), "unknown_field: x\n");
    for (const args of [["--changed=HEAD"], ["--changed", "HEAD"], ["--changed"]]) {
      const r = await runScript("validate", root, ["--format", "json", ...args]);
      expect(r.status, r.stderr).toBe(1);
      expect((JSON.parse(r.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code)).toContain("SCH002");
    }
  });

  it("outside a git repository says so instead of blaming the ref", async () => {
    const root = makeTree(BASE);
    const r = await runScript("validate", root, ["--changed=main"], { GIT_CEILING_DIRECTORIES: path.dirname(root) });
    expectOneLineUsageError(r, /^validate: --changed needs a git repository, and .* is not inside one/);
    expect(r.stderr).not.toContain("main");
  });
});

describe("messages", () => {
  it("an out-of-range or malformed SOURCE_DATE_EPOCH names the variable, before anything is written", { timeout: 60_000 }, async () => {
    const root = writeFixture();
    for (const value of ["99999999999999999", "1e9", "-5", "soon", ""]) {
      await expect(build({ root, env: { SOURCE_DATE_EPOCH: value } })).rejects.toThrow(/^SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01/);
    }
    expect(fs.existsSync(path.join(root, "dist"))).toBe(false);
    expect(fs.existsSync(path.join(root, ".sidelines-cache"))).toBe(false);
    await build({ root, env: { SOURCE_DATE_EPOCH: "253402300799" } });
  });

  it("Windows device names are not ids (ids are file names on every system)", () => {
    const schemas = readSchemas();
    for (const id of ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"]) expect(isValidId(id, schemas), id).toBe(false);
    for (const id of ["con-air", "console", "nullable", "com10-x", "auxiliary", "lpt"]) expect(isValidId(id, schemas), id).toBe(true);
  });

  it("messages say an actor, an incident, a meeting", () => {
    expect(["actor", "incident", "meeting", "edition", "sanction"].map(withArticle)).toEqual(["an actor", "an incident", "a meeting", "an edition", "a sanction"]);
    for (const file of ["scripts/lib/check/checks/tombstone-targets.ts", "scripts/lib/load/load-record.ts", "scripts/lib/check/checks/references-type.ts"]) {
      expect(fs.readFileSync(path.join(REPO_ROOT, file), "utf8"), file).not.toMatch(/ a \$\{/);
    }
  });
});

describe("lists of any length", () => {
  it("--changed searches for any number of changed ids: they go to git on standard input, not as arguments", { timeout: 120_000 }, () => {
    const root = makeTree(BASE);
    execFileSync("git", ["init", "-q"], { cwd: root });
    // 150,000 ids of 40 characters: 6 MB, far over the system's limit on a command line (E2BIG).
    const ids = Array.from({ length: 150_000 }, (_, i) => `generated-record-number-${String(i).padStart(16, "0")}`);
    ids.push("blue-state");
    const found = filesMentioning(root, ids);
    expect(found).toEqual(expect.arrayContaining(["data/actors/blue-state.yaml", "data/sanctions/blue-measures-2021.yaml"]));
  });

  it("append, maxOf and minOf take lists far longer than a call's arguments can be", () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    expect(append([-1], big)).toHaveLength(500_001);
    expect(maxOf(big)).toBe(499_999);
    expect(minOf(big)).toBe(0);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
  });

  it("no spread of a list into a call's arguments in scripts/ (push(...x), Math.max(...x) overflow the stack on large lists)", () => {
    const offenders: string[] = [];
    for (const file of filesUnder(path.join(REPO_ROOT, "scripts"), (name) => /\.(ts|mjs|cjs)$/.test(name) && !name.includes(".generated."))) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (!/^\s*(\*|\/\/)/.test(line) && /\.(push|unshift)\(\s*\.\.\.|Math\.(max|min)\(\s*\.\.\.|String\.fromCharCode\(\s*\.\.\.|\.apply\(/.test(line)) offenders.push(`${path.relative(REPO_ROOT, file)}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
