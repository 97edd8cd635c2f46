/**
 * The validation cache: one file, `.sidelines-cache/validation-cache`, holding for each record file the
 * verdict of the per-file stage (its diagnostics and its dataset view), keyed by the file's path and the
 * SHA-256 of its bytes, under one hash of everything else a verdict depends on (see inputs.ts). A file
 * whose bytes hash as cached is neither parsed nor checked again; the dataset checks still run over
 * every record.
 *
 * The file is a header line (format, version, inputs hash, the body's SHA-256 and line count), then one
 * line per file: `path TAB hash TAB verdict-as-JSON`. Lines of files not checked again are copied as
 * the bytes they were, so a run that changes one verdict writes the others without decoding them. It is written
 * to a temporary file and renamed into place, so readers and concurrent runs only ever see a whole
 * cache (the last one written wins, and each is right on its own). Anything unexpected in it — missing
 * lines, a wrong checksum, another version, an unreadable file — makes it ignored with a one-line
 * notice and rebuilt by the next full validation.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { alive } from "../process-alive.ts";
import { CACHE_FORMAT_VERSION } from "./inputs.ts";

/** The cache file, relative to the dataset's root. */
export const CACHE_FILE = ".sidelines-cache/validation-cache";

/**
 * A run that checks fewer files than this (`--changed`, files named) reads the cache, for the views of
 * the records it does not check (forum files are large, and the index needs their edition ids), but
 * does not write it: writing a verdict for each of the dataset's files would cost more than checking
 * the few it names.
 */
export const CACHE_MIN_FILES = 1000;

/** Set to anything but `0` to turn the cache off (like `--no-cache`). */
export const NO_CACHE_VARIABLE = "SIDELINES_NO_CACHE";

const FORMAT = "sidelines-validation-cache";
const NEWLINE = Buffer.from("\n");
const TEMP_PREFIX = "validation-cache.tmp-";

/** The key of a file's bytes. */
export function bytesHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64");
}

/** What the per-file stage found in one file. */
export interface Verdict {
  diagnostics: Diagnostic[];
  /** The record's dataset view; null when the file did not parse. */
  view: Record<string, unknown> | null;
  schemaOk: boolean;
  mayHaveEscapes: boolean;
}

interface Line {
  hash: string;
  /** The verdict as JSON (UTF-8 bytes, often a slice of the file read): decoded only when used. */
  json: Buffer;
}

/** Whether the variable turns the cache off. */
export function cacheDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[NO_CACHE_VARIABLE];
  return value !== undefined && value !== "" && value !== "0";
}

class Unusable extends Error {}

const NL = 0x0a;
const TAB = 0x09;

/** The body's checksum: SHA-256 of its bytes. */
function checksum(chunks: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const c of chunks) hash.update(c);
  return hash.digest("base64");
}

/**
 * Reads a cache file's bytes: undefined when it was made under other inputs (nothing in it applies,
 * which is no fault of the file); throws Unusable when anything in it is wrong. The lines are only
 * split here; each verdict is decoded when it is used.
 */
function parseCache(bytes: Buffer, inputs: string): Map<string, Line> | undefined {
  const nl = bytes.indexOf(NL);
  if (nl === -1) throw new Unusable("it is truncated");
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString("utf8", 0, nl));
  } catch {
    throw new Unusable("its header is not readable");
  }
  const h = header as { format?: unknown; version?: unknown; inputs?: unknown; sha256?: unknown; lines?: unknown };
  if (h === null || typeof h !== "object" || h.format !== FORMAT) throw new Unusable("it is not a validation cache");
  if (h.version !== CACHE_FORMAT_VERSION) throw new Unusable(`it has version ${JSON.stringify(h.version)}, not ${CACHE_FORMAT_VERSION}`);
  const body = bytes.subarray(nl + 1);
  if (typeof h.sha256 !== "string" || checksum([body]) !== h.sha256) throw new Unusable("it is truncated or corrupt (checksum mismatch)");
  if (h.inputs !== inputs) return undefined;
  const lines = new Map<string, Line>();
  for (let pos = 0; pos < body.length; ) {
    const end = body.indexOf(NL, pos);
    const a = body.indexOf(TAB, pos);
    const b = a === -1 ? -1 : body.indexOf(TAB, a + 1);
    if (end === -1 || a <= pos || b === -1 || b > end) throw new Unusable("a line is malformed");
    lines.set(body.toString("utf8", pos, a), { hash: body.toString("latin1", a + 1, b), json: body.subarray(b + 1, end) });
    pos = end + 1;
  }
  if (lines.size !== h.lines) throw new Unusable("it is truncated or corrupt (line count)");
  return lines;
}

