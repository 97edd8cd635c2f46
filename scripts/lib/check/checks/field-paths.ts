import type { Check } from "../types.ts";
import { asArray, asObject } from "../helpers.ts";

function exists(data: unknown, path: string): boolean {
  let node: unknown = data;
  for (const seg of path.split("/")) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) node = node[Number(seg)];
    else if (node && typeof node === "object" && Object.hasOwn(node, seg)) node = (node as Record<string, unknown>)[seg];
    else return false;
  }
  return node !== undefined;
}

/**
 * PATH001 (warning): the field paths in `notes` and `unverified` name fields the record has, so that
 * notes and doubts are not silently detached from what they qualify. A claim may concern a field the
 * editors left empty because the sources disagree, so a claim's path need only start with a field the
 * schema defines.
 */
export const fieldPathsExist: Check = {
  code: "PATH001",
  severity: "warning",
  scope: "record",
  description: "Field paths in `notes` and `unverified` name fields that exist in the record; a claim's path starts with a field the schema defines.",
  run(ctx) {
    for (const r of ctx.records) {
      const check = (pointer: string, path: unknown): void => {
        if (typeof path === "string" && !exists(r.data, path)) ctx.report(r, pointer, `the record has no field \`${path}\``, { tip: "write the path as keys and list indexes joined by `/`, e.g. positions/0/end" });
      };
      asArray(r.data.claims).forEach((c, i) => {
        const field = asObject(c).field;
        if (typeof field === "string" && !exists(r.data, field) && !ctx.fields[r.type].includes(field.split("/")[0]!)) {
          ctx.report(r, `/claims/${i}/field`, `\`${field.split("/")[0]}\` is not a field of ${/^[aeiou]/.test(r.type) ? "an" : "a"} ${r.type}`, { tip: `fields: ${ctx.fields[r.type].join(", ")}` });
        }
      });
      asArray(r.data.notes).forEach((n, i) => check(`/notes/${i}/field`, asObject(n).field));
      asArray(r.data.unverified).forEach((p, i) => check(`/unverified/${i}`, p));
    }
  },
};
