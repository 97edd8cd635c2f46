import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from "yaml";
import type { JsonSchema } from "../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import { keyOrderFor } from "./key-order.ts";

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
 * Comments stay attached to the keys they precede. Returns undefined for text that does not parse
 * cleanly (the validator reports why; formatting must never change what a file means).
 */
export function formatRecord(text: string, type: RecordType, schemas: Map<string, JsonSchema>): string | undefined {
  // The editor line is rewritten rather than kept, so a wrong or missing one is fixed too.
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").replace(/^(#\s*yaml-language-server:[^\n]*\n)+/, "");
  const doc = parseDocument(body, RECORD_PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents)) return undefined;
  const order = keyOrderFor(RECORD_TYPES[type].schema, schemas);
  const visit = (node: Node | null | undefined, path: string[]): void => {
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
        visit(pair.value as Node, [...path, String(isScalar(pair.key) ? pair.key.value : "")]);
      }
      node.flow = false;
    } else if (isSeq(node)) {
      // Short lists of plain words may stay on one line; everything else is a block list.
      const inline = node.items.every((i) => isScalar(i) && typeof i.value === "string" && !/[\s,:#'"[\]{}]/.test(i.value)) && node.items.length > 0 && node.items.length <= 4;
      node.flow = inline && path[path.length - 1] !== "sources";
      node.items.forEach((item) => visit(item as Node, [...path, "*"]));
    } else if (isScalar(node)) {
      // Forget how the source quoted it; the stringifier picks the plainest safe style.
      delete node.type;
    }
  };
  visit(doc.contents, []);
  const out = doc.toString(CANONICAL_STYLE);
  return `${editorLine(type)}\n${out.replace(/^\n+/, "").replace(/\n*$/, "\n")}`;
}
