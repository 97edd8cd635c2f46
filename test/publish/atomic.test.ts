/**
 * The build replaces dist/ atomically: a build killed midway, or one that fails on bad data, leaves the
 * previous release exactly as it was; concurrent builds never mix their files.
 */
import "../loaded-machine.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PAUSE_ENV, PAUSE_MARKER } from "../../scripts/lib/publish/pipeline.ts";
import { SWAP_PAUSE_ENV, SWAP_PAUSE_MARKER, workDir } from "../../scripts/lib/publish/atomic.ts";
import type { Manifest } from "../../scripts/lib/types.generated.ts";
import { finished, fixtureRecords, hashTree, removeTempDirs, runBuild, spawnBuild, writeFixture } from "./fixture.ts";

afterAll(removeTempDirs);

/** A fixture with a release already built, and its data then changed so that a new build would differ. */
async function builtFixture(): Promise<{ root: string; dist: string; before: Record<string, string> }> {
  const root = writeFixture();
  const first = await runBuild(["--root", root, "-q"]);
  expect(first.code, first.stderr).toBe(0);
  const dist = path.join(root, "dist");
  const before = hashTree(dist);
  const records = fixtureRecords();
  records.meeting.push({ ...records.meeting[2]!, id: "austin-li-shangfu-handshake-2023-again" });
  writeFixture(records, root);
  return { root, dist, before };
}

/** Whether a folder holds a whole release: every file its SHA256SUMS lists, with the right content. */
function isWholeRelease(dist: string): boolean {
  try {
    execFileSync("sha256sum", ["-c", "--quiet", "--strict", "SHA256SUMS"], { cwd: dist, stdio: "pipe" });
  } catch {
    return false;
  }
  const listed = fs.readFileSync(path.join(dist, "SHA256SUMS"), "utf8").trim().split("\n").length;
  return listed + 1 === Object.keys(hashTree(dist)).length;
}

/** The release folders builds keep: the one `dist` leads to and the one it replaced. */
const releases = (dist: string): string[] => (fs.existsSync(workDir(dist)) ? fs.readdirSync(workDir(dist)).filter((n) => n.startsWith(`${path.basename(dist)}.release-`)) : []);
/** What else is in the work folder: what builds that died left behind. */
const leftovers = (dist: string): string[] => (fs.existsSync(workDir(dist)) ? fs.readdirSync(workDir(dist)).filter((n) => !n.startsWith(`${path.basename(dist)}.release-`)) : []);

/** Starts a build that stops at `point` of the swap, waits for it to get there, and kills it. */
async function killAtSwapPoint(root: string, point: string): Promise<void> {
  const child = spawnBuild(["--root", root, "-q"], { [SWAP_PAUSE_ENV]: point });
  const done = finished(child);
  await new Promise<void>((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      if (err.includes(`${SWAP_PAUSE_MARKER} ${point}`)) resolve();
    });
    child.on("close", () => reject(new Error(`build ended before reaching ${point}:\n${err}`)));
  });
  child.kill("SIGKILL");
  expect((await done).signal).toBe("SIGKILL");
}

/** Turns the link `dist` into a real folder holding the same release, as builds before links left it. */
function makeLegacyFolder(dist: string): void {
  const copy = `${dist}.copy`;
  fs.cpSync(fs.realpathSync(dist), copy, { recursive: true });
  fs.rmSync(dist);
  fs.renameSync(copy, dist);
}

