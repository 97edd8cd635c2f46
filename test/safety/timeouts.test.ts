/**
 * Every test file that spawns a process or builds a release imports test/loaded-machine.ts, which gives
 * its tests a time limit that fits a loaded 2-core machine instead of vitest's default 5 s.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../validate/helpers.ts";
import { filesUnder } from "./helpers.ts";

const SLOW = /\b(spawn|spawnSync|execFile|execFileSync|execSync|exec|runCli|runScript|runBuild|spawnBuild|buildInto|buildSite|publishDataset|build|realReleaseDir|realRelease)\(/;

describe("time limits", () => {
  it("every test file that spawns a process or builds a release sets a limit fit for a loaded machine", () => {
    const missing = filesUnder(path.join(REPO_ROOT, "test"), (name) => name.endsWith(".test.ts"))
      .filter((file) => {
        const text = fs.readFileSync(file, "utf8");
        return SLOW.test(text) && !/import "(\.\.\/)*\.?\/?loaded-machine\.ts";/.test(text);
      })
      .map((file) => path.relative(REPO_ROOT, file));
    expect(missing).toEqual([]);
  });
});
