import { isDeepStrictEqual } from "node:util";
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from "yaml";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import { keyOrderFor, typesFor } from "./key-order.ts";
import { parseRecordText } from "../load/load-record.ts";

/** How canonical records are written (yaml's toString options); whoever edits a record writes it so too. */
export const CANONICAL_STYLE = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, singleQuote: true, flowCollectionPadding: false, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" } as const;
/** The options records are parsed with: YAML 1.2 core schema, no merge keys, unique keys. */
export const RECORD_PARSE_OPTIONS = { version: "1.2", schema: "core", merge: false, uniqueKeys: true, keepSourceTokens: false } as const;

/** The first line of every record, so editors with the YAML language server validate while typing. */
export const editorLine = (type: RecordType): string => `# yaml-language-server: $schema=../../schemas/${RECORD_TYPES[type].schema}`;

/**
 * The canonical text of a record: the editor-schema line first, keys in schema order, 2-space
 * indentation with list items indented, plain scalars where YAML allows them and single quotes where
 * it does not, block scalars for multi-line text, no line folding, LF line endings, one final newline.
 * Comments stay attached to the keys they precede.
 *
 * The formatter reads a file as the validator does, and never changes a value the validator read: the
 * formatted text is read back by the validator's own parser and must give the same data. The one
 * change it makes on purpose is to a value the validator refuses: a number or true/false where the
 * schema wants text (`born: 1961`) is written as that text, quoted (`born: '1961'`). Returns
 * undefined for text the validator cannot read, or (should the two ever disagree) whose formatted
 * form would read differently; the file is then left as it is.
 */
export function formatRecord(text: string, type: RecordType, schemas: Map<string, JsonSchema>): string | undefined {
  // The editor line is rewritten rather than kept, so a wrong or missing one is fixed too.
  // Line ends as the validator reads them: CRLF and a lone CR are line feeds.
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/^(#\s*yaml-language-server:[^\n]*\n)+/, "");
  const before = parseRecordText("", body);
  if (!before.ok) return undefined;
  // Keys are known to be unique (the validator read them), so yaml's quadratic duplicate scan is not needed.
  const doc = parseDocument(body, { ...RECORD_PARSE_OPTIONS, uniqueKeys: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents)) return undefined;
  const order = keyOrderFor(RECORD_TYPES[type].schema, schemas);
  const types = typesFor(RECORD_TYPES[type].schema, schemas);
  /** Values written as text where the schema wants text, by path: the data the formatted file must read as. */
  const expected = structuredClone(before.parsed.data);
  const asText = (path: readonly (string | number)[], value: string): void => {
    let holder: unknown = expected;
    for (const seg of path.slice(0, -1)) holder = (holder as Record<string | number, unknown>)[seg];
    (holder as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  };
  const visit = (node: Node | null | undefined, path: string[], at: Array<string | number>): void => {
    if (isMap(node)) {
      const wanted = order(path);
      const rank = (k: unknown): number => {
        const i = wanted.indexOf(String(k));
        return i === -1 ? wanted.length : i;
      };
      // Stable sort: known keys in schema order, unknown keys after them in their current order.
      node.items.sort((a, b) => rank(isScalar(a.key) ? a.key.value : a.key) - rank(isScalar(b.key) ? b.key.value : b.key));
      for (const pair of node.items) {
        if (isScalar(pair.key)) pair.key.type = Scalar.PLAIN;
        const key = String(isScalar(pair.key) ? pair.key.value : "");
        visit(pair.value as Node, [...path, key], [...at, key]);
      }
      node.flow = false;
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, "*"], [...at, i]));
      // Short lists of plain words may stay on one line; everything else is a block list. Decided on
      // the items as written (after a bare year became text), so that formatting twice changes nothing.
      const inline = node.items.every((i) => isScalar(i) && typeof i.value === "string" && !/[\s,:#'"[\]{}]/.test(i.value)) && node.items.length > 0 && node.items.length <= 4;
      node.flow = inline && path[path.length - 1] !== "sources";
    } else if (isScalar(node)) {
      // A number or true/false where the schema wants text (a bare year): written as the text it was.
      const wanted = types(path);
      if ((typeof node.value === "number" || typeof node.value === "boolean") && wanted.has("string") && !wanted.has(typeof node.value === "boolean" ? "boolean" : "number") && !wanted.has("integer")) {
        node.value = node.source ?? String(node.value);
        asText(at, node.value as string);
      }
      // Forget how the source quoted it; the stringifier picks the plainest safe style.
      delete node.type;
    }
  };
  visit(doc.contents, [], []);
  const out = `${editorLine(type)}\n${doc.toString(CANONICAL_STYLE).replace(/^\n+/, "").replace(/\n*$/, "\n")}`;
  // Read back as the validator reads it: the same data, or the file is not rewritten.
  const after = parseRecordText("", out);
  return after.ok && isDeepStrictEqual(after.parsed.data, expected) ? out : undefined;
}
