/**
 * The worker thread of a large warm run. Stat stamps taken there (while the main thread decodes the
 * cached verdicts) are the stamps the main thread takes: a regular file's size, modification time and
 * inode, and "" for anything that is not a regular file (missing, a link, a folder), which is then read.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lstatStamp, stampsOf } from "../../scripts/lib/load/stamps.ts";
import { startWarmRunWorker } from "../../scripts/lib/cache/warm-run-worker.ts";
import { statStamp } from "../../scripts/lib/load/read-file.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";

afterAll(removeTempDirs);

describe("stat stamps", () => {
  it("taken in a worker thread, they are those taken here, in order, with \"\" for what is not a regular file", async () => {
    const dir = tempDir("sidelines-stamps-");
    const files = Array.from({ length: 50 }, (_, i) => path.join(dir, `r${i}.yaml`));
    files.forEach((f, i) => fs.writeFileSync(f, "x".repeat(i)));
    fs.symlinkSync(files[0]!, path.join(dir, "link.yaml"));
    fs.mkdirSync(path.join(dir, "folder.yaml"));
    const all = [...files, path.join(dir, "missing.yaml"), path.join(dir, "link.yaml"), path.join(dir, "folder.yaml"), path.join(dir, "r1.yaml", "below")];
    const here = stampsOf(all);
    expect(here.slice(0, files.length)).toEqual(files.map((f) => statStamp(fs.lstatSync(f))));
    expect(here.slice(files.length)).toEqual(["", "", "", ""]);
    expect(lstatStamp(files[3]!)).toBe(here[3]);
    const warm = startWarmRunWorker(all);
    // Undefined only on a one-core machine, where no worker is started.
    if (warm) {
      expect(await warm.stamps).toEqual(here);
      expect(await warm.blocks).toBeUndefined();
    }
    const none = startWarmRunWorker([]);
    if (none) expect(await none.stamps).toEqual([]);
  });
});
