import type { Check } from "../types.ts";
import { forEachValueOf } from "../helpers.ts";

/** SRC002: beyond the schema's pattern, a URL parses and names a real-looking host. */
export const sourceUrls: Check = {
  code: "SRC002",
  severity: "error",
  scope: "record",
  description: "Every URL parses as an `http:` or `https:` address with a host name that has a dot.",
  run(ctx) {
    for (const r of ctx.records) {
      forEachValueOf(ctx, r, "urls", (value, pointer) => {
        if (typeof value !== "string") return;
        let url: URL | undefined;
        try {
          url = new URL(value);
        } catch {
          url = undefined;
        }
        if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) ctx.report(r, pointer(), `\`${value}\` is not a valid http(s) URL`);
        else if (!url.hostname.includes(".") || url.username || url.password) ctx.report(r, pointer(), `\`${value}\` has no proper host name`);
      });
    }
  },
};
