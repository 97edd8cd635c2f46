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
 * PATH001 (warning): the field paths in `claims`, `notes` and `unverified` name fields the record has,
 * so that disputed or unverified values are not silently detached from what they qualify.
 */
export const fieldPathsExist: Check = {
  code: "PATH001",
  severity: "warning",
  description: "Field paths in `claims`, `notes` and `unverified` name fields that exist in the record.",
  run(ctx) {
    for (const r of ctx.records) {
      const check = (pointer: string, path: unknown): void => {
        if (typeof path === "string" && !exists(r.data, path)) ctx.report(r, pointer, `the record has no field \`${path}\``, { tip: "write the path as keys and list indexes joined by `/`, e.g. positions/0/end" });
      };
      asArray(r.data.claims).forEach((c, i) => check(`/claims/${i}/field`, asObject(c).field));
      asArray(r.data.notes).forEach((n, i) => check(`/notes/${i}/field`, asObject(n).field));
      asArray(r.data.unverified).forEach((p, i) => check(`/unverified/${i}`, p));
    }
  },
};
