/**
 * The validation cache: one file, `.sidelines-cache/validation-cache`, holding for each record file the
 * verdict of the per-file stage (its diagnostics and its dataset view), keyed by the file's path and the
 * SHA-256 of its bytes, under one hash of everything else a verdict depends on (see inputs.ts). A file
 * whose bytes hash as cached is neither parsed nor checked again; the dataset checks still run over
 * every record.
 *
 * Each entry also holds the file's stat stamp (size, modification time, inode) as it was when its bytes
 * were read: a file whose stamp is unchanged is taken as unchanged and is not even read, as git's index
 * does. A file modified within RACY_MS of the cache being written could change again without its stamp
 * changing (the clock's granularity), so its stamp is not kept and the next run hashes its bytes.
 * Entries also keep the lines of the file that code frames showed, so that a report of an unchanged
 * file need not read it again.
 *
 * The file is a header line (format, version, inputs hash), then parts, each a line `#<bytes> <crc32>
 * <lines>` and that many bytes of lines `path TAB stamp TAB hash TAB verdict-as-JSON TAB frames-as-JSON`
 * (an empty hash drops the path; JSON text holds no tab), then a last line `TAB first TAB texts-as-JSON`,
 * the texts the part adds to the table that encodes diagnostics and the number the first of them takes
 * (see StringTable). The frames are decoded only when a report asks
 * for them, so that their strings die young. A run that changes a few verdicts appends one part with them, in one write, instead of
 * writing every verdict again; later parts win. When parts pile up, the next run writes the whole cache
 * anew, to a temporary file renamed into place, so readers and concurrent runs only ever see whole
 * parts. Anything unexpected in it — a part whose length or checksum is wrong, another version, an
 * unreadable file — makes it ignored with a one-line notice and rebuilt by the next full validation.
 *
 * Beside it, `.sidelines-cache/edition-ids` keeps the forums' edition ids, each forum file's with its
 * stamp (see EditionIds): a run of a few files (`--changed`, files named) needs every id in the dataset
 * to check references, and edition ids are the only ones that file names do not give. With them, such a
 * run reads neither the forum files it does not check nor the whole cache.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Diagnostic } from "../diagnostics.ts";
import type { FrameLines } from "../report/frame-lines.ts";
import { alive } from "../process-alive.ts";
import { CACHE_FORMAT_VERSION } from "./inputs.ts";
import { Arena, ByteChunks } from "./byte-chunks.ts";

export type { FrameLines };

/** The cache file, relative to the dataset's root. */
export const CACHE_FILE = ".sidelines-cache/validation-cache";

/**
 * A run that checks fewer files than this (`--changed`, files named) does not write the cache: writing
 * a verdict for each of the dataset's files would cost more than checking the few it names. It reads
 * the edition ids kept beside the cache (see readEditionIds) rather than the cache itself, and checks
 * its files afresh; without usable ids, it reads the cache for the views of the records it does not
 * check (forum files are large, and the index needs their edition ids).
 */
export const CACHE_MIN_FILES = 1000;

/** Set to anything but `0` to turn the cache off (like `--no-cache`). */
export const NO_CACHE_VARIABLE = "SIDELINES_NO_CACHE";

/**
 * A file modified less than this long (ms) before the cache is written keeps no stamp: it could be
 * modified again within the granularity of its modification time (seconds on some file systems) and
 * keep its stamp, so the next run hashes its bytes instead ("racily clean", as git calls it).
 */
export const RACY_MS = 3000;

/** From this many parts on, a run that writes the cache writes it whole, as one part. */
const MAX_PARTS = 8;

/** A cache whose texts outnumber its verdicts this many times over (plus a thousand) is made anew (see parseCache). */
const TEXTS_PER_ENTRY = 4;

const FORMAT = "sidelines-validation-cache";
const TEMP_PREFIX = "validation-cache.tmp-";
const NL = 0x0a;
const TAB = 0x09;

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

/** A file's cached entry as found by entriesOf (callers read its `stamp` and hand it back to decodeEntry and takeEntry). */
export type CachedEntry = Readonly<Entry>;

