/**
 * writeAll hands a stream one piece at a time and waits whenever the stream asks it to, so that a
 * large report written to a slow reader is never queued whole in memory.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeAll } from "../../scripts/lib/cli.ts";

/** A stream that takes a piece every few milliseconds, noting the most it ever held unwritten. */
function slowStream(): { stream: Writable; most: () => number; got: () => string } {
  let most = 0;
  let text = "";
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString("utf8");
      setTimeout(callback, 2);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const ok = write(chunk);
    most = Math.max(most, stream.writableLength);
    return ok;
  }) as Writable["write"];
  return { stream, most: () => most, got: () => text };
}

describe("writeAll", () => {
  it("holds at most one piece beyond the stream's mark, and writes every piece in order", async () => {
    const pieces = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(4, "0")}${"x".repeat(996)}\n`);
    const { stream, most, got } = slowStream();
    await writeAll(stream, pieces);
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(got()).toBe(pieces.join(""));
    // 50 pieces of 1,001 bytes: written without waiting, the stream would hold nearly all of them.
    expect(most()).toBeLessThanOrEqual(2 * 1001);
  });

  it("does not wait for ever on a stream that is destroyed", async () => {
    const { stream } = slowStream();
    const pieces = (function* () {
      for (let i = 0; i < 10; i++) {
        if (i === 3) stream.destroy();
        yield "y".repeat(2000);
      }
    })();
    await expect(writeAll(stream, pieces)).resolves.toBeUndefined();
  });
});
