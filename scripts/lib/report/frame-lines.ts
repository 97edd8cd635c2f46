/**
 * The lines of a file that code frames show: kept by the per-file stage, which has the file's text in
 * hand, and by the validation cache, so that a report need not read a file again for its frames.
 */
import type { Diagnostic } from "../diagnostics.ts";

/** Lines of a file for code frames: how many lines it has, and the text of some of them (1-based). */
export interface FrameLines {
  count: number;
  lines: Record<number, string>;
}

/** Whether a diagnostic is shown with a code frame (those about the file as a whole are not). */
export const framed = (d: Diagnostic): boolean => !d.code.startsWith("FILE");

/** A file's lines, ending at LF, CRLF or a lone CR, as the validator counts them. */
export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** The lines a code frame at each of these diagnostics' lines shows, in a file of `count` lines. */
export function framedLines(list: readonly Diagnostic[], count: number): number[] {
  const wanted: number[] = [];
  for (const d of list) if (framed(d) && d.line <= count) for (let n = Math.max(1, d.line - 1); n <= Math.min(count, d.line + 1); n++) wanted.push(n);
  return wanted;
}

/** What to keep of a file of `count` lines for the frames of these diagnostics (`lineAt`: line n, 1-based). */
function keep(count: number, lineAt: (n: number) => string, list: readonly Diagnostic[]): FrameLines {
  const kept: Record<number, string> = {};
  for (const n of framedLines(list, count)) kept[n] = lineAt(n);
  return { count, lines: kept };
}

/** What to keep of a file's lines for the frames of these diagnostics. */
export function keptFrameLines(lines: readonly string[], list: readonly Diagnostic[]): FrameLines {
  return keep(lines.length, (n) => lines[n - 1]!, list);
}

/**
 * keptFrameLines of a file's text, without splitting all of it: a text whose lines all end at LF (most
 * files) is read for its line starts, and only the lines shown are cut out of it.
 */
export function keptFrameLinesOfText(text: string, list: readonly Diagnostic[]): FrameLines {
  if (text.includes("\r")) return keptFrameLines(splitLines(text), list);
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return keep(starts.length, (n) => text.slice(starts[n - 1], n < starts.length ? starts[n]! - 1 : text.length), list);
}
