/**
 * Reading, parsing and schema-checking one record file: the per-file stage, which runs in the main
 * thread or in a worker thread alike.
 */
import type { RecordFile } from "./discover.ts";
import { readRecordFile, type ReadResult } from "./read-file.ts";
import { parseRecordYaml, type ParseResult } from "./parse-yaml.ts";
import { fastParse, fastPathAdmits } from "./fast-parse.ts";
import { lineLocator, type LineLocate } from "./line-locate.ts";
import { schemaDiagnostics, type Locate } from "../check/schema-check.ts";
import type { LoadedRecord } from "../check/types.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { SchemaSet } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "../record-types.ts";
import { SCHEMA_CODES } from "../codes.ts";
import { pruneInvalid } from "../check/prune-invalid.ts";
import { append } from "../collections.ts";
import { withArticle } from "../words.ts";
import { ANY_IGNORABLE } from "./forbidden-chars.ts";

export type Reader = (rf: RecordFile) => ReadResult;
export const readFromDisk: Reader = (rf) => readRecordFile(rf.file, rf.abs);

/**
 * Positions for a file read by the fast parser, worked out the first time one is asked for: by walking
 * the lines of plain block YAML (line-locate.ts), else (for the text, or for a pointer whose way the walk
 * does not model) by parsing positionally. `admitted`: the fast path's screen has already admitted the text.
 */
function locateLazily(file: string, text: string, admitted = false): Locate {
  let light: LineLocate | undefined;
  let lightTried = false;
  let full: Locate | undefined;
  const positional = (): Locate => {
    if (!full) {
      const parsed = parseRecordYaml(file, text);
      full = parsed.ok ? parsed.parsed.locate : () => ({ line: 1, col: 1 });
    }
    return full;
  };
  return (pointer, options) => {
    if (!lightTried) {
      lightTried = true;
      // Only text the fast path admits: the walk would misread what the screen keeps out (such as quoted text over several lines).
      light = admitted || fastPathAdmits(text) ? lineLocator(text) : undefined;
    }
    return light?.(pointer, options) ?? positional()(pointer, options);
  };
}

/**
 * Positions for a record read by the fast parser or in another thread: the file is read and parsed
 * positionally only if a diagnostic needs a position. Holding no text keeps a large run's heap small.
 */
export function locateReading(rf: RecordFile, reader: Reader): Locate {
  let locate: Locate | undefined;
  return (pointer, options) => {
    if (!locate) {
      const read = reader(rf);
      locate = read.ok ? locateLazily(rf.file, read.text) : () => ({ line: 1, col: 1 });
    }
    return locate(pointer, options);
  };
}

export type Loaded = { ok: true; record: LoadedRecord } | { ok: false };

/**
 * Parses a record file's text: the fast path when it applies, else the positional parser. Positions
 * for fast-parsed text come from the same text, parsed positionally only if a diagnostic needs one.
 */
export function parseRecordText(file: string, text: string): ParseResult {
  const fast = fastParse(text);
  return fast ? { ok: true, parsed: { data: fast, locate: locateLazily(file, text, true) } } : parseRecordYaml(file, text);
}

/** Reads, parses and schema-checks one record file. Never throws: every failure becomes a diagnostic. */
export function loadRecord(rf: RecordFile, set: SchemaSet, out: Diagnostic[], reader: Reader = readFromDisk): Loaded {
  const read = reader(rf);
  if (!read.ok) {
    out.push(read.diagnostic);
    return { ok: false };
  }
  if (read.lineEndings) out.push(read.lineEndings);
  const parsed = parseRecordText(rf.file, read.text);
  if (!parsed.ok) {
    append(out, parsed.diagnostics);
    return { ok: false };
  }
  const { data, locate } = parsed.parsed;
  let schemaOk = set.validators[rf.type](data);
  if (!schemaOk) {
    // A record of another type in the wrong folder gets one plain diagnostic, not its schema errors.
    const other = RECORD_TYPE_NAMES.find((t) => t !== rf.type && set.validators[t](data));
    if (other) {
      out.push({ file: rf.file, line: 1, col: 1, severity: SCHEMA_CODES.ID004.severity, code: "ID004", message: `this is ${withArticle(other)} record in the ${rf.type} folder`, tip: `move it to data/${RECORD_TYPES[other].folder}/` });
    } else {
      const problems = schemaDiagnostics(rf.file, data, set.validators[rf.type], locate, set.schemas, RECORD_TYPES[rf.type].schema);
      append(out, problems);
      schemaOk = problems.length === 0;
    }
  }
  const mayHaveEscapes = read.text.includes("\\");
  return { ok: true, record: { file: rf.file, type: rf.type, fileId: rf.id, data, locate, schemaOk, mayHaveEscapes, mayHaveInvisible: mayHaveEscapes || (read.unusual !== false && ANY_IGNORABLE.test(read.text)) } };
}

/**
 * What the checks beyond the schema see of a loaded record: the record itself when it passed its
 * schema; else its well-formed part, with pointers mapped back; undefined when nothing is usable or
 * the record is of another type (ID004).
 */
export function checkableRecord(record: LoadedRecord, set: SchemaSet): LoadedRecord | undefined {
  if (record.schemaOk) return record;
  const validate = set.validators[record.type];
  if (RECORD_TYPE_NAMES.some((t) => t !== record.type && set.validators[t](record.data))) return undefined;
  const pruned = pruneInvalid(record.data, validate);
  return pruned ? { ...record, data: pruned.data, toOriginal: pruned.toOriginal } : undefined;
}
