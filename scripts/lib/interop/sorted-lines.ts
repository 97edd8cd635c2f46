/**
 * Lines that an export lists sorted by a key but that are made in another order: each line goes to a
 * scratch file as it is made, and only its key and its place in the file stay in memory; `writeTo`
 * copies the lines into the export in key order (ties in the order they were added) and removes the
 * scratch file. The FtM export is written this way, so that a large release (170 MB of FtM lines at
 * 100,000 records) never holds its lines in memory.
 */
import type { OutputFile } from "../publish/output-file.ts";
import { ScratchFile } from "../scratch-file.ts";
import { compareStrings } from "../publish/json.ts";

export class SortedLines {
  private readonly scratch: ScratchFile;
  private readonly keys: string[] = [];
  /** Where each line starts; it ends where the next one starts (the last, at the end of the file). */
  private readonly starts: number[] = [];

  /** `file` must not exist: it is created here, and removed by writeTo or abandon. */
  constructor(file: string) {
    this.scratch = new ScratchFile(file);
  }

  add(key: string, line: string): void {
    this.keys.push(key);
    this.starts.push(this.scratch.put(line));
  }

  /** Writes every line to `output` in key order, then removes the scratch file. */
  writeTo(output: OutputFile): void {
    try {
      const { keys, starts, scratch } = this;
      const order = Array.from(keys, (_, i) => i).sort((a, b) => compareStrings(keys[a]!, keys[b]!) || a - b);
      const write = (bytes: Uint8Array): void => output.writeBytes(bytes);
      for (const i of order) scratch.copyTo(write, starts[i]!, (starts[i + 1] ?? scratch.length) - starts[i]!);
    } finally {
      this.abandon();
    }
  }

  /** Removes the scratch file (also when the build failed). */
  abandon(): void {
    this.scratch.remove();
  }
}