describe("atomic replacement of dist/", () => {
  it("a build killed after writing its output aside leaves the previous dist/ unchanged", async () => {
    const { root, dist, before } = await builtFixture();
    const child = spawnBuild(["--root", root], { [PAUSE_ENV]: "1" });
    const done = finished(child);
    const tmp = await new Promise<string>((resolve, reject) => {
      let err = "";
      child.stderr!.on("data", (d: Buffer) => {
        err += d.toString();
        const m = new RegExp(`${PAUSE_MARKER} (.+)\\n`).exec(err);
        if (m) resolve(m[1]!);
      });
      child.on("close", () => reject(new Error(`build ended before pausing:\n${err}`)));
    });
    // The new release is complete, aside, when the build is killed.
    expect(fs.existsSync(path.join(tmp, "SHA256SUMS"))).toBe(true);
    expect(path.dirname(tmp)).toBe(workDir(dist));
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");

    expect(hashTree(dist)).toEqual(before);
    expect(isWholeRelease(dist)).toBe(true);
    // What the killed build wrote is outside dist/, and the next build clears it away.
    expect(leftovers(dist).some((n) => n.startsWith("dist.tmp-"))).toBe(true);
    const next = await runBuild(["--root", root, "-q"]);
    expect(next.code, next.stderr).toBe(0);
    expect(leftovers(dist)).toEqual([]);
    expect(releases(dist).length).toBeLessThanOrEqual(2); // the release in use and the one it replaced
    expect((JSON.parse(fs.readFileSync(path.join(dist, "manifest.json"), "utf8")) as Manifest).record_counts.meeting).toBe(fixtureRecords().meeting.length + 1);
  }, 120_000);

  it("a build killed at any moment leaves a whole release: the previous one or the new one", async () => {
    const { root, dist, before } = await builtFixture();
    const afterSwap: string[] = [];
    for (const delay of [150, 400, 700, 900, 1100, 1300, 1500, 1800]) {
      const child = spawnBuild(["--root", root, "-q"]);
      const done = finished(child);
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      const result = await done;
      // Right after the kill, with no build to repair anything: the previous release, or (if the kill
      // came after the swap) the new one; never a mix, never none.
      expect(isWholeRelease(dist), `delay ${delay}`).toBe(true);
      const hashes = hashTree(dist);
      if (JSON.stringify(hashes) !== JSON.stringify(before)) afterSwap.push(`${delay}:${result.code ?? result.signal}`);
    }
    // Sanity: the loop did kill builds before they finished (otherwise it tested nothing).
    expect(afterSwap.length).toBeLessThan(8);
  }, 180_000);

  it("a build that fails on bad data leaves the previous dist/ unchanged", async () => {
    const { root, dist, before } = await builtFixture();
    const records = fixtureRecords();
    records.meeting[0]!.status = "maybe";
    writeFixture(records, root);
    const result = await runBuild(["--root", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SCH004/);
    expect(result.stderr).toMatch(/previous release was left as it was/);
    expect(hashTree(dist)).toEqual(before);
    expect(leftovers(dist)).toEqual([]);
  }, 120_000);

  it("a build killed at any point of publishing leaves dist/ leading to a whole release, with nothing to repair", async () => {
    const { root, dist, before } = await builtFixture();
    for (const point of ["release-named", "link-made"]) {
      await killAtSwapPoint(root, point);
      expect(isWholeRelease(dist), point).toBe(true);
      expect(hashTree(dist), point).toEqual(before); // not yet published: the previous release
    }
    await killAtSwapPoint(root, "published");
    expect(isWholeRelease(dist)).toBe(true);
    expect(hashTree(dist)).not.toEqual(before); // published: the new release, whole
    expect(fs.lstatSync(dist).isSymbolicLink()).toBe(true);
    // The next build clears what the killed ones left, and keeps at most the release it replaces.
    expect((await runBuild(["--root", root, "-q"])).code).toBe(0);
    expect(leftovers(dist)).toEqual([]);
    expect(releases(dist).length).toBeLessThanOrEqual(2);
  }, 180_000);

  it("a reader resolving dist/ once keeps reading that release while a build publishes another", async () => {
    const { root, dist, before } = await builtFixture();
    const reading = fs.realpathSync(dist);
    expect((await runBuild(["--root", root, "-q"])).code).toBe(0);
    expect(hashTree(dist)).not.toEqual(before);
    expect(hashTree(reading)).toEqual(before); // kept until the next build
  }, 120_000);

  it("a release folder from before links becomes a link; a kill in that one two-rename step is put back", async () => {
    const { root, dist, before } = await builtFixture();
    makeLegacyFolder(dist);
    expect(fs.lstatSync(dist).isDirectory()).toBe(true);
    await killAtSwapPoint(root, "legacy-moved-aside");
    expect(fs.existsSync(dist)).toBe(false);
    expect(leftovers(dist)).toContain("dist.previous");
    const records = fixtureRecords();
    records.meeting[0]!.status = "maybe";
    writeFixture(records, root);
    expect((await runBuild(["--root", root, "-q"])).code).toBe(1);
    expect(hashTree(dist)).toEqual(before);
    // With the data fixed, the next build publishes through a link.
    const fixed = fixtureRecords();
    fixed.meeting.push({ ...fixed.meeting[2]!, id: "austin-li-shangfu-handshake-2023-again" });
    writeFixture(fixed, root);
    expect((await runBuild(["--root", root, "-q"])).code).toBe(0);
    expect(fs.lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(isWholeRelease(dist)).toBe(true);
  }, 180_000);

  it("concurrent builds into one dist/ each publish a whole release and never mix files", async () => {
    const a = writeFixture();
    const bRecords = fixtureRecords();
    bRecords.meeting.push({ ...bRecords.meeting[2]!, id: "austin-li-shangfu-handshake-2023-again" });
    const b = writeFixture(bRecords);
    const out = path.join(writeFixture(), "shared-dist");
    const roots = [a, b, a, b];
    const results = await Promise.all(roots.map((root) => runBuild(["--root", root, "--out", out, "-q"])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(isWholeRelease(out)).toBe(true);
    expect(releases(out).length).toBeLessThanOrEqual(2);
    const meetings = (JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as Manifest).record_counts.meeting;
    expect([fixtureRecords().meeting.length, bRecords.meeting.length]).toContain(meetings);
    expect((JSON.parse(fs.readFileSync(path.join(out, "json/meetings.json"), "utf8")) as unknown[]).length).toBe(meetings);
    expect(leftovers(out)).toEqual([]);
  }, 180_000);
});
