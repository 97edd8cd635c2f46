import fs from "node:fs";
import type { Diagnostic } from "../diagnostics.ts";
import { loaderDiagnostic, type LoaderCode } from "../codes.ts";
import { LIMITS } from "./limits.ts";
import { positionAt } from "./text-position.ts";
import { ANY_UNUSUAL, BIDI_CONTROL, FORBIDDEN_IN_FILE } from "./forbidden-chars.ts";

/**
 * The text of a record file, or why it cannot be read. `lineEndings` is an error that does not stop
 * the reading: lines ended by a lone carriage return (FILE009), reported once while the text, with
 * those line ends read as line feeds, is parsed and checked as usual.
 */
export type ReadResult = { ok: true; text: string; lineEndings?: Diagnostic; unusual?: boolean } | { ok: false; diagnostic: Diagnostic };

const decoder = new TextDecoder("utf-8", { fatal: true });

function problem(file: string, code: LoaderCode, message: string, line = 1, col = 1, tip?: string): { ok: false; diagnostic: Diagnostic } {
  return { ok: false, diagnostic: loaderDiagnostic(file, code, message, { line, col }, tip) };
}

/** Byte offset of the first invalid UTF-8 sequence (the buffer is known to be invalid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length;
}

/** Turns raw bytes into record text, or says precisely why they are not acceptable. */
export function decodeRecordBytes(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > LIMITS.maxFileBytes) {
    return problem(file, "FILE004", `file is ${bytes.length} bytes, over the limit of ${LIMITS.maxFileBytes} bytes`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    const pos = positionAt(prefix, prefix.length);
    return problem(file, "FILE005", `not valid UTF-8 text (byte 0x${bytes[offset]?.toString(16).padStart(2, "0")} at byte offset ${offset})`, pos.line, pos.col, "save the file as UTF-8");
  }
  // A byte-order mark is accepted and dropped; the formatter writes files without one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A lone CR ends a line for YAML but not for every reader (nor for line counts): one error at the
  // first, and the text read with LF in its place (one character for one, so offsets do not move).
  let lineEndings: Diagnostic | undefined;
  // A plain search for a CR first: most files have none, and it costs a fraction of the regex's scan.
  const loneCr = text.includes("\r") ? LONE_CR.exec(text) : null;
  if (loneCr) {
    const pos = positionAt(text, loneCr.index);
    lineEndings = loaderDiagnostic(file, "FILE009", "lines end in a lone carriage return (CR, as on classic Mac OS), which YAML readers and line counts do not all take for a line end", pos, "save the file with LF line endings (npm run format does it)");
    text = text.replace(/\r(?!\n)/g, "\n");
  }
  // One scan for every character worth a closer look (ANY_UNUSUAL); `unusual` tells the loader whether
  // the text may hold an invisible character (LoadedRecord.mayHaveInvisible).
  const unusual = ANY_UNUSUAL.test(text);
  const bad = unusual ? FORBIDDEN_IN_FILE.exec(text) : null;
  if (bad) {
    const pos = positionAt(text, bad.index);
    const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    const what = BIDI_CONTROL.test(bad[0]) ? "a bidirectional text control" : "a control character";
    return problem(file, "FILE005", `contains ${what} (U+${cp}); only tab and line breaks are allowed`, pos.line, pos.col, "delete the invisible character");
  }
  const long = findLongLine(text);
  if (long) {
    return problem(file, "FILE008", `line ${long.line} is ${long.length} characters long, over the limit of ${LIMITS.maxLineLength}`, long.line, LIMITS.maxLineLength + 1, "break the text with a YAML block scalar (`|` or `>`)");
  }
  return lineEndings ? { ok: true, text, lineEndings, unusual } : { ok: true, text, unusual };
}

const LONE_CR = /\r(?!\n)/;

function findLongLine(text: string): { line: number; length: number } | undefined {
  // No line is longer than the whole text.
  if (text.length <= LIMITS.maxLineLength) return undefined;
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    // The CR of a CRLF line ending is part of the line break, not of the line.
    const length = end - start - (end > start && text[end - 1] === "\r" ? 1 : 0);
    if (length > LIMITS.maxLineLength) return { line, length };
    start = end + 1;
    line++;
  }
  return undefined;
}

/**
 * A record file's bytes, or why they cannot be read (the size limit is enforced before reading).
 * `stamp` is the file's stat stamp taken before its bytes were read (see statStamp).
 */
export type BytesResult = { ok: true; bytes: Uint8Array; stamp: string } | { ok: false; diagnostic: Diagnostic };

/**
 * A file's stat stamp: size, modification time and inode, as the validation cache keys unchanged files
 * by (like git's index). Equal stamps are taken for equal bytes, unless the file was modified within
 * the clock's granularity of the stamp being taken, which the cache's "racy" rule covers.
 */
export function statStamp(st: fs.Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
}

/** Reads one record file's bytes with the size limit enforced before the whole file is read. */
export function readRecordBytes(file: string, abs: string): BytesResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const st = fs.fstatSync(fd);
    const size = st.size;
    if (size > LIMITS.maxFileBytes) {
      return problem(file, "FILE004", `file is ${size} bytes, over the limit of ${LIMITS.maxFileBytes} bytes`);
    }
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read), stamp: statStamp(st) };
  } catch (error) {
    return problem(file, "FILE006", `could not be read: ${describeIoError(error)}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads one record file as text, or says why it cannot be read. */
export function readRecordFile(file: string, abs: string): ReadResult {
  const read = readRecordBytes(file, abs);
  return read.ok ? decodeRecordBytes(file, read.bytes) : read;
}

/** Plain words for the I/O errors a contributor can meet, instead of a stack trace. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "the file no longer exists (deleted while the check ran?)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "it is a symbolic link";
    case "EISDIR":
      return "it is a folder";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
