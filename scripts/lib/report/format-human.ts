import type { Diagnostic } from "../diagnostics.ts";
import { countBySeverity } from "../diagnostics.ts";
import { codeFrame, readLines } from "./code-frame.ts";
import { visible } from "./visible.ts";
import { framed, framedLines, keptFrameLines, type FrameLines } from "./frame-lines.ts";

export type { FrameLines };

export interface HumanOptions {
  root: string;
  color: boolean;
  filesChecked: number;
  /**
   * Lines for code frames known without reading the file (the validation cache's, for files it found
   * unchanged), and where to put those read from files for frames, keyed by file.
   */
  frames?: { cached(file: string): FrameLines | undefined; read: Map<string, FrameLines> };
}

/** A file's lines for its frames: from the cached ones when they hold every line shown, else read (and kept). */
function linesFor(root: string, file: string, list: readonly Diagnostic[], frames: HumanOptions["frames"]): readonly string[] | undefined {
  const cached = frames?.cached(file);
  if (cached && framedLines(list, cached.count).every((n) => typeof cached.lines[n] === "string")) {
    const lines = new Array<string>(cached.count);
    for (const n of framedLines(list, cached.count)) lines[n - 1] = cached.lines[n]!;
    return lines;
  }
  const lines = readLines(root, file);
  if (lines && frames) frames.read.set(file, keptFrameLines(lines, list));
  return lines;
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Grouped by file: `path:line:col  severity  CODE  message`, a tip, a code frame; then a summary. */
export function formatHuman(diagnostics: readonly Diagnostic[], options: HumanOptions): string {
  return [...humanPieces(diagnostics, options)].join("");
}

/** Lines in each piece of humanPieces. */
const PIECE_LINES = 4096;

/**
 * The report formatHuman makes, in pieces of whole lines made one at a time as they are asked for
 * (without a line feed after the last line), so that a large report is never held as one string and is
 * made no faster than its reader takes it (see cli.ts, writeAll).
 */
export function* humanPieces(diagnostics: readonly Diagnostic[], options: HumanOptions): Generator<string, void, undefined> {
  let out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    const shown = visible(file);
    out.push(paint(options.color, "1;4", shown));
    // Only files with a diagnostic that shows a frame are read (not those with FILE problems).
    const lines = list.some(framed) ? linesFor(options.root, file, list, options.frames) : undefined;
    for (const d of list) {
      const sev = d.severity === "error" ? paint(options.color, "31", "error  ") : paint(options.color, "33", "warning");
      out.push(`${shown}:${d.line}:${d.col}  ${sev}  ${paint(options.color, "2", d.code)}  ${visible(d.message)}`);
      if (d.tip) out.push(`    ${paint(options.color, "36", "tip:")} ${visible(d.tip)}`);
      if (lines && d.line <= lines.length && framed(d)) out.push(codeFrame(lines, d.line, d.col, "    "));
    }
    out.push("");
    if (out.length >= PIECE_LINES) {
      yield `${out.join("\n")}\n`;
      out = [];
    }
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const files = byFile.size;
  if (errors + warnings === 0) out.push(paint(options.color, "32", `✓ ${plural(options.filesChecked, "file")} checked: no problems`));
  else out.push(`${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")} (${plural(options.filesChecked, "file")} checked)`);
  yield out.join("\n");
}
