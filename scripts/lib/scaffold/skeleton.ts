import { followRefs, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPES, type RecordType } from "../record-types.ts";
import { editorLine } from "../format/format-record.ts";

/** Follows `$ref`s (local and shared) to the schema that defines a value. */
function deref(schema: JsonSchema, file: string, schemas: Map<string, JsonSchema>): { s: JsonSchema; file: string } {
  if (typeof schema.$ref !== "string") return { s: schema, file };
  const found = followRefs(schema, file, schemas);
  // Keep the referring schema's own description, which is more specific than the definition's.
  return { s: { ...(found.unresolved ? {} : found.schema), ...(schema.description ? { description: schema.description } : {}) }, file: found.file };
}

function hint(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return `one of: ${s.enum.join(", ")}`;
  const first = typeof s.description === "string" ? (/^(.*?[.!?])(\s|$)/s.exec(s.description)?.[1] ?? s.description) : "";
  return first.replace(/\s+/g, " ");
}

/**
 * Lines for the required fields of an object schema, with an empty placeholder and a comment saying
 * what goes there. Lists that must not be empty get one item with that item's required fields.
 */
function requiredLines(schema: JsonSchema, file: string, schemas: Map<string, JsonSchema>, indent: string, values: Record<string, string>, extra: string[] = []): string[] {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const keys = [...new Set([...((schema.required ?? []) as string[]), ...extra])].filter((k) => props[k]);
  const out: string[] = [];
  keys.forEach((key, i) => {
    const { s, file: f } = deref(props[key]!, file, schemas);
    const lead = i === 0 && indent.endsWith("- ") ? indent : indent.replace(/- $/, "  ");
    if (key in values) out.push(`${lead}${key}: ${values[key]}`);
    else if (s.type === "array") {
      const item = deref((s.items ?? {}) as JsonSchema, f, schemas);
      const itemIndent = `${lead.replace(/- $/, "  ")}  - `;
      if (item.s.type === "object") out.push(`${lead}${key}:  # ${hint(s)}`, ...requiredLines(item.s, item.file, schemas, itemIndent, {}, key === "sources" ? ["url", "title", "published"] : []));
      else out.push(`${lead}${key}:  # ${hint(s)}`, `${itemIndent}''`);
    } else out.push(`${lead}${key}: ''  # ${hint(s)}`);
  });
  return out;
}

/** A new record's text: the editor line, the id, and every required field left to fill in. */
export function skeleton(type: RecordType, id: string, schemas: Map<string, JsonSchema>): string {
  const file = RECORD_TYPES[type].schema;
  const root = schemas.get(file)!;
  return [editorLine(type), ...requiredLines(root, file, schemas, "", { id })].join("\n") + "\n";
}
