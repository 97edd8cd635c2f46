/**
 * Lines that an export lists sorted by a key but that are made in another order: each line goes to a
 * scratch file as it is made, and only its key and its place in the file stay in memory; `writeTo`
 * copies the lines into the export in key order (ties in the order they were added) and removes the
 * scratch file. The FtM export is written this way, so that a large release (170 MB of FtM lines at
 * 100,000 records) never holds its lines in memory.
 */
import type { OutputFile } from "../publish/output-file.ts";
import { ScratchFile } from "../scratch-file.ts";

export class SortedLines {
  private readonly scratch: ScratchFile;
  private longest = 0;
  private readonly keys: string[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];

  /** `file` must not exist: it is created here, and removed by writeTo or abandon. */
  constructor(file: string) {
    this.scratch = new ScratchFile(file);
  }

  add(key: string, line: string): void {
    const at = this.scratch.put(line);
    const length = Buffer.byteLength(line);
    this.keys.push(key);
    this.starts.push(at);
    this.lengths.push(length);
    this.longest = Math.max(this.longest, length);
  }

  /** Writes every line to `output` in key order, then removes the scratch file. */
  writeTo(output: OutputFile): void {
    try {
      const { keys } = this;
      const order = Array.from(keys, (_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      const line = Buffer.allocUnsafe(this.longest);
      for (const i of order) output.writeBytes(this.scratch.get(this.starts[i]!, this.lengths[i]!, line));
    } finally {
      this.abandon();
    }
  }

  /** Removes the scratch file (also when the build failed). */
  abandon(): void {
    this.scratch.remove();
  }
}
