/**
 * The pieces a cache part is written from: whatever mix of strings, copied bytes and adopted slices
 * (side by side in an Arena, or not) is appended, the pieces hold exactly those bytes in order, with
 * their length and CRC-32.
 */
import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Arena, ByteChunks } from "../../scripts/lib/cache/byte-chunks.ts";

type Op = { kind: "text" | "bytes" | "adopt"; s: string };

describe("ByteChunks", () => {
  it("holds every byte appended, in order, whether copied or adopted, with the right length and CRC-32", () => {
    const op = fc.record({ kind: fc.constantFrom<Op["kind"]>("text", "bytes", "adopt"), s: fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 50 }), fc.constant("x".repeat(5000))) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.boolean(), (ops, oneArena) => {
        const out = new ByteChunks();
        const expected: Buffer[] = [];
        let arena = new Arena();
        for (const { kind, s } of ops) {
          const b = Buffer.from(s, "utf8");
          expected.push(b);
          if (kind === "text") out.text(s);
          else if (kind === "bytes") out.bytes(b);
          else {
            // Slices of one arena follow each other (runs), unless a new arena breaks the run.
            if (!oneArena) arena = new Arena();
            out.adopt(arena.encode(s));
          }
        }
        const pieces = out.finish();
        const whole = Buffer.concat(expected);
        expect(Buffer.concat(pieces).equals(whole)).toBe(true);
        expect(out.length).toBe(whole.length);
        expect(out.crc).toBe(zlib.crc32(whole));
      }),
      { numRuns: 300 },
    );
  });

  it("writes a run of adjacent slices as one piece, without copying it", () => {
    const arena = new Arena();
    const out = new ByteChunks();
    const slices = ["a\n", "bb\n", "ccc\n"].map((s) => arena.encode(s));
    for (const s of slices) out.adopt(s);
    const pieces = out.finish();
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.buffer).toBe(slices[0]!.buffer);
    expect(pieces[0]!.toString()).toBe("a\nbb\nccc\n");
  });
});
