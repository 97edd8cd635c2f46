/**
 * Two builds of the same data are byte-identical: no clock, no machine paths, no map-order accidents.
 * Checked on the fixture (twice into one dist/, and into two different folders) and on the real data/.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { hashTree, removeTempDirs, runBuild, tempDir, writeFixture } from "./fixture.ts";

afterAll(removeTempDirs);

async function buildTwice(root: string, outA: string, outB: string): Promise<void> {
  const first = await runBuild(["--root", root, "--out", outA, "-q"]);
  expect(first.code, first.stderr).toBe(0);
  const a = hashTree(outA);
  const sumsA = fs.readFileSync(path.join(outA, "SHA256SUMS"), "utf8");
  const second = await runBuild(["--root", root, "--out", outB, "-q"]);
  expect(second.code, second.stderr).toBe(0);
  expect(hashTree(outB)).toEqual(a);
  expect(fs.readFileSync(path.join(outB, "SHA256SUMS"), "utf8")).toBe(sumsA);
  expect(Object.keys(a).length).toBeGreaterThan(30);
}

describe("deterministic builds", () => {
  it("builds the fixture twice into the same dist/ with identical bytes", async () => {
    const root = writeFixture();
    await buildTwice(root, path.join(root, "dist"), path.join(root, "dist"));
  }, 120_000);

  it("builds the fixture into two different folders with identical bytes", async () => {
    const root = writeFixture();
    await buildTwice(root, path.join(root, "dist"), path.join(tempDir("sidelines-other-"), "release"));
  }, 120_000);

  it("builds the real data/ twice with identical bytes", async () => {
    const out = tempDir("sidelines-real-");
    await buildTwice(ROOT, path.join(out, "a"), path.join(out, "b"));
  }, 120_000);
});
