import type { Check } from "../types.ts";

/** ID001: the id is the file name, so a record can be found from its id and vice versa. */
export const idMatchesFile: Check = {
  code: "ID001",
  severity: "error",
  scope: "record",
  description: "The record's `id` equals its file name without `.yaml`.",
  run(ctx) {
    for (const r of ctx.records) {
      if (r.data.id !== r.fileId) {
        ctx.report(r, "/id", `id \`${String(r.data.id)}\` does not match the file name \`${r.fileId}.yaml\``, { tip: `rename the file to ${String(r.data.id)}.yaml or set id: ${r.fileId}` });
      }
    }
  },
};
