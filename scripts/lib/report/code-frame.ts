import fs from "node:fs";
import path from "node:path";

const MAX_WIDTH = 120;

/** Reads a file's lines for code frames; a file that cannot be read as text gets no frame. */
export function readLines(root: string, file: string): string[] | undefined {
  try {
    const abs = path.join(root, file);
    // Never follow a link: a frame must not show what a link points at outside the dataset.
    if (!fs.lstatSync(abs).isFile()) return undefined;
    const text = fs.readFileSync(abs, "utf8");
    if (text.includes("\uFFFD") || text.length > 1_000_000) return undefined;
    return text.replace(/^\uFEFF/, "").split(/\r?\n/);
  } catch {
    return undefined;
  }
}

/** Two lines of context with the offending line marked and a caret under the column. */
export function codeFrame(lines: readonly string[], line: number, col: number): string {
  const from = Math.max(1, line - 1);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    let text = (lines[n - 1] ?? "").replace(/\t/g, " ");
    let caretCol = col;
    if (text.length > MAX_WIDTH) {
      const start = n === line ? Math.max(0, col - MAX_WIDTH / 2) : 0;
      text = (start > 0 ? "…" : "") + text.slice(start, start + MAX_WIDTH) + "…";
      if (n === line) caretCol = col - start + (start > 0 ? 1 : 0);
    }
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${text}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, caretCol - 1))}^`);
  }
  return out.join("\n");
}
