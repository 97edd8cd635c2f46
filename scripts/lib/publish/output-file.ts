/**
 * Writing one release file in pieces, hashing as it goes: large outputs (hundreds of megabytes at
 * 100,000 records) are never held whole in memory, and the manifest need not read them back.
 */
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FileHash } from "./manifest.ts";

/** The SHA-256 of some text or bytes, as lowercase hex: the form of manifest.json and SHA256SUMS. */
export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** Pieces are encoded straight into a buffer of this size, written out whenever it is full. */
const BUFFER_BYTES = 4 << 20;

export class OutputFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash("sha256");
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private bytes = 0;
  private closed = false;

  constructor(dir: string, readonly rel: string) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    this.fd = fs.openSync(path.join(dir, rel), "w");
  }

  write(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (text.length * 3 > BUFFER_BYTES - this.used) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        this.writeOut(Buffer.from(text));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** Writes bytes already encoded (UTF-8 text read back from elsewhere). */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length > BUFFER_BYTES - this.used) {
      this.flush();
      if (bytes.length > BUFFER_BYTES) {
        this.writeOut(bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  private flush(): void {
    this.writeOut(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at);
    this.hash.update(bytes);
    this.bytes += bytes.length;
  }

  /** Writes what is left, closes the file and returns its hash and size. */
  close(): FileHash {
    try {
      this.flush();
    } finally {
      this.closed = true;
      fs.closeSync(this.fd);
    }
    return { sha256: this.hash.digest("hex"), bytes: this.bytes };
  }

  /** Closes the file, if still open, without writing what is left (its build failed). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** Where outputs go: opens a file for writing, and notes its hash and size when it is closed. */
export class OutputDir {
  readonly hashes = new Map<string, FileHash>();

  constructor(readonly dir: string) {}

  /** Writes one file from pieces and returns its hash and size. */
  write(rel: string, pieces: Iterable<string>): FileHash {
    const file = new OutputFile(this.dir, rel);
    let result: FileHash | undefined;
    try {
      for (const piece of pieces) file.write(piece);
    } finally {
      result = file.close();
    }
    this.hashes.set(rel, result);
    return result;
  }

  /** Opens a file written alongside others; `close` it with {@link OutputDir.close}. */
  open(rel: string): OutputFile {
    return new OutputFile(this.dir, rel);
  }

  close(file: OutputFile): FileHash {
    const result = file.close();
    this.hashes.set(file.rel, result);
    return result;
  }
}
