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
  /** Bytes in the buffer, after the `written` ones in the file. */
  private used = 0;
  /** Bytes in the file. */
  private written = 0;
  /** Where `copyTo` reads into, made at its first call. */
  private piece: Buffer | undefined;
  private closed = false;

  /** `file` must not exist: it is created here (never overwritten), and removed by `remove`. */
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, "wx+");
  }

  /** How many bytes have been put: where the next ones start. */
  get length(): number {
    return this.written + this.used;
  }

  /** Appends `bytes` (or a string, as UTF-8) and returns where they start. */
  put(bytes: Uint8Array | string): number {
    const at = this.length;
    const length = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
    if (length > BUFFER_BYTES - this.used) this.flush();
    if (length > BUFFER_BYTES) this.writeOut(typeof bytes === "string" ? Buffer.from(bytes) : bytes);
    else if (typeof bytes === "string") this.used += this.buffer.write(bytes, this.used);
    else {
      this.buffer.set(bytes, this.used);
      this.used += length;
    }
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

  /** Hands `write` the `length` bytes put at `at` (all of them by default), in pieces of up to 1 MiB read into one buffer (so each piece is good only until `write` returns). */
  copyTo(write: (bytes: Uint8Array) => void, at = 0, length = this.length - at): void {
    this.piece ??= Buffer.allocUnsafe(BUFFER_BYTES);
    for (let done = 0; done < length; done += BUFFER_BYTES) write(this.get(at + done, Math.min(BUFFER_BYTES, length - done), this.piece));
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
