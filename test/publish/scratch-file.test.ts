/**
 * What the build holds on disk rather than in memory: the scratch file (scripts/lib/scratch-file.ts),
 * the source records kept as bytes in it (load/kept-records.ts) and the FtM lines sorted through it
 * (interop/sorted-lines.ts). Each gives back exactly what it was given, never takes over a file that
 * was there, and leaves nothing behind.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ScratchFile } from "../../scripts/lib/scratch-file.ts";
import { keptData, MemoryStore, withData, type BytesStore, type KeptRecord } from "../../scripts/lib/load/kept-records.ts";
import { SortedLines } from "../../scripts/lib/interop/sorted-lines.ts";
import { OutputDir } from "../../scripts/lib/publish/output-file.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";

afterAll(removeTempDirs);

const MIB = 1 << 20;
/** Bytes that differ from place to place, so that a piece read from the wrong offset shows. */
const pattern = (length: number, seed: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed * 7) % 251));

describe("ScratchFile", () => {
  it("gives back every piece put, by offset, whether still buffered, written, or larger than its buffer", () => {
    const dir = tempDir("sidelines-scratch-");
    const scratch = new ScratchFile(path.join(dir, "scratch"));
    const pieces: Array<Uint8Array | string> = [pattern(10, 1), "héllo, wörld ✓", pattern(MIB - 5, 2), pattern(3 * MIB + 17, 3), "", pattern(1, 4), "€".repeat(400_000), "tail ✓"];
    const at = pieces.map((p) => scratch.put(p));
    const bytes = pieces.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p)));
    // Read back in another order than written, the last piece while it is still in the buffer.
    for (const i of [7, 6, 0, 3, 1, 5, 2, 4]) expect(Buffer.compare(scratch.get(at[i]!, bytes[i]!.length), bytes[i]!)).toBe(0);
    expect(at).toEqual(bytes.map((_, i) => bytes.slice(0, i).reduce((n, b) => n + b.length, 0)));
    // Reading into a buffer of the caller's gives the same bytes.
    const into = Buffer.alloc(3 * MIB + 17);
    expect(Buffer.compare(scratch.get(at[3]!, bytes[3]!.length, into), bytes[3]!)).toBe(0);
    scratch.remove();
    expect(fs.readdirSync(dir)).toEqual([]);
    scratch.remove(); // again: nothing to do, no error
  });

  it("refuses a file that is already there, and leaves it as it was", () => {
    const dir = tempDir("sidelines-scratch-");
    const file = path.join(dir, "precious");
    fs.writeFileSync(file, "not yours");
    expect(() => new ScratchFile(file)).toThrow(/EEXIST/);
    expect(fs.readFileSync(file, "utf8")).toBe("not yours");
  });
});

describe("kept records", () => {
  const records = [
    { id: "a", name: "Ä ✓", list: [1, 2, { deep: null }] },
    { id: "b", text: "x".repeat(2 * MIB) },
    { id: "c" },
  ];
  const keep = (store: BytesStore): KeptRecord[] =>
    records.map((data) => {
      const bytes = new TextEncoder().encode(JSON.stringify(data));
      return { type: "actor", file: `data/actors/${data.id}.yaml`, id: data.id, store, at: store.put(bytes), length: bytes.length };
    });

  it("parses back each record's data as it was kept, from memory and from a scratch file", () => {
    const dir = tempDir("sidelines-kept-");
    const scratch = new ScratchFile(path.join(dir, "records"));
    for (const store of [new MemoryStore(), scratch]) {
      const kept = keep(store);
      expect(kept.map(keptData)).toEqual(records);
      expect([...withData(kept)]).toEqual(records.map((data) => ({ type: "actor", file: `data/actors/${data.id}.yaml`, data })));
    }
    scratch.remove();
  });
});

describe("SortedLines", () => {
  /** Writes the lines through SortedLines into a file of an OutputDir and returns the file's text. */
  const sorted = (lines: Array<[string, string]>, dir = tempDir("sidelines-sorted-")): { text: string; dir: string } => {
    const out = new OutputDir(dir);
    const sorter = new SortedLines(path.join(dir, ".unsorted"));
    for (const [key, line] of lines) sorter.add(key, line);
    const file = out.open("out.txt");
    sorter.writeTo(file);
    out.close(file);
    return { text: fs.readFileSync(path.join(dir, "out.txt"), "utf8"), dir };
  };

  it("writes the lines in key order, ties in the order they were added, and removes its scratch file", () => {
    const { text, dir } = sorted([
      ["m", "m1\n"],
      ["b", "b1\n"],
      ["m", "m2\n"],
      ["a", "a1\n"],
      ["b", "b2\n"],
      ["Z", "Z1\n"], // code-unit order: upper case before lower
      ["m", "m3\n"],
    ]);
    expect(text).toBe("Z1\na1\nb1\nb2\nm1\nm2\nm3\n");
    expect(fs.readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("keeps lines longer than its buffer, and many lines across buffer boundaries, whole", () => {
    const long = `${"é".repeat(MIB)}\n`;
    const many = Array.from({ length: 30_000 }, (_, i): [string, string] => [`k${String(29_999 - i).padStart(5, "0")}`, `${"y".repeat(i % 97)}${i}\n`]);
    const { text } = sorted([...many, ["k15000a", long]]);
    const expected = [...many, ["k15000a", long] as [string, string]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, l]) => l).join("");
    expect(text.length).toBe(expected.length);
    expect(text === expected).toBe(true);
  });

  it("abandoned (the build failed), removes its scratch file; refuses a file that is already there", () => {
    const dir = tempDir("sidelines-sorted-");
    const sorter = new SortedLines(path.join(dir, ".unsorted"));
    sorter.add("a", "line\n");
    sorter.abandon();
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, ".unsorted"), "not yours");
    expect(() => new SortedLines(path.join(dir, ".unsorted"))).toThrow(/EEXIST/);
    expect(fs.readFileSync(path.join(dir, ".unsorted"), "utf8")).toBe("not yours");
  });
});
