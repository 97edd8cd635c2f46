/**
 * `validate --summary FILE`: every problem as a Markdown table appended to a file (the CI job summary),
 * because GitHub shows at most ten annotations per step.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatMarkdown, markdownCell } from "../../scripts/lib/report/format-markdown.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { BASE, lines, makeTree, removeTrees, runCli, withOverrides } from "./helpers.ts";

afterAll(removeTrees);

/** Twelve actors with a bad `kind` each: more problems than GitHub's ten annotations. */
function twelveBroken(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`data/actors/broken-${i}.yaml`] = lines(`id: broken-${i}`, "kind: stat", `name: Broken ${i}`, "sources:", "  - publisher: Example Gazette", "    url: https://example.org/x", "    published: 2021-01-01");
  return files;
}

describe("validate --summary", { timeout: 120_000 }, () => {
  it("appends every problem, errors first, to the file, keeping what the file held", async () => {
    const root = makeTree(withOverrides(BASE, twelveBroken()));
    const summary = path.join(root, "summary.md");
    fs.writeFileSync(summary, "earlier step's text\n");
    const r = await runCli(root, ["--format", "github", "--summary", summary]);
    expect(r.status).toBe(1);
    const text = fs.readFileSync(summary, "utf8");
    expect(text.startsWith("earlier step's text\n### Validation: 12 errors, 0 warnings")).toBe(true);
    const rows = text.split("\n").filter((l) => /^\| data\/actors\/broken-\d+\.yaml:2:7 \| error \| SCH004 \|/.test(l));
    expect(rows).toHaveLength(12);
  });

  it("refuses to write into data/ or schemas/", async () => {
    const root = makeTree(BASE);
    const before = fs.readFileSync(path.join(root, "data/actors/blue-state.yaml"));
    const r = await runCli(root, ["--summary", "data/actors/blue-state.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--summary must not write inside the data");
    expect(fs.readFileSync(path.join(root, "data/actors/blue-state.yaml"))).toEqual(before);
  });
});

describe("the Markdown report", () => {
  const d = (over: Partial<Diagnostic>): Diagnostic => ({ file: "data/actors/a.yaml", line: 1, col: 1, severity: "error", code: "X001", message: "m", ...over });

  it("lists errors before warnings and counts both", () => {
    const md = formatMarkdown([d({ severity: "warning", message: "w" }), d({ message: "e" })], 3);
    expect(md.split("\n")[0]).toBe("### Validation: 1 error, 1 warning (3 files checked)");
    expect(md.indexOf("| e |")).toBeLessThan(md.indexOf("| w |"));
  });

  it("keeps a stranger's text as text: no table break, no HTML, no control characters", () => {
    const cell = markdownCell("a | b <img src=x> `code` [l](u) \u001b[2J\n");
    expect(cell).not.toMatch(/[|<>`[\]\u001b\n]/);
    expect(cell).toContain("\\u001b");
  });
});
