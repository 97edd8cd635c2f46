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
import { workDir } from "../../scripts/lib/publish/atomic.ts";
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

const leftovers = (dist: string): string[] => (fs.existsSync(workDir(dist)) ? fs.readdirSync(workDir(dist)) : []);

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
      // The previous release, or (if the kill came after the swap) the new one; never a mix, never none.
      expect(fs.existsSync(dist) || leftovers(dist).includes("dist.previous"), `delay ${delay}`).toBe(true);
      if (!fs.existsSync(dist)) {
        // Killed between the two renames: the next build puts the previous release back first.
        const again = await runBuild(["--root", root, "-q"]);
        expect(again.code).toBe(0);
      }
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

  it("puts back a release left aside by a build killed between its two renames", async () => {
    const { root, dist, before } = await builtFixture();
    fs.renameSync(dist, path.join(workDir(dist), "dist.previous"));
    const records = fixtureRecords();
    records.meeting[0]!.status = "maybe";
    writeFixture(records, root);
    expect((await runBuild(["--root", root, "-q"])).code).toBe(1);
    expect(hashTree(dist)).toEqual(before);
  }, 120_000);

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
    const meetings = (JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as Manifest).record_counts.meeting;
    expect([fixtureRecords().meeting.length, bRecords.meeting.length]).toContain(meetings);
    expect((JSON.parse(fs.readFileSync(path.join(out, "json/meetings.json"), "utf8")) as unknown[]).length).toBe(meetings);
    expect(leftovers(out)).toEqual([]);
  }, 180_000);
});
