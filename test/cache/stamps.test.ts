/**
 * Stat stamps taken in a worker thread (a large warm run takes them there while it decodes the cached
 * verdicts) are the stamps the main thread takes: a regular file's size, modification time and inode,
 * and "" for anything that is not a regular file (missing, a link, a folder), which is then read.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lstatStamp, stampsInWorker, stampsOf } from "../../scripts/lib/load/stamps.ts";
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
    const inWorker = stampsInWorker(all);
    // Undefined only on a one-core machine, where no worker is started.
    if (inWorker) expect(await inWorker).toEqual(here);
    expect(await stampsInWorker([])).toEqual([]);
  });
});