interface Entry {
  /** The stat stamp when the bytes hashed were read; "" when there is none (racy, or not known). */
  stamp: string;
  hash: string;
  /** The verdict and frames as JSON, joined by a tab (a slice of the file read); undefined for an entry made in this run. */
  json: Buffer | undefined;
  verdict?: Verdict;
  /** The frames, set when a report read the file (null: none); undefined while they are only in `json` or `line` (see framesOf). */
  frames?: FrameLines | null | undefined;
  /**
   * For an entry made in this run: its whole line, encoded when it was made (with its stamp if that was
   * to be trusted then: one trusted then is trusted when the cache is written); undefined once its
   * frames change.
   */
  line?: Buffer;
}

/**
 * The texts of the cached diagnostics — their codes, messages, tips, pointers, severities and the order
 * of their keys — kept once and named by number: a dataset's tens of thousands of diagnostics hold a
 * few hundred distinct texts, and decoding numbers is cheaper than decoding the same texts again. Each
 * part of the file ends with the texts it adds to those of the parts before it, so that the table only
 * grows and an entry of any part is decoded with the whole table. A part also gives the number its
 * first text takes: two runs that appended parts at once would give their new texts the same numbers,
 * and a reader that finds a part not following on from the texts before it ignores the file.
 */
export class StringTable {
  /** How many texts the file already held when it was read: a part written holds the rest. */
  private written: number;
  private readonly index = new Map<string, number>();
  /** Key orders, decoded from their texts when first used. */
  private readonly keyLists = new Map<number, string[]>();

  constructor(readonly list: string[] = []) {
    list.forEach((text, i) => this.index.set(text, i));
    this.written = list.length;
  }

  private ref(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }

  /** A value of a diagnostic: a text as -1 - its number, a number from 0 as it is, anything else inside an array. */
  private value(v: unknown): unknown {
    return typeof v === "string" ? -1 - this.ref(v) : typeof v === "number" && v >= 0 ? v : [v];
  }

  /** A diagnostic as cached: the number of its key order, then its values in that order, `file` left out (it is the entry's path). */
  encode(d: Diagnostic): unknown[] {
    // Keys whose value is undefined are left out, as JSON text leaves them out.
    const keys = Object.keys(d).filter((k) => (d as unknown as Record<string, unknown>)[k] !== undefined);
    const row: unknown[] = [this.ref(JSON.stringify(keys))];
    for (const k of keys) if (k !== "file") row.push(this.value((d as unknown as Record<string, unknown>)[k]));
    return row;
  }

  /** A diagnostic of the file `rel` as encoded; throws on anything that encode() does not make. */
  decode(row: unknown, rel: string): Diagnostic {
    if (!Array.isArray(row) || typeof row[0] !== "number") throw new Error("not an encoded diagnostic");
    const keys = this.keys(row[0]);
    const d: Record<string, unknown> = {};
    let i = 1;
    for (const k of keys) {
      if (k === "file") {
        d[k] = rel;
        continue;
      }
      const v: unknown = row[i++];
      if (typeof v === "number") d[k] = v >= 0 ? v : this.text(-1 - v);
      else if (Array.isArray(v) && v.length === 1) d[k] = v[0];
      else throw new Error("not an encoded value");
    }
    if (i !== row.length) throw new Error("not an encoded diagnostic");
    return d as unknown as Diagnostic;
  }

  private text(i: number): string {
    const text = this.list[i];
    if (text === undefined) throw new Error("no such text");
    return text;
  }

  private keys(i: number): string[] {
    let keys = this.keyLists.get(i);
    if (!keys) {
      const parsed: unknown = JSON.parse(this.text(i));
      if (!Array.isArray(parsed) || !parsed.every((k) => typeof k === "string")) throw new Error("not a key order");
      this.keyLists.set(i, (keys = parsed as string[]));
    }
    return keys;
  }

  /** The last line of a part: the texts added since the file was read or last written to (all of them for a file written whole). */
  line(whole: boolean): string {
    const first = whole ? 0 : this.written;
    return `\t${first}\t${JSON.stringify(this.list.slice(first))}\n`;
  }

  /** After a part is written: its texts are in the file. */
  markWritten(): void {
    this.written = this.list.length;
  }
}

