import type { Check } from "../types.ts";
import { isValidId } from "../../schemas.ts";

/** ID002: file names follow the schema's id rule even where the `id` field is right, so URLs and links stay clean. */
export const fileNameIsId: Check = {
  code: "ID002",
  severity: "error",
  scope: "record",
  description: "The file name is a valid id (the schema's `id` rule: lowercase letters and digits in words joined by single hyphens).",
  run(ctx) {
    for (const r of ctx.records) {
      if (!isValidId(r.fileId, ctx.schemas)) ctx.report(r, "", `file name \`${r.fileId}.yaml\` is not a valid id: use lowercase letters and digits joined by single hyphens`);
    }
  },
};
