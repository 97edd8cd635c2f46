/**
 * The table of diagnostic codes in CONTRIBUTING.md is generated from codes.ts and the check registry
 * (`npm run docs`); `npm run docs -- --check` fails on drift. These tests use the same renderer as
 * scripts/docs.ts (which cannot be imported: it runs, and writes, on import).
 */
import "../loaded-machine.ts";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allCodes, checkCodesMarkdown } from "../../scripts/lib/docs/check-codes.ts";
import { replaceSection } from "../../scripts/lib/docs/generated-section.ts";
import { CHECKS } from "../../scripts/lib/check/registry.ts";
import { REPO_ROOT, TSX_LOADER } from "./helpers.ts";

const CONTRIBUTING = path.join(REPO_ROOT, "CONTRIBUTING.md");
/** What scripts/docs.ts does for CONTRIBUTING.md. */
const render = (markdown: string): string => replaceSection(markdown, "check-codes", checkCodesMarkdown(), "npm run docs");

const BEGIN = /<!-- BEGIN GENERATED: check-codes[^>]*-->\n/;
const END = "\n<!-- END GENERATED: check-codes -->";

function generatedTable(markdown: string): string {
  const begin = BEGIN.exec(markdown);
  expect(begin, "CONTRIBUTING.md has the BEGIN marker of the check-codes section").not.toBeNull();
  const start = begin!.index + begin![0].length;
  const end = markdown.indexOf(END, start);
  expect(end, "CONTRIBUTING.md has the END marker of the check-codes section").toBeGreaterThan(start);
  return markdown.slice(start, end);
}

describe("the code table in CONTRIBUTING.md", () => {
  const current = fs.readFileSync(CONTRIBUTING, "utf8");

  it("is exactly what the renderer makes from codes.ts and the registry", () => {
    expect(generatedTable(current)).toBe(checkCodesMarkdown());
    expect(render(current)).toBe(current);
  });

  it("lists every code once, with its stage, severity and description, in registry order", () => {
    const rows = generatedTable(current)
      .split("\n")
      .slice(2)
      .map((row) => /^\| `([A-Z]+\d+)` \| (\w+) \| (error|warning)( \(`--strict` only\))? \| (.*) \|$/.exec(row));
    expect(rows.every((m) => m !== null)).toBe(true);
    expect(rows.map((m) => [m![1], m![2], m![3], m![4] !== undefined, m![5]!.replace(/\\\|/g, "|")])).toEqual(allCodes().map((c) => [c.code, c.stage, c.severity, c.strictOnly === true, c.description]));
    expect(rows.map((m) => m![1]).slice(-CHECKS.length)).toEqual(CHECKS.map((c) => c.code));
  });

  it("`npm run docs -- --check` passes on the repository", async () => {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", TSX_LOADER, path.join(REPO_ROOT, "scripts/docs.ts"), "--check"], { cwd: REPO_ROOT, encoding: "utf8" }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("generated docs are up to date");
  });
});

describe("drift is detected", () => {
  const current = fs.readFileSync(CONTRIBUTING, "utf8");

  it("a hand-edited description in the table is stale: rendering restores it", () => {
    const row = generatedTable(current).split("\n").find((r) => r.startsWith("| `DATE001` |"))!;
    const stale = current.replace(row, row.replace("exists in the calendar", "is a date"));
    expect(stale).not.toBe(current);
    expect(render(stale)).not.toBe(stale);
    expect(render(stale)).toBe(current);
  });

  it("a removed row is stale too", () => {
    const row = generatedTable(current).split("\n").find((r) => r.startsWith("| `PATH001` |"))!;
    const stale = current.replace(`${row}\n`, "");
    expect(render(stale)).toBe(current);
  });

  it("a changed description in the registry makes the committed table stale", () => {
    const check = CHECKS.find((c) => c.code === "SRC003")!;
    const original = check.description;
    try {
      check.description = `${original} Changed.`;
      expect(render(current)).not.toBe(current);
      expect(generatedTable(render(current))).toContain(`| \`SRC003\` | check | error | ${original} Changed. |`);
    } finally {
      check.description = original;
    }
    expect(render(current)).toBe(current);
  });

  it("a | in a description is escaped so that it cannot break the table", () => {
    const check = CHECKS[0]!;
    const original = check.description;
    try {
      check.description = "one | two";
      expect(checkCodesMarkdown()).toContain(`| \`${check.code}\` | check | ${check.severity} | one \\| two |`);
    } finally {
      check.description = original;
    }
  });

  it("missing markers are an error, not a silent no-op", () => {
    expect(() => replaceSection("# Contributing\n\nNo table here.\n", "check-codes", checkCodesMarkdown(), "npm run docs")).toThrow(/markers for the generated section "check-codes" are missing/);
  });

  it("text outside the markers is kept as written", () => {
    const doc = "before\n<!-- BEGIN GENERATED: check-codes (old note) -->\nold\n<!-- END GENERATED: check-codes -->\nafter $& $1\n";
    expect(replaceSection(doc, "check-codes", "NEW $& $1", "npm run docs")).toBe("before\n<!-- BEGIN GENERATED: check-codes (do not edit; run npm run docs) -->\nNEW $& $1\n<!-- END GENERATED: check-codes -->\nafter $& $1\n");
  });
});