/** An entry's verdict and frames as the JSON kept in the cache file, joined by a tab; its diagnostics encoded by the table. */
const entryJson = (v: Verdict, frames: FrameLines | null | undefined, table: StringTable): string => `${JSON.stringify([v.diagnostics.map((d) => table.encode(d)), v.view, v.schemaOk, v.mayHaveEscapes])}\t${JSON.stringify(frames ?? null)}`;

/** Whether the variable turns the cache off. */
export function cacheDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[NO_CACHE_VARIABLE];
  return value !== undefined && value !== "" && value !== "0";
}

class Unusable extends Error {}

interface Parsed {
  entries: Map<string, Entry>;
  /** The texts of every part, in order. */
  texts: string[];
  parts: number;
  /** Bytes of every part after the first. */
  appended: number;
  /** Bytes of the first part. */
  base: number;
}

/**
 * Reads a cache file's bytes: undefined when it was made under other inputs (nothing in it applies,
 * which is no fault of the file); throws Unusable when anything in it is wrong. The lines are only
 * split here; each verdict is decoded when it is used.
 */
function parseCache(bytes: Buffer, inputs: string): Parsed | undefined {
  const nl = bytes.indexOf(NL);
  if (nl === -1) throw new Unusable("it is truncated");
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString("utf8", 0, nl));
  } catch {
    throw new Unusable("its header is not readable");
  }
  const h = header as { format?: unknown; version?: unknown; inputs?: unknown };
  if (h === null || typeof h !== "object" || h.format !== FORMAT) throw new Unusable("it is not a validation cache");
  if (h.version !== CACHE_FORMAT_VERSION) throw new Unusable(`it has version ${JSON.stringify(h.version)}, not ${CACHE_FORMAT_VERSION}`);
  if (h.inputs !== inputs) return undefined;
  const parsed: Parsed = { entries: new Map(), texts: [], parts: 0, appended: 0, base: 0 };
  for (let pos = nl + 1; pos < bytes.length; ) {
    const end = bytes.indexOf(NL, pos);
    const m = end === -1 || bytes[pos] !== 0x23 ? null : /^#(\d+) (\d+) (\d+)$/.exec(bytes.toString("latin1", pos, end));
    if (!m) throw new Unusable("it is truncated or corrupt (a part's heading)");
    const length = Number(m[1]);
    const body = bytes.subarray(end + 1, end + 1 + length);
    if (body.length !== length || zlib.crc32(body) !== Number(m[2])) throw new Unusable("it is truncated or corrupt (checksum mismatch)");
    if (splitLines(body, parsed) !== Number(m[3])) throw new Unusable("it is truncated or corrupt (line count)");
    if (parsed.parts++ === 0) parsed.base = length;
    else parsed.appended += length;
    pos = end + 1 + length;
  }
  if (parsed.parts === 0) throw new Unusable("it is truncated or corrupt (no verdicts)");
  // Texts pile up only as new messages appear; should they ever outnumber the verdicts many times over,
  // the cache is made anew, as if made under other inputs, with only the texts still used.
  if (parsed.texts.length > TEXTS_PER_ENTRY * parsed.entries.size + 1000) return undefined;
  return parsed;
}

/** Splits a part's lines into the entries (later ones replace earlier ones) and its texts; returns how many lines. */
function splitLines(body: Buffer, parsed: Parsed): number {
  // The texts: the last line.
  const last = body.length > 0 && body[body.length - 1] === NL ? body.lastIndexOf(NL, body.length - 2) + 1 : -1;
  if (last === -1 || body[last] !== TAB) throw new Unusable("a part has no texts");
  const tab = body.indexOf(TAB, last + 1);
  const first = tab === -1 ? NaN : Number(body.toString("latin1", last + 1, tab));
  if (first !== parsed.texts.length) throw new Unusable("a part's texts do not follow on from those before it (two runs appended to it at once)");
  let texts: unknown;
  try {
    texts = JSON.parse(body.toString("utf8", tab + 1, body.length - 1));
  } catch {
    throw new Unusable("a part's texts are not readable");
  }
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === "string")) throw new Unusable("a part's texts are not readable");
  for (const t of texts as string[]) parsed.texts.push(t);
  const entries = parsed.entries;
  let count = 1;
  for (let pos = 0; pos < last; count++) {
    const end = body.indexOf(NL, pos);
    const a = body.indexOf(TAB, pos);
    const b = a === -1 ? -1 : body.indexOf(TAB, a + 1);
    const c = b === -1 ? -1 : body.indexOf(TAB, b + 1);
    if (end === -1 || a <= pos || c === -1 || c > end) throw new Unusable("a line is malformed");
    const rel = body.toString("utf8", pos, a);
    if (c === b + 1) entries.delete(rel);
    else entries.set(rel, { stamp: body.toString("latin1", a + 1, b), hash: body.toString("latin1", b + 1, c), json: body.subarray(c + 1, end) });
    pos = end + 1;
  }
  return count;
}

