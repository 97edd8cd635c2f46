import type { Check } from "../types.ts";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** ID002: file names follow the id pattern even where the `id` field is right, so URLs and links stay clean. */
export const fileNameIsId: Check = {
  code: "ID002",
  severity: "error",
  description: "The file name is a valid id: lowercase letters and digits joined by single hyphens.",
  run(ctx) {
    for (const r of ctx.records) {
      if (!ID.test(r.fileId)) ctx.report(r, "", `file name \`${r.fileId}.yaml\` is not a valid id: use lowercase letters and digits joined by single hyphens`);
    }
  },
};
