import type { Diagnostic, Position, Severity } from "./diagnostics.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES } from "./record-types.ts";

const FOLDERS = RECORD_TYPE_NAMES.map((t) => `\`${RECORD_TYPES[t].folder}\``).join(", ");

/** Problems found while finding, reading and parsing files — before any record exists. */
export const LOADER_CODES = {
  FILE001: { severity: "error", description: "A file in `data/` does not end in `.yaml`." },
  FILE002: { severity: "error", description: `A file is outside the record folders (${FOLDERS}).` },
  FILE003: { severity: "error", description: "A symbolic link in `data/`; links are not followed." },
  FILE004: { severity: "error", description: "A file is larger than the size limit." },
  FILE005: { severity: "error", description: "A file is not valid UTF-8 text or contains control characters." },
  FILE006: { severity: "error", description: "A file could not be read." },
  FILE007: { severity: "error", description: "Two file names differ only in letter case." },
  FILE008: { severity: "error", description: "A line is longer than the line-length limit." },
  FILE009: { severity: "error", description: "Lines end in a lone carriage return (CR); the rest of the file is still read and checked, with CR read as a line end." },
  FILE010: { severity: "error", description: "A file or folder name holds a line break, a control or invisible character, a character Windows refuses, or bytes that are not UTF-8; it is not read." },
  YAML001: { severity: "error", description: "The file is not valid YAML." },
  YAML002: { severity: "error", description: "A mapping has the same key twice." },
  YAML003: { severity: "error", description: "The file holds more than one YAML document." },
  YAML004: { severity: "error", description: "The top level of the file is not a mapping of keys to values." },
  YAML005: { severity: "error", description: "The file is empty or holds only comments." },
  YAML006: { severity: "error", description: "A YAML tag such as `!!js/function` or `!custom`; records use plain values only." },
  YAML007: { severity: "error", description: "An anchor, alias or merge key; records spell every value out." },
  YAML008: { severity: "error", description: "Values are nested deeper than the nesting limit." },
  YAML009: { severity: "error", description: "A tab character is used for indentation." },
  YAML010: { severity: "error", description: "A text escape writes a UTF-16 surrogate (`\\ud800`), alone or as half of a pair; text is well-formed Unicode, one character per escape." },
} as const satisfies Record<string, { severity: Severity; description: string }>;

/** Schema violations, one code per kind of rule so that reports can be filtered by them. */
export const SCHEMA_CODES = {
  SCH001: { severity: "error", description: "A required field is missing." },
  SCH002: { severity: "error", description: "A field is not allowed here (unknown or misspelt key, or not allowed for this kind of record)." },
  SCH003: { severity: "error", description: "A value has the wrong type (for example a number where text is expected)." },
  SCH004: { severity: "error", description: "A value is not one of the allowed values." },
  SCH005: { severity: "error", description: "A value does not have the required form (id, date, country code, URL…)." },
  SCH006: { severity: "error", description: "A value is too short, too long, or a list has too few, too many or repeated items." },
  SCH007: { severity: "error", description: "A rule that ties fields together is broken (for example a declined meeting must say who declined)." },
  SRC001: { severity: "error", description: "A record cites no source." },
  ID004: { severity: "error", description: "A record sits in the folder of another type (it fails its folder's schema but passes another's)." },
} as const satisfies Record<string, { severity: Severity; description: string }>;

/** Problems of the publishers registry itself (`data/publishers.yaml`) beyond its schema, reported in every run. */
export const REGISTRY_CODES = {
  PUB006: { severity: "warning", description: "A host of `data/publishers.yaml` is out of alphabetical order (by code point): the registry is kept sorted so that a host is easy to find and to add." },
} as const satisfies Record<string, { severity: Severity; description: string }>;

export type LoaderCode = keyof typeof LOADER_CODES;
export type SchemaCode = keyof typeof SCHEMA_CODES;

/** A diagnostic from the loader, at a position in the file (its start when none is known). */
export function loaderDiagnostic(file: string, code: LoaderCode, message: string, pos: Position = { line: 1, col: 1 }, tip?: string): Diagnostic {
  return { file, line: pos.line, col: pos.col, severity: LOADER_CODES[code].severity, code, message, ...(tip ? { tip } : {}) };
}
