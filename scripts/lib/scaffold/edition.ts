/**
 * Adding an edition to a forum file (`npm run new -- edition <forum-id> <edition-id>`): the edition's
 * required fields, left as `''` to fill in, inserted among the editions in chronological order. The
 * file is edited through yaml's Document API, so its comments, its key order and the style of
 * everything else stay as they were.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPES } from "../record-types.ts";
import { CANONICAL_STYLE, RECORD_PARSE_OPTIONS } from "../format/format-record.ts";
import { keyOrderFor } from "../format/key-order.ts";
import { deref, hint } from "./skeleton.ts";

const FORUM_SCHEMA = RECORD_TYPES.forum.schema;
const EDITION_DEF = "#/$defs/edition";

/** The edition definition of the forum schema. */
function editionSchema(schemas: Map<string, JsonSchema>): JsonSchema {
  return deref({ $ref: EDITION_DEF }, FORUM_SCHEMA, schemas).s;
}

/** The year an edition id names by the `<forum-id>-<year>` convention, if it does. */
export const yearOfId = (id: string): number | undefined => {
  const m = /-(\d{4})(?:-[a-z0-9]+)*$/.exec(id);
  return m ? Number(m[1]) : undefined;
};

/** An existing edition's year: from its start date, else from its id. */
function yearOf(edition: unknown): number | undefined {
  if (!isMap(edition)) return undefined;
  const start = edition.get("start");
  const fromStart = typeof start === "string" || typeof start === "number" ? /\d{4}/.exec(String(start))?.[0] : undefined;
  if (fromStart) return Number(fromStart);
  const id = edition.get("id");
  return typeof id === "string" ? yearOfId(id) : undefined;
}

export type EditionResult = { ok: true; text: string; where: string } | { ok: false; message: string };

/**
 * The forum file's text with a new edition: `id`, then the edition's other required fields and
 * `start`, each `''`. It goes before the first edition of a later year (after the last one when its
 * id names no year), and the `editions` list is created, at its place in schema order, if missing.
 */
export function addEdition(text: string, editionId: string, schemas: Map<string, JsonSchema>): EditionResult {
  const doc = parseDocument(text, RECORD_PARSE_OPTIONS) as Document.Parsed;
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { ok: false, message: "the forum file does not parse" };
  const root = doc.contents as YAMLMap;
  const existing: unknown = root.get("editions", true);
  if (existing !== undefined && !isSeq(existing)) return { ok: false, message: "its `editions` is not a list" };
  let editions = existing as YAMLSeq | undefined;
  if (editions && editions.items.some((e) => isMap(e) && e.get("id") === editionId)) return { ok: false, message: `it already has an edition \`${editionId}\`` };

  const schema = editionSchema(schemas);
  const fields = [...new Set([...((schema.required ?? []) as string[]), "start"])].filter((k) => k !== "id");
  const node = doc.createNode({ id: editionId, ...Object.fromEntries(fields.map((k) => [k, ""])) });

  if (!editions) {
    editions = doc.createNode([]) as YAMLSeq;
    const order = keyOrderFor(FORUM_SCHEMA, schemas)([]);
    const rank = (k: unknown): number => {
      const i = order.indexOf(String(isScalar(k) ? k.value : k));
      return i === -1 ? order.length : i;
    };
    const at = root.items.findIndex((pair) => rank(pair.key) > order.indexOf("editions"));
    root.items.splice(at === -1 ? root.items.length : at, 0, doc.createPair("editions", editions));
  }
  const list: unknown[] = editions.items;
  const year = yearOfId(editionId);
  let at = year === undefined ? -1 : list.findIndex((e) => (yearOf(e) ?? -Infinity) > year);
  if (at === -1) at = list.length;
  list.splice(at, 0, node);
  // Editions are mappings, which the canonical form writes as a block list (an `editions: []` was flow).
  editions.flow = false;
  const neighbour = (i: number): string | undefined => {
    const e = list[i];
    return isMap(e) && typeof e.get("id") === "string" ? String(e.get("id")) : undefined;
  };
  const after = neighbour(at - 1);
  const before = neighbour(at + 1);
  const where = after ? `after \`${after}\`` : before ? `before \`${before}\`` : "as its first edition";
  return { ok: true, text: doc.toString(CANONICAL_STYLE), where };
}

/** What goes in each field of an edition, `editions[].field — hint` per line, for the command's output. */
export function editionHelp(schemas: Map<string, JsonSchema>): string[] {
  const schema = editionSchema(schemas);
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([key, sub]) => `editions[].${key} — ${hint(deref(sub, FORUM_SCHEMA, schemas).s)}`);
}
