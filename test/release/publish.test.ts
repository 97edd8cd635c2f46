/**
 * The publish path, as far as it runs offline: the tag check the release workflow runs first (the same
 * script), the release archives (contents, no site, checksums that verify), and the workflow's publish
 * steps (provenance, a token from a secret, the tag check before anything is built).
 * `npm publish --dry-run` on the packed tarball is in test/publish/package.test.ts, which packs it.
 */
import "../loaded-machine.ts";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";
import { tagProblem } from "../../scripts/lib/release/tag.ts";
import { buildInto, removeTempDirs, tempDir, writeFixture } from "../publish/fixture.ts";
import { listFiles } from "../../scripts/lib/publish/manifest.ts";

afterAll(removeTempDirs);

const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const tsx = (script: string, args: string[]) => spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", script), ...args], { cwd: ROOT, encoding: "utf8" });

describe("the release tag check (scripts/release-check.ts, run first by release.yml)", () => {
  it("accepts v + package.json's version", () => {
    expect(tagProblem(`v${version}`, ROOT)).toBeUndefined();
    const run = tsx("release-check.ts", [`v${version}`]);
    expect(run.status).toBe(0);
  }, 60_000);

  it.each([version, `v${version}.1`, `v${version}-rc.1`, "v0.0.0", `V${version}`, ""])("refuses the tag %j with one line and exit 2", (tag) => {
    const run = tsx("release-check.ts", [tag]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(`v${version}`);
  }, 60_000);

  it("refuses when CITATION.cff's version lags package.json's", () => {
    const root = tempDir("sidelines-tag-");
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ version: "2.0.0" }));
    fs.writeFileSync(path.join(root, "CITATION.cff"), fs.readFileSync(path.join(ROOT, "CITATION.cff"), "utf8"));
    expect(tagProblem("v2.0.0", root)).toMatch(/CITATION\.cff says version .*, package\.json 2\.0\.0/);
  });
});

describe("the release archives (scripts/release-archive.ts)", () => {
  let dist: string;
  let out: string;
  beforeAll(async () => {
    dist = await buildInto(writeFixture());
    fs.mkdirSync(path.join(dist, "site"));
    fs.writeFileSync(path.join(dist, "site", "index.html"), "<!doctype html>");
    out = tempDir("sidelines-assets-");
    const run = tsx("release-archive.ts", ["--dist", dist, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 120_000);

  const releaseFiles = (): string[] => listFiles(dist).filter((f) => !f.startsWith("site/"));

  it("writes sidelines-<version>.tar.gz and .zip and their SHA256SUMS, which sha256sum -c verifies", () => {
    // (and the marker that the folder was made by release:archive, which uploads leave out as a dotfile)
    expect(fs.readdirSync(out).sort()).toEqual([".sidelines-output", "SHA256SUMS", `sidelines-${version}.tar.gz`, `sidelines-${version}.zip`]);
    expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: out, encoding: "utf8" })).toBe(`sidelines-${version}.tar.gz: OK\nsidelines-${version}.zip: OK\n`);
  });

  it("the tar.gz holds every release file under sidelines-<version>/, and not the site", () => {
    const listed = execFileSync("tar", ["-tzf", path.join(out, `sidelines-${version}.tar.gz`)], { encoding: "utf8" }).split("\n").filter((l) => l && !l.endsWith("/"));
    expect(listed.sort()).toEqual(releaseFiles().map((f) => `sidelines-${version}/${f}`).sort());
    expect(listed).toEqual(expect.arrayContaining([`sidelines-${version}/SHA256SUMS`, `sidelines-${version}/LICENSE-DATA`, `sidelines-${version}/CITATION.cff`]));
  });

  it("the zip holds the same files, and the release's own SHA256SUMS verifies once unpacked", () => {
    const unpacked = tempDir("sidelines-unzip-");
    execFileSync("unzip", ["-q", path.join(out, `sidelines-${version}.zip`), "-d", unpacked]);
    const top = path.join(unpacked, `sidelines-${version}`);
    expect(listFiles(top)).toEqual(releaseFiles());
    expect(execFileSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: top, encoding: "utf8" })).toBe("");
  });

  it("refuses a folder that holds no release, with one line and exit 2", () => {
    const run = tsx("release-archive.ts", ["--dist", tempDir("sidelines-empty-"), "--out", tempDir("sidelines-assets-")]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});

describe("release.yml", () => {
  type Step = { name?: string; run?: string; env?: Record<string, string> };
  const wf = parse(fs.readFileSync(path.join(ROOT, ".github/workflows/release.yml"), "utf8")) as { jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[] }> };
  const job = wf.jobs.release!;
  const steps = job.steps ?? [];
  const at = (re: RegExp): number => steps.findIndex((s) => re.test(s.run ?? ""));

  it("checks the tag with the same script before it tests or builds anything", () => {
    expect(at(/npm run --silent release:check -- "\$TAG"/)).toBeGreaterThanOrEqual(0);
    expect(at(/release:check/)).toBeLessThan(at(/^npm test$/));
    expect(at(/release:check/)).toBeLessThan(at(/npm run build/));
  });

  it("publishes the packed package with provenance, the token from a secret, after the GitHub release", () => {
    expect(job.permissions).toMatchObject({ "id-token": "write", contents: "write" });
    const publish = steps.find((s) => /npm publish .*--provenance/.test(s.run ?? ""));
    expect(publish?.env?.NODE_AUTH_TOKEN).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
    expect(at(/npm publish .*--provenance/)).toBeGreaterThan(at(/gh release create/));
    expect(at(/npm publish .*--dry-run/)).toBeLessThan(at(/gh release create/));
  });

  it("attaches both archives and their SHA256SUMS to the release, and deploys the site", () => {
    const create = steps[at(/gh release create/)]!.run!;
    for (const asset of ['"release-assets/sidelines-$version.tar.gz"', '"release-assets/sidelines-$version.zip"', "release-assets/SHA256SUMS"]) expect(create).toContain(asset);
    expect(at(/release:archive -- --out release-assets/)).toBeGreaterThanOrEqual(0);
    expect(Object.keys(wf.jobs)).toContain("pages");
  });
});
