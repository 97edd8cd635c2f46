import zlib from "node:zlib";

/** Bytes per piece: large enough that a cache of 100,000 verdicts is a few dozen pieces. */
const PIECE = 4 * 2 ** 20;

/**
 * Bytes built up in large pieces, with their length and CRC-32 kept as they grow: a part of the
 * validation cache is written from these pieces, so that neither a buffer per line nor one copy of
 * the whole part is made (at 100,000 verdicts those cost seconds of allocation and copying). Bytes
 * that lie side by side in memory (an Arena's, encoded one after the other) are not copied at all.
 */
export class ByteChunks {
  readonly pieces: Buffer[] = [];
  length = 0;
  crc = 0;
  private current = Buffer.alloc(0);
  private used = 0;
  /** Bytes adopted as they are: a run of slices that follow each other in one buffer. */
  private run: Buffer | undefined;

  /**
   * Appends bytes without copying them (so they must not change): a slice that starts where the
   * previous one adopted ends, in the same memory, lengthens it.
   */
  adopt(b: Buffer): void {
    const run = this.run;
    if (run && run.buffer === b.buffer && run.byteOffset + run.length === b.byteOffset) {
      this.run = Buffer.from(run.buffer, run.byteOffset, run.length + b.length);
      return;
    }
    this.seal();
    this.endRun();
    this.run = b;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.endRun();
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (s.length * 3 > this.current.length - this.used) this.next(s.length * 3);
    this.used += this.current.write(s, this.used, "utf8");
  }

  /** Appends bytes. */
  bytes(b: Uint8Array): void {
    this.endRun();
    if (b.length > this.current.length - this.used) this.next(b.length);
    this.current.set(b, this.used);
    this.used += b.length;
  }

  /** The pieces, once everything is appended. */
  finish(): Buffer[] {
    this.seal();
    this.endRun();
    this.current = Buffer.alloc(0);
    this.used = 0;
    return this.pieces;
  }

  private next(atLeast: number): void {
    this.seal();
    this.current = Buffer.allocUnsafe(Math.max(PIECE, atLeast));
    this.used = 0;
  }

  /** Closes the current piece: only its written bytes are kept. */
  private seal(): void {
    if (this.used === 0) return;
    this.push(this.current.subarray(0, this.used));
    this.current = this.current.subarray(this.used);
    this.used = 0;
  }

  private endRun(): void {
    if (this.run) this.push(this.run);
    this.run = undefined;
  }

  private push(piece: Buffer): void {
    // Never an empty piece: zlib's CRC-32 of no data at a null address is 0, whatever it continues.
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
    this.crc = zlib.crc32(piece, this.crc);
  }
}

/**
 * Strings encoded as UTF-8 into large shared pieces: each comes back as a slice of one, so that many
 * small encodings cost neither a buffer each nor the garbage collector's attention.
 */
export class Arena {
  private current = Buffer.alloc(0);
  private used = 0;

  encode(s: string): Buffer {
    if (s.length * 3 > this.current.length - this.used) {
      this.current = Buffer.allocUnsafe(Math.max(PIECE, s.length * 3));
      this.used = 0;
    }
    const start = this.used;
    this.used += this.current.write(s, start, "utf8");
    return this.current.subarray(start, this.used);
  }
}