/** A stamp's modification time (see statStamp in read-file.ts: `size:mtimeMs:ino`). */
function mtimeOf(stamp: string): number {
  return Number(stamp.split(":")[1]);
}

/** `stamp` if its file was modified at least RACY_MS before `time` (ms), else "" (see RACY_MS). */
function trustedAt(stamp: string, time: number): string {
  return stamp !== "" && mtimeOf(stamp) < time - RACY_MS ? stamp : "";
}

/** Opens a file of the cache for reading, never through a symbolic link. */
const openNoFollow = (file: string): number => fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));

/** The file of edition ids kept beside the cache file. */
export const editionIdsFile = (cacheFile: string): string => path.join(path.dirname(cacheFile), "edition-ids");

const EDITION_IDS_FORMAT = "sidelines-edition-ids";

/** The ids of a forum file's editions in order (null for an edition without a string id), and the file's stamp when they were read. */
export interface ForumEditionIds {
  stamp: string;
  ids: Array<string | null>;
}

/**
 * The edition ids kept beside the cache, under the inputs hash they were made under. A forum whose
 * stamp is not the one kept is to be read as before. Returns undefined when there is no such file or it
 * was made under other inputs, and a notice as well when it is unreadable (the run then reads the
 * cache, as it would without it).
 */
export function readEditionIds(cacheFile: string, inputs: string): { forums?: Map<string, ForumEditionIds>; notice?: string } {
  const file = editionIdsFile(cacheFile);
  let text: string;
  try {
    const fd = openNoFollow(file);
    try {
      text = fs.readFileSync(fd, "utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? {} : { notice: `note: ignored ${path.basename(path.dirname(file))}/${path.basename(file)}, it could not be read (${code ?? String(error)}); read the validation cache instead` };
  }
  try {
    const data = JSON.parse(text) as { format?: unknown; version?: unknown; inputs?: unknown; forums?: unknown };
    if (data.format !== EDITION_IDS_FORMAT || data.version !== CACHE_FORMAT_VERSION || typeof data.forums !== "object" || data.forums === null) throw new Error("not an edition id file of this version");
    if (data.inputs !== inputs) return {};
    const forums = new Map<string, ForumEditionIds>();
    for (const [rel, entry] of Object.entries(data.forums as Record<string, unknown>)) {
      const [stamp, ids] = entry as [unknown, unknown];
      if (typeof stamp !== "string" || stamp === "" || !Array.isArray(ids) || !ids.every((id) => id === null || typeof id === "string")) throw new Error("an entry is malformed");
      forums.set(rel, { stamp, ids: ids as Array<string | null> });
    }
    return { forums };
  } catch {
    return { notice: `note: ignored ${path.basename(path.dirname(file))}/${path.basename(file)}, it is not readable; read the validation cache instead` };
  }
}

/** Decodes an entry's verdict once (its diagnostics given the entry's path); false when it cannot be decoded. */
function decoded(rel: string, entry: Entry, table: StringTable): boolean {
  if (entry.verdict) return true;
  const tab = entry.json!.indexOf(TAB);
  if (tab === -1) return false;
  try {
    const [rows, view, schemaOk, mayHaveEscapes] = JSON.parse(entry.json!.toString("utf8", 0, tab)) as [unknown[], Verdict["view"], boolean, boolean];
    if (!Array.isArray(rows)) return false;
    const diagnostics = rows.map((row) => table.decode(row, rel));
    entry.verdict = { diagnostics, view, schemaOk, mayHaveEscapes };
    return true;
  } catch {
    return false;
  }
}

/** One run's view of the cache: the verdicts read at the start, and those to write at the end. */
export class ValidationCache {
  /** A one-line notice for the user (an unusable cache, a cache that could not be written); at most one per run. */
  notice: string | undefined;
  private readonly next = new Map<string, Entry>();
  /** Where the verdicts put in this run are encoded. */
  private readonly arena = new Arena();
  /** When save() ran: stamps of files modified within RACY_MS before it are not kept. */
  private savedAt = 0;

  private constructor(
    readonly file: string,
    private readonly inputs: string,
    private readonly previous: Map<string, Entry>,
    /** The texts of the diagnostics read, and those added in this run. */
    private readonly table: StringTable,
    /** What was read, when new parts may be appended to it: its inode, and the parts' sizes. */
    private readonly appendTo: { ino: number; size: number; parts: number; base: number; appended: number } | undefined,
  ) {}

  /** Whether the cache holds any verdict. */
  get size(): number {
    return this.previous.size;
  }

  /** Reads the cache file (none yet is an empty cache); never throws. */
  static open(file: string, inputs: string): ValidationCache {
    let text: Buffer | undefined;
    let ino = 0;
    let problem: string | undefined;
    try {
      const fd = openNoFollow(file);
      try {
        ino = fs.fstatSync(fd).ino;
        // The header first: a cache made under other inputs is not read further.
        const head = Buffer.alloc(4096);
        const n = fs.readSync(fd, head, 0, head.length, 0);
        const nl = head.subarray(0, n).indexOf(NL);
        text = nl !== -1 && !head.toString("utf8", 0, nl).includes(JSON.stringify(inputs)) ? head.subarray(0, nl + 1) : fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") problem = `it could not be read (${code ?? String(error)})`;
    }
    let parsed: Parsed | undefined;
    if (text !== undefined) {
      try {
        parsed = parseCache(text, inputs);
      } catch (error) {
        problem = error instanceof Unusable ? error.message : `it could not be read (${String(error)})`;
      }
    }
    const cache = new ValidationCache(file, inputs, parsed?.entries ?? new Map(), new StringTable(parsed?.texts), parsed ? { ino, size: text!.length, parts: parsed.parts, base: parsed.base, appended: parsed.appended } : undefined);
    if (problem) cache.notice = `note: ignored the validation cache ${path.basename(path.dirname(file))}/${path.basename(file)}, ${problem}; every file is checked afresh, and a full validation writes it anew (turn it off with --no-cache or ${NO_CACHE_VARIABLE}=1)`;
    return cache;
  }

  /** The hash a file's bytes had when its verdict was cached. */
  hashOf(rel: string): string | undefined {
    return this.previous.get(rel)?.hash;
  }

  /** The stamp a file had when its verdict was cached ("" or undefined when there is none). */
  stampOf(rel: string): string | undefined {
    return this.previous.get(rel)?.stamp;
  }

  /**
   * The cached verdict of a file whose bytes hash to `hash` (or, with `hash` undefined, whose stamp is
   * `stamp`, the one cached), kept for the next run with the stamp given; undefined when there is none
   * (or it cannot be decoded, which the checksum makes all but impossible).
   */
  take(rel: string, hash: string | undefined, stamp: string): Verdict | undefined {
    return this.takeEntry(rel, this.previous.get(rel), hash, stamp);
  }

  /**
   * The cached entries of files, in order, found once each: a run of 100,000 files looks each up here
   * and hands the entry to the calls below, where every lookup in a map of that size costs a cache miss
   * or two.
   */
  entriesOf(rels: readonly string[]): Array<CachedEntry | undefined> {
    return rels.map((rel) => this.previous.get(rel));
  }

  /**
   * Decodes the cached verdict of a file (its entry found by entriesOf) ahead of takeEntry(), which then
   * finds it decoded: a large run decodes verdicts while a worker thread takes the files' stamps.
   */
  decodeEntry(rel: string, entry: CachedEntry | undefined): void {
    if (entry) decoded(rel, entry as Entry, this.table);
  }

  /** take() for an entry found by entriesOf (`entry`: the file's cached entry, or undefined). */
  takeEntry(rel: string, found: CachedEntry | undefined, hash: string | undefined, stamp: string): Verdict | undefined {
    const entry = found as Entry | undefined;
    if (!entry || (hash === undefined ? stamp === "" || entry.stamp !== stamp : entry.hash !== hash) || !decoded(rel, entry, this.table)) return undefined;
    this.next.set(rel, entry.stamp === stamp ? entry : { ...entry, stamp });
    return entry.verdict;
  }

  /**
   * Records a file's new verdict (`stamp`: the file's stamp when its bytes were read), with the lines its
   * code frames show when known. Its line is encoded at once: a large run puts verdicts while the
   * worker threads check files, when this thread has little else to do, and the lines of a chunk of
   * files lie side by side, so that save() writes them as they are, without copying them.
   * Paths holding a tab or a line break are never cached.
   */
  put(rel: string, hash: string, stamp: string, verdict: Verdict, frames?: FrameLines): void {
    if (/[\t\n\r]/.test(rel)) return;
    // The frames are kept only in the encoded line, and decoded from it if a report asks (framesOf):
    // a cold run of a large dataset would otherwise hold them twice until the report.
    this.next.set(rel, { stamp, hash, json: undefined, verdict, line: this.arena.encode(`${rel}\t${trustedAt(stamp, Date.now())}\t${hash}\t${entryJson(verdict, frames, this.table)}\n`) });
  }

  /**
   * The lines kept for code frames of a file: cached with its verdict, or given with the verdict put in
   * this run. Decoded anew at each call and not kept (a report asks once per file), so that they die young.
   */
  framesOf(rel: string): FrameLines | undefined {
    const entry = this.next.get(rel);
    if (!entry) return undefined;
    if (entry.frames !== undefined) return entry.frames ?? undefined;
    // The frames' JSON ends a read entry's `json` and an encoded line (before its line feed), after
    // their last tab. Not decodable (which the checksum makes all but impossible): the report reads
    // the file instead.
    const bytes = entry.json ?? entry.line?.subarray(0, -1);
    try {
      return bytes === undefined ? undefined : ((JSON.parse(bytes.toString("utf8", bytes.lastIndexOf(TAB) + 1)) as FrameLines | null) ?? undefined);
    } catch {
      return undefined;
    }
  }

  /**
   * Writes the cache for the files that exist now (`present`, in order), dropping the rest, when it
   * differs from the one read: as a part appended with the entries that changed, or whole when there is
   * none yet or parts piled up. `frames`: lines of files that code frames read in this run, kept with
   * their verdicts. Never throws: a failure becomes the notice.
   */
  save(present: readonly string[], frames?: ReadonlyMap<string, FrameLines>): void {
    this.savedAt = Date.now();
    const kept = (stamp: string): string => this.trusted(stamp);
    const line = (out: ByteChunks, rel: string, e: Entry): void => {
      if (e.line) return out.adopt(e.line);
      const head = `${rel}\t${kept(e.stamp)}\t${e.hash}\t`;
      if (e.json) {
        out.text(head);
        out.bytes(e.json);
        out.text("\n");
      } else out.text(`${head}${entryJson(e.verdict!, e.frames, this.table)}\n`);
    };
    const changed = new ByteChunks();
    let changedCount = 0;
    let stillCached = 0;
    for (const rel of present) {
      // A file this run did not check keeps its cached verdict.
      const old = this.previous.get(rel);
      let e = this.next.get(rel) ?? old;
      if (!e) continue;
      if (old) stillCached++;
      const f = frames?.get(rel);
      // A verdict taken as it was cached, and no new frames for it: nothing to write.
      if (e === old && !f) continue;
      if (f && e.verdict) e = { ...e, json: undefined, frames: f, line: undefined };
      // A verdict taken from the cache under a new stamp that is racy too is the entry as it was.
      else if (old && e.json === old.json && kept(e.stamp) === old.stamp) e = old;
      this.next.set(rel, e);
      if (e !== old) {
        line(changed, rel, e);
        changedCount++;
      }
    }
    // Verdicts of files that no longer exist are dropped (looked for only when some are missing).
    if (stillCached < this.previous.size) {
      const still = new Set(present);
      for (const rel of this.previous.keys()) {
        if (still.has(rel)) continue;
        changed.text(`${rel}\t\t\t\n`);
        changedCount++;
      }
    }
    if (changedCount === 0) return;
    changed.text(this.table.line(false));
    /** A part: its heading line, then its lines' bytes (in pieces, never copied into one buffer). */
    const part = (body: ByteChunks, count: number): Buffer[] => {
      const pieces = body.finish();
      return [Buffer.from(`#${body.length} ${body.crc} ${count + 1}\n`), ...pieces];
    };
    const at = this.appendTo;
    try {
      const appended = part(changed, changedCount);
      const appendedBytes = changed.length + appended[0]!.length;
      if (at && at.parts < MAX_PARTS && at.appended + appendedBytes <= at.base / 2 && this.append(Buffer.concat(appended), at.ino, at.size)) return this.table.markWritten();
      const whole = new ByteChunks();
      let count = 0;
      for (const rel of present) {
        const e = this.next.get(rel) ?? this.previous.get(rel);
        if (!e) continue;
        line(whole, rel, e);
        count++;
      }
      whole.text(this.table.line(true));
      replaceWhole(this.file, [`${JSON.stringify({ format: FORMAT, version: CACHE_FORMAT_VERSION, inputs: this.inputs })}\n`, ...part(whole, count)]);
      this.table.markWritten();
    } catch (error) {
      this.notice ??= `note: could not write the validation cache (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next run checks every file again`;
    }
  }

  /** The stamp save() kept for a file ("" when none: no verdict, or modified too recently to trust it). */
  keptStamp(rel: string): string {
    return this.savedAt > 0 ? this.trusted((this.next.get(rel) ?? this.previous.get(rel))?.stamp ?? "") : "";
  }

  /** `stamp` if its file was modified at least RACY_MS before save() ran, else "" (see RACY_MS). */
  private trusted(stamp: string): string {
    return trustedAt(stamp, this.savedAt);
  }

  /**
   * Writes the edition ids beside the cache (see readEditionIds), after save(): each forum's with the
   * stamp save() kept for it; a forum without one is left out, to be read by the run that needs it.
   * Written whole to a temporary file renamed into place. Never throws: a failure becomes the notice.
   */
  saveEditionIds(forums: Iterable<readonly [rel: string, ids: Array<string | null>]>): void {
    const kept: Record<string, [string, Array<string | null>]> = {};
    for (const [rel, ids] of forums) {
      const stamp = this.keptStamp(rel);
      if (stamp !== "") kept[rel] = [stamp, ids];
    }
    try {
      replaceWhole(editionIdsFile(this.file), [`${JSON.stringify({ format: EDITION_IDS_FORMAT, version: CACHE_FORMAT_VERSION, inputs: this.inputs, forums: kept })}\n`]);
    } catch (error) {
      this.notice ??= `note: could not write the validation cache's edition ids (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next run of a few files reads the whole cache`;
    }
  }

  /**
   * Appends a part, in one write, to the cache file read, if it is still that file as it was read (no
   * other run has appended to it since); false when it is not.
   */
  private append(part: Buffer, ino: number, size: number): boolean {
    const fd = fs.openSync(this.file, fs.constants.O_WRONLY | fs.constants.O_APPEND | (fs.constants.O_NOFOLLOW ?? 0));
    try {
      const st = fs.fstatSync(fd);
      if (st.ino !== ino || st.size !== size) return false;
      return fs.writeSync(fd, part) === part.length;
    } finally {
      fs.closeSync(fd);
    }
  }
}

/**
 * Writes `chunks` to a temporary file beside `target` (named so that removeDeadTemps finds it if this
 * process dies) and renames it into place: readers see the old file or the new one, never a part.
 * Throws on failure, after removing the temporary file.
 */
function replaceWhole(target: string, chunks: ReadonlyArray<string | Buffer>): void {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  removeDeadTemps(dir);
  const temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  try {
    const fd = fs.openSync(temp, "wx");
    try {
      for (const chunk of chunks) fs.writeFileSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
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
