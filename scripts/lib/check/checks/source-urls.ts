import type { Check } from "../types.ts";
import { valuesAt } from "../../schema-paths.ts";

/** SRC002: beyond the schema's pattern, a URL parses and names a real-looking host. */
export const sourceUrls: Check = {
  code: "SRC002",
  severity: "error",
  description: "Every URL parses as an `http:` or `https:` address with a host name that has a dot.",
  run(ctx) {
    for (const r of ctx.records) {
      for (const path of ctx.paths[r.type].urls) {
        for (const { pointer, value } of valuesAt(r.data, path)) {
          if (typeof value !== "string") continue;
          let url: URL | undefined;
          try {
            url = new URL(value);
          } catch {
            url = undefined;
          }
          if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) ctx.report(r, pointer, `\`${value}\` is not a valid http(s) URL`);
          else if (!url.hostname.includes(".") || url.username || url.password) ctx.report(r, pointer, `\`${value}\` has no proper host name`);
        }
      }
    }
  },
};
