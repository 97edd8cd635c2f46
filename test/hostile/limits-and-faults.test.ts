/** Resource bounds, faults and "nothing evaluates data", each shown by a test that would fail if it broke. */
import "../loaded-machine.ts";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";
import { validate } from "../../scripts/lib/validate.ts";
import { discover } from "../../scripts/lib/load/discover.ts";
import { LIMITS } from "../../scripts/lib/load/limits.ts";
import { exitCodeFor } from "../../scripts/lib/exit-code.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";
import { YAML_TEST_SUITE } from "../conformance/suite.ts";

afterAll(removeTempDirs);

const schemaSet = loadSchemaSet();

const tsx = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");

function suiteCases(): Array<{ name: string; bytes: Buffer }> {
  const suite = YAML_TEST_SUITE;
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing`);
  const out: Array<{ name: string; bytes: Buffer }> = [];
  const walk = (dir: string, name: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), name ? `${name}-${e.name}` : e.name);
      else if (e.name === "in.yaml") out.push({ name, bytes: fs.readFileSync(path.join(dir, e.name)) });
    }
  };
  walk(suite, "");
  return out;
}

describe("the YAML test suite through the full validator", () => {
  it("every case, as a meeting record, exits 1 — never 0, never a crash — with located diagnostics", async () => {
    const cases = suiteCases();
    expect(cases.length).toBeGreaterThan(300);
    const codes = new Map<string, number>();
    for (const c of cases) {
      const result = await validate({ root: "/virtual", files: { "data/meetings/case.yaml": c.bytes }, schemaSet });
      codes.set(c.name, exitCodeFor(result.diagnostics));
      for (const d of result.diagnostics) expect(d.line >= 1 && d.col >= 1 && d.file === "data/meetings/case.yaml", `${c.name}: ${JSON.stringify(d)}`).toBe(true);
    }
    expect([...codes].filter(([, code]) => code !== 1)).toEqual([]);
  });
});

describe("resource bounds", () => {
  it("more files than the limit is reported, not read", async () => {
    const root = tempDir("sidelines-many-");
    fs.mkdirSync(path.join(root, "data/actors"), { recursive: true });
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(root, `data/actors/a-${i}.yaml`), "id: x\n");
    const found = await discover(root, path.join(root, "data"), 5);
    expect(found.records).toEqual([]);
    expect(found.diagnostics).toEqual([expect.objectContaining({ code: "FILE004", file: "data", line: 1, col: 1 })]);
  });

  it("a deliberately slow file just under every limit finishes, with located errors", { timeout: 20_000 }, async () => {
    // Thousands of keys, each with a flow list nested to the depth limit, in lines near the length limit:
    // as much work per byte as the limits allow.
    const deep = `${"[".repeat(LIMITS.maxDepth - 2)}x${"]".repeat(LIMITS.maxDepth - 2)}`;
    const lines: string[] = ["id: slow-record"];
    let size = lines[0]!.length;
    for (let i = 0; size < LIMITS.maxFileBytes - 4096; i++) {
      const line = `k${i}: [${Array.from({ length: 20 }, () => deep).join(", ")}]`.slice(0, LIMITS.maxLineLength - 10);
      lines.push(line.endsWith("]") ? line : `k${i}: x`);
      size += line.length + 1;
    }
    const text = `${lines.join("\n")}\n`;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LIMITS.maxFileBytes);
    const result = await validate({ root: "/virtual", files: { "data/actors/slow-record.yaml": text }, schemaSet });
    expect(exitCodeFor(result.diagnostics)).toBe(1);
    expect(result.diagnostics.every((d) => d.line >= 1 && d.col >= 1)).toBe(true);
  });
});

describe("faults", () => {
  it("a build whose output folder cannot be created exits 2 with one plain line, no stack trace", { timeout: 120_000 }, () => {
    const blocker = path.join(tempDir("sidelines-out-"), "a-file");
    fs.writeFileSync(blocker, "not a folder");
    const r = spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "scripts/build.ts"), "--quiet", "--out", path.join(blocker, "dist")], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^build: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("no code path evaluates data", () => {
  it("the toolkit's source uses no eval, no Function constructor and no dynamic code", () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|mjs|cjs|js)$/.test(e.name) && !e.name.endsWith(".generated.ts")) {
          const text = fs.readFileSync(p, "utf8");
          if (/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]|vm\.run|runInNewContext/.test(text)) offenders.push(path.relative(ROOT, p));
        }
      }
    };
    walk(path.join(ROOT, "scripts"));
    expect(offenders).toEqual([]);
  });
});