/** One run's view of the cache: the verdicts read at the start, and those to write at the end. */
export class ValidationCache {
  /** A one-line notice for the user (an unusable cache, a cache that could not be written); at most one per run. */
  notice: string | undefined;
  private readonly next = new Map<string, Line>();
  private changed: boolean;

  private constructor(
    readonly file: string,
    private readonly inputs: string,
    private readonly previous: Map<string, Line>,
    fresh: boolean,
  ) {
    this.changed = fresh;
  }

  /** Reads the cache file (none yet is an empty cache); never throws. */
  static open(file: string, inputs: string): ValidationCache {
    let text: Buffer | undefined;
    let problem: string | undefined;
    try {
      const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
      try {
        text = fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") problem = `it could not be read (${code ?? String(error)})`;
    }
    let lines: Map<string, Line> | undefined;
    if (text !== undefined) {
      try {
        lines = parseCache(text, inputs);
      } catch (error) {
        problem = error instanceof Unusable ? error.message : `it could not be read (${String(error)})`;
      }
    }
    const cache = new ValidationCache(file, inputs, lines ?? new Map(), lines === undefined);
    if (problem) cache.notice = `note: ignored the validation cache ${path.basename(path.dirname(file))}/${path.basename(file)}, ${problem}; every file is checked afresh, and a full validation writes it anew (turn it off with --no-cache or ${NO_CACHE_VARIABLE}=1)`;
    return cache;
  }

  /** The hash a file's bytes had when its verdict was cached. */
  hashOf(rel: string): string | undefined {
    return this.previous.get(rel)?.hash;
  }

  /**
   * The cached verdict of a file whose bytes hash to `hash`, kept for the next run; undefined when
   * there is none (or it cannot be decoded, which the checksum makes all but impossible).
   */
  take(rel: string, hash: string): Verdict | undefined {
    const line = this.previous.get(rel);
    if (!line || line.hash !== hash) return undefined;
    let verdict: Verdict;
    try {
      const [diagnostics, view, schemaOk, mayHaveEscapes] = JSON.parse(line.json.toString("utf8")) as [Diagnostic[], Verdict["view"], boolean, boolean];
      if (!Array.isArray(diagnostics)) return undefined;
      verdict = { diagnostics, view, schemaOk, mayHaveEscapes };
    } catch {
      return undefined;
    }
    this.next.set(rel, line);
    return verdict;
  }

  /** Records a file's new verdict. Paths holding a tab or a line break are never cached. */
  put(rel: string, hash: string, verdict: Verdict): void {
    if (/[\t\n\r]/.test(rel)) return;
    const json = Buffer.from(JSON.stringify([verdict.diagnostics, verdict.view, verdict.schemaOk, verdict.mayHaveEscapes]));
    const old = this.previous.get(rel);
    if (!old || old.hash !== hash || !old.json.equals(json)) this.changed = true;
    this.next.set(rel, { hash, json });
  }

  /** Keeps the cached verdict of a file that this run did not check. */
  keep(rel: string): void {
    const line = this.previous.get(rel);
    if (line && !this.next.has(rel)) this.next.set(rel, line);
  }

  /**
   * Writes the cache for the files that exist now (`present`, in order), dropping the rest, when it
   * differs from the one read. Never throws: a failure becomes the notice.
   */
  save(present: readonly string[]): void {
    // Each line is `path TAB hash TAB verdict` and a line feed; unchanged verdicts are the bytes read.
    const chunks: Buffer[] = [];
    let count = 0;
    for (const rel of present) {
      const line = this.next.get(rel);
      if (!line) continue;
      chunks.push(Buffer.from(`${rel}\t${line.hash}\t`), line.json, NEWLINE);
      count++;
    }
    if (!this.changed && count === this.previous.size) return;
    const header = JSON.stringify({ format: FORMAT, version: CACHE_FORMAT_VERSION, inputs: this.inputs, sha256: checksum(chunks), lines: count });
    const dir = path.dirname(this.file);
    let temp: string | undefined;
    try {
      fs.mkdirSync(dir, { recursive: true });
      removeDeadTemps(dir);
      temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
      const fd = fs.openSync(temp, "wx");
      try {
        fs.writeFileSync(fd, `${header}\n`);
        fs.writeFileSync(fd, Buffer.concat(chunks));
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, this.file);
      temp = undefined;
    } catch (error) {
      this.notice ??= `note: could not write the validation cache (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next run checks every file again`;
    } finally {
      if (temp !== undefined) fs.rmSync(temp, { force: true });
    }
  }
}

/** Removes temporary cache files left by runs that died (named after their process). */
function removeDeadTemps(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(TEMP_PREFIX.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}
