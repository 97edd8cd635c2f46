/** The sourcing figures: what they count, the command that prints them, and their place in the release. */
import "../loaded-machine.ts";
import { execFile } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { measureQuality, qualityMarkdown, sourcingOf } from "../../scripts/lib/quality/measure.ts";
import { registryFrom } from "../../scripts/lib/publishers/registry.ts";
import type { RecordType } from "../../scripts/lib/record-types.ts";
import { BASE, makeTree, PUBLISHERS, REGISTRY, removeTrees, TSX_LOADER, REPO_ROOT, withOverrides } from "../validate/helpers.ts";
import path from "node:path";
import { parse } from "yaml";

afterAll(removeTrees);

const registry = registryFrom(PUBLISHERS, parse(REGISTRY) as Record<string, unknown>);
const rec = (type: RecordType, data: Record<string, unknown>) => ({ type, data });
const src = (url: string | undefined, extra: Record<string, unknown> = {}) => ({ publisher: "P", ...(url ? { url } : {}), ...extra });

describe("measureQuality", () => {
  const q = measureQuality(
    [
      rec("actor", { id: "a", sources: [src("https://blue-mod.org/a"), src(undefined, { title: "T", published: "2020" })], unverified: ["born"] }),
      rec("actor", { id: "b", sources: [src("https://example.org/b", { basis: "secondary" })] }),
      rec("meeting", { id: "m", sources: [src("https://news.farm-rewrites.net/m"), src("https://example.org/m")], claims: [{ field: "date", value: "2020", source: "x" }] }),
      rec("forum", { id: "f", sources: [src("https://example.org/f")], editions: [{ id: "f-2020", sources: [src("https://www.blue-mod.org/f")] }] }),
      rec("tombstone", { id: "t" }),
    ],
    registry,
  );

  it("counts citations, their URLs and official hosts (edition sources included), per type and overall", () => {
    expect(q.overall).toMatchObject({ records: 4, citations: 7, citations_with_url: 6, citations_official: 2, citations_blocked: 1, records_citing_official: 2 });
    expect(q.overall.share_with_url).toBeCloseTo(6 / 7, 4);
    expect(q.by_type.actor).toMatchObject({ records: 2, citations: 3, records_secondary_only: 1, records_single_source: 1, unverified_paths: 1 });
    expect(q.by_type.meeting).toMatchObject({ records: 1, claims: 1, citations_blocked: 1 });
    expect(q.by_type.sanction).toMatchObject({ records: 0, citations: 0, share_with_url: null });
  });

  it("gives each record (not tombstones) one sourcing class: official first, then secondary-only, then single-source", () => {
    expect(q.records).toEqual({ a: "official", b: "secondary-only", f: "official", m: "several-sources" });
    expect(sourcingOf({ data: { sources: [src("https://example.org/x")] } }, registry)).toBe("single-source");
  });

  it("renders one column per record type and a total", () => {
    const table = qualityMarkdown(q).split("\n");
    expect(table[0]).toBe("| | actor | sanction | incident | meeting | forum | all |");
    expect(table).toContain("| with a URL | 66.7 % | — | — | 100.0 % | 100.0 % | 85.7 % |");
  });
});

describe("npm run report", () => {
  const run = (cwd: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ["--import", TSX_LOADER, path.join(REPO_ROOT, "scripts/report.ts"), ...args], { cwd, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })),
    );

  it("prints the figures of the dataset in the working folder, as Markdown or JSON", async () => {
    const root = makeTree(withOverrides(BASE, { [PUBLISHERS]: REGISTRY }));
    const md = await run(root, []);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| citations | 4 | 1 | 0 | 1 | 1 | 7 |");
    const json = await run(root, ["--format", "json"]);
    expect(JSON.parse(json.stdout).overall).toMatchObject({ records: 7, citations: 7, citations_with_url: 7 });
    const bad = await run(root, ["--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^report: --format must be markdown or json/);
  }, 120_000);
});
