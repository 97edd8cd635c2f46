import type { Check } from "../types.ts";
import { forEachValueOf } from "../helpers.ts";

// ICU knows every assigned ISO 3166-1 region; for an unassigned code it echoes the code back.
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
/**
 * Codes ICU names that are not assigned ISO 3166-1 alpha-2 country codes: groupings, user-assigned codes
 * and the exceptionally reserved ones (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla,
 * Canary Islands, Tristan da Cunha).
 */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]);

/** ICU also names deprecated codes by their replacement (`UK` → United Kingdom, `SU` → Russia); they are not assigned. */
function isDeprecatedAlias(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`;
  } catch {
    return true;
  }
}

const names = new Map<string, string | undefined>();

/** The English name of an assigned code, or undefined. Answers from a table after the first ask. */
export function countryName(code: string): string | undefined {
  if (!names.has(code)) {
    const name = NOT_COUNTRIES.has(code) || isDeprecatedAlias(code) ? undefined : regionNames.of(code);
    names.set(code, name && name !== code ? name : undefined);
  }
  return names.get(code);
}

/** CTRY001: a country code is assigned in ISO 3166-1 (the schema only checks its form). */
export const countryCodes: Check = {
  code: "CTRY001",
  severity: "error",
  scope: "record",
  description: "Every country code is an assigned ISO 3166-1 alpha-2 code.",
  run(ctx) {
    for (const r of ctx.records) {
      forEachValueOf(ctx, r, "countries", (value, pointer) => {
        if (typeof value === "string" && /^[A-Z]{2}$/.test(value) && !countryName(value)) {
          ctx.report(r, pointer(), `\`${value}\` is not an assigned ISO 3166-1 country code`, value === "UK" ? { tip: "the United Kingdom is GB" } : {});
        }
      });
    }
  },
};
