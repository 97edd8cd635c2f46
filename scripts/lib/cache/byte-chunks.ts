import zlib from "node:zlib";

/** Bytes per piece: large enough that a cache of 100,000 verdicts is a few dozen pieces. */
const PIECE = 4 * 2 ** 20;

/**
 * Strings and bytes copied into large shared pieces: each comes back as a slice of one, and slices
 * made one after the other lie side by side, so that many small encodings cost neither a buffer each
 * nor the garbage collector's attention.
 */
export class Arena {
  private current = Buffer.alloc(0);
  private used = 0;

  /** The string's UTF-8 bytes. */
  encode(s: string): Buffer {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const start = this.room(s.length * 3);
    this.used += this.current.write(s, start, "utf8");
    return this.current.subarray(start, this.used);
  }

  /** A copy of the bytes. */
  copy(b: Uint8Array): Buffer {
    const start = this.room(b.length);
    this.current.set(b, start);
    this.used += b.length;
    return this.current.subarray(start, this.used);
  }

  /** Where the next `bytes` bytes (at most) go: in the current piece, or a new one. */
  private room(bytes: number): number {
    if (bytes > this.current.length - this.used) {
      this.current = Buffer.allocUnsafe(Math.max(PIECE, bytes));
      this.used = 0;
    }
    return this.used;
  }
}

/**
 * Bytes gathered as pieces, with their length and CRC-32 kept as they grow: a part of the validation
 * cache is written from these pieces, so that neither a buffer per line nor one copy of the whole part
 * is made (at 100,000 verdicts those cost seconds of allocation and copying). Slices that lie side by
 * side in memory (an Arena's, made one after the other) become one piece, without being copied.
 */
export class ByteChunks {
  readonly pieces: Buffer[] = [];
  length = 0;
  crc = 0;
  private readonly arena = new Arena();
  /** The piece being gathered: a run of slices that follow each other in one buffer. */
  private run: Buffer | undefined;

  /** Appends bytes without copying them (so they must not change afterwards). */
  adopt(b: Buffer): void {
    const run = this.run;
    if (run && run.buffer === b.buffer && run.byteOffset + run.length === b.byteOffset) {
      this.run = Buffer.from(run.buffer, run.byteOffset, run.length + b.length);
      return;
    }
    this.endRun();
    this.run = b;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.adopt(this.arena.encode(s));
  }

  /** Appends a copy of the bytes. */
  bytes(b: Uint8Array): void {
    this.adopt(this.arena.copy(b));
  }

  /** The pieces, once everything is appended. */
  finish(): Buffer[] {
    this.endRun();
    return this.pieces;
  }

  private endRun(): void {
    const piece = this.run;
    this.run = undefined;
    // Never an empty piece: zlib's CRC-32 of no data at a null address is 0, whatever it continues.
    if (!piece || piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
    this.crc = zlib.crc32(piece, this.crc);
  }
}
