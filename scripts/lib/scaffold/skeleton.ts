import { followRefs, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import { editorLine } from "../format/format-record.ts";
import { append } from "../collections.ts";

/** Follows `$ref`s (local and shared) to the schema that defines a value, keeping the referring description. */
export function deref(schema: JsonSchema, file: string, schemas: Map<string, JsonSchema>): { s: JsonSchema; file: string } {
  if (typeof schema.$ref !== "string") return { s: schema, file };
  const found = followRefs(schema, file, schemas);
  // Keep the referring schema's own description, which is more specific than the definition's.
  return { s: { ...(found.unresolved ? {} : found.schema), ...(schema.description ? { description: schema.description } : {}) }, file: found.file };
}

/** What goes in a field, in a few words: its allowed values, or the first sentence of its description. */
export function hint(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return `one of: ${s.enum.join(", ")}`;
  const first = typeof s.description === "string" ? (/^(.*?[.!?])(\s|$)/s.exec(s.description)?.[1] ?? s.description) : "";
  return first.replace(/\s+/g, " ");
}

/** One line of a skeleton, and what goes in its field (shown by `npm run new`, never written to the file). */
interface SkeletonLine {
  text: string;
  help?: { field: string; hint: string };
}

/**
 * Lines for the required fields of an object schema, with an empty placeholder. Lists that must not be
 * empty get one item with that item's required fields. The help for each field travels beside the line
 * rather than as a YAML comment, so that no help text ends up in a committed record.
 */
function requiredLines(schema: JsonSchema, file: string, schemas: Map<string, JsonSchema>, indent: string, values: Record<string, string>, path: string, extra: string[] = []): SkeletonLine[] {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const keys = [...new Set([...((schema.required ?? []) as string[]), ...extra])].filter((k) => props[k]);
  const out: SkeletonLine[] = [];
  keys.forEach((key, i) => {
    const { s, file: f } = deref(props[key]!, file, schemas);
    const lead = i === 0 && indent.endsWith("- ") ? indent : indent.replace(/- $/, "  ");
    const field = `${path}${key}`;
    if (key in values) out.push({ text: `${lead}${key}: ${values[key]}` });
    else if (s.type === "array") {
      const item = deref((s.items ?? {}) as JsonSchema, f, schemas);
      const itemIndent = `${lead.replace(/- $/, "  ")}  - `;
      out.push({ text: `${lead}${key}:`, help: { field, hint: hint(s) } });
      if (item.s.type === "object") append(out, requiredLines(item.s, item.file, schemas, itemIndent, {}, `${field}[].`, key === "sources" ? ["url", "title", "published"] : []));
      else out.push({ text: `${itemIndent}''` });
    } else out.push({ text: `${lead}${key}: ''`, help: { field, hint: hint(s) } });
  });
  return out;
}

function lines(type: RecordType, id: string, schemas: Map<string, JsonSchema>): SkeletonLine[] {
  const file = RECORD_TYPES[type].schema;
  return [{ text: editorLine(type) }, ...requiredLines(schemas.get(file)!, file, schemas, "", { id }, "")];
}

/** A new record's text: the editor line, the id, and every required field left to fill in (no comments). */
export function skeleton(type: RecordType, id: string, schemas: Map<string, JsonSchema>): string {
  return lines(type, id, schemas).map((l) => l.text).join("\n") + "\n";
}

/** What goes in each field of the skeleton, one `field — hint` line each, for the command's output. */
export function skeletonHelp(type: RecordType, schemas: Map<string, JsonSchema>): string[] {
  return lines(type, "x", schemas).flatMap((l) => (l.help ? [`${l.help.field} — ${l.help.hint}`] : []));
}
