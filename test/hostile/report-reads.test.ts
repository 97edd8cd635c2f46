/**
 * The human-readable report reads files for its code frames the way the validator reads records:
 * within the size limit, never through a link. Five sparse files of 2 GB once cost 2.2 GB of memory.
 * The reads are counted (bytes asked of the file system), not timed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { formatHuman } from "../../scripts/lib/report/format-human.ts";
import { readLines } from "../../scripts/lib/report/code-frame.ts";
import { LIMITS } from "../../scripts/lib/load/limits.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { makeTree, removeTrees } from "../validate/helpers.ts";

afterAll(removeTrees);
afterEach(() => vi.restoreAllMocks());

const diag = (file: string, code: string, line = 1): Diagnostic => ({ file, line, col: 1, severity: "error", code, message: "m" });

/** Counts the bytes the code under test reads, by whichever fs call. */
function countReads(): () => number {
  let bytes = 0;
  const readSync = fs.readSync.bind(fs);
  vi.spyOn(fs, "readSync").mockImplementation(((...args: Parameters<typeof fs.readSync>) => {
    const n = (readSync as (...a: unknown[]) => number)(...args);
    bytes += n;
    return n;
  }) as typeof fs.readSync);
  const readFileSync = fs.readFileSync.bind(fs);
  vi.spyOn(fs, "readFileSync").mockImplementation(((...args: Parameters<typeof fs.readFileSync>) => {
    const out = (readFileSync as (...a: unknown[]) => string | Buffer)(...args);
    bytes += Buffer.byteLength(out);
    return out;
  }) as typeof fs.readFileSync);
  return () => bytes;
}

describe("code frames read within the size limit", () => {
  it("five sparse files far over the limit, reported with and without frames, are not read at all", () => {
    const big = Array.from({ length: 5 }, (_, i) => `data/actors/big-${i}.yaml`);
    const root = makeTree({}, (r) => {
      for (const f of big) {
        fs.mkdirSync(path.dirname(path.join(r, f)), { recursive: true });
        const fd = fs.openSync(path.join(r, f), "w");
        fs.writeSync(fd, "id: big\n");
        fs.ftruncateSync(fd, 64 * 1024 * 1024); // sparse: 64 MiB that take no disk space
        fs.closeSync(fd);
      }
    });
    const read = countReads();
    const out = formatHuman(
      big.flatMap((f) => [diag(f, "FILE004"), diag(f, "YAML001")]),
      { root, color: false, filesChecked: 5 },
    );
    expect(read()).toBe(0);
    expect(out).toContain("big-4.yaml:1:1");
  });

  it("a file within the limit is read once, and no more than its size", () => {
    const text = `id: small\nname: "unclosed\n${"x: 1\n".repeat(1000)}`;
    const root = makeTree({ "data/actors/small.yaml": text });
    const read = countReads();
    const out = formatHuman([diag("data/actors/small.yaml", "YAML001", 2), diag("data/actors/small.yaml", "SCH002", 3)], { root, color: false, filesChecked: 1 });
    expect(out).toContain('> 2 | name: "unclosed');
    expect(read()).toBe(Buffer.byteLength(text));
    expect(Buffer.byteLength(text)).toBeLessThan(LIMITS.maxFileBytes);
  });

  it("gives no frame for a file behind a link, and counts lines ended by a lone CR", () => {
    const root = makeTree({ "outside.yaml": "secret: 1\n", "data/actors/cr.yaml": "id: cr\rname: x\rbad: [\r" }, (r) => fs.symlinkSync(path.join(r, "outside.yaml"), path.join(r, "data/actors/link.yaml")));
    expect(readLines(root, "data/actors/link.yaml")).toBeUndefined();
    expect(readLines(root, "data/actors/cr.yaml")).toEqual(["id: cr", "name: x", "bad: [", ""]);
  });
});
