import path from "node:path";
import { readRecordFile } from "../load/read-file.ts";
import { visible } from "./visible.ts";
import { splitLines } from "./frame-lines.ts";

const MAX_WIDTH = 120;

/**
 * Reads a file's lines for code frames, the way the validator reads records: within the size limit
 * (checked before anything is read), never through a link, as UTF-8. A file the validator could not
 * read gets no frame. Lines end at LF, CRLF or a lone CR, as the validator counts them.
 */
export function readLines(root: string, file: string): string[] | undefined {
  const read = readRecordFile(file, path.join(root, file));
  return read.ok ? splitLines(read.text) : undefined;
}

/** Two lines of context with the offending line marked and a caret under the column; each line begins with `indent`. */
export function codeFrame(lines: readonly string[], line: number, col: number, indent = ""): string {
  const from = Math.max(1, line - 1);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const raw = (lines[n - 1] ?? "").replace(/\t/g, " ");
    // Escapes take more columns than the characters they stand for: the caret follows them.
    let text = visible(raw);
    // A line with nothing to escape has its caret where the column is (within the line and one past it).
    let caretCol = n !== line ? col : text === raw ? Math.min(col - 1, raw.length) + 1 : visible(raw.slice(0, col - 1)).length + 1;
    if (text.length > MAX_WIDTH) {
      const start = n === line ? Math.max(0, caretCol - MAX_WIDTH / 2) : 0;
      text = (start > 0 ? "…" : "") + text.slice(start, start + MAX_WIDTH) + "…";
      if (n === line) caretCol = caretCol - start + (start > 0 ? 1 : 0);
    }
    out.push(`${indent}${n === line ? ">" : " "} ${String(n).padStart(width)} | ${text}`);
    if (n === line) out.push(`${indent}  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, caretCol - 1))}^`);
  }
  return out.join("\n");
}
