/**
 * A scratch file: bytes appended (through a buffer) and read back by offset, so that what a command
 * holds only to read again later waits on disk rather than in its memory. The file's pages are the
 * operating system's to keep or drop. The build keeps its source records (load/kept-records.ts) and
 * its unsorted FtM lines (interop/sorted-lines.ts) in such files, inside the release's temporary folder.
 */
import fs from "node:fs";

const BUFFER_BYTES = 1 << 20;

export class ScratchFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Bytes appended so far: where the next ones start. */
  private size = 0;
  /** Bytes in the file (the rest are in the buffer). */
  private written = 0;
  private closed = false;

  /** `file` must not exist: it is created here (never overwritten), and removed by `remove`. */
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, "wx+");
  }

  /** How many bytes have been put. */
  get length(): number {
    return this.size;
  }

  /** Appends `bytes` (or a string, as UTF-8) and returns where they start. */
  put(bytes: Uint8Array | string): number {
    const at = this.size;
    const length = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
    if (length > BUFFER_BYTES - this.used) this.flush();
    if (length > BUFFER_BYTES) this.writeOut(typeof bytes === "string" ? Buffer.from(bytes) : bytes);
    else if (typeof bytes === "string") this.used += this.buffer.write(bytes, this.used);
    else {
      this.buffer.set(bytes, this.used);
      this.used += length;
    }
    this.size += length;
    return at;
  }

  /** The `length` bytes put at `at`, read into `into` if it is given (it must be long enough) or into a new buffer. */
  get(at: number, length: number, into: Buffer = Buffer.allocUnsafe(length)): Buffer {
    if (at + length > this.written) this.flush();
    for (let got = 0; got < length; ) {
      const n = fs.readSync(this.fd, into, got, length - got, at + got);
      if (n === 0) throw new Error(`internal error: ${this.file} ends before the bytes it was given`);
      got += n;
    }
    return into.subarray(0, length);
  }

  /** Closes and removes the file (again is a no-op). */
  remove(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
    fs.rmSync(this.file, { force: true });
  }

  private flush(): void {
    this.writeOut(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at, bytes.length - at, null);
    this.written += bytes.length;
  }
}
