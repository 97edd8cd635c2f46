/**
 * The validators of the public record schemas, with which the build checks every record it publishes.
 * Like the record validators, they are precompiled by ajv's standalone code generator with
 * `lengthsFromUnits` (`npm run types` writes PUBLIC_VALIDATORS_FILE), so that no run compiles them and
 * no check counts the characters of every string; they are used only while the file's hash matches the
 * public schemas, the ajv options and keywords, and the ajv versions, and compiled at run time otherwise.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { addFormats, generatedModuleText, generatedValidators, RECORD_SCHEMA_REFS, schemasHash, type JsonSchema } from "../schemas.ts";
import { RECORD_TYPE_NAMES, RECORD_TYPES, type RecordType } from "../record-types.ts";

export const PUBLIC_VALIDATORS_FILE = "scripts/lib/publish/public-validators.generated.cjs";

const OPTIONS = { strict: true, allErrors: true, allowUnionTypes: true } as const;
/** The two annotation keywords the public schemas use. */
const KEYWORDS = [
  { keyword: "x-refers-to", schemaType: "array" },
  { keyword: "x-derived", schemaType: "boolean" },
] as const;

/** An ajv for the public schemas, strict, knowing the two annotation keywords they use. */
export function publicAjv(schemas: Map<string, JsonSchema>, options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...OPTIONS, ...(options.source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  for (const k of KEYWORDS) ajv.addKeyword({ ...k });
  for (const s of schemas.values()) ajv.addSchema(s);
  return ajv;
}

const publicHash = (schemas: ReadonlyMap<string, JsonSchema>): string => schemasHash(schemas, { public: true, options: OPTIONS, keywords: KEYWORDS });

/** The text of PUBLIC_VALIDATORS_FILE for these public schemas (CommonJS, as ajv's standalone code is). */
export function publicStandaloneValidators(schemas: Map<string, JsonSchema>): string {
  const banner = `// Generated — do not edit; run \`npm run types\`. The validators of the public record schemas, with which the build checks what it
// publishes: compiled from the public schemas (made from schemas/ by scripts/lib/publish/public-schemas.ts) by ajv's standalone
// code generator, characters counted only where a string's length does not decide a maxLength or minLength (lengthsFromUnits in
// scripts/lib/schemas.ts). When they no longer match \`schemasHash\`, the build compiles them at run time instead, and
// \`npm run types -- --check\` fails until this file is regenerated.`;
  return generatedModuleText(banner, publicAjv(schemas, { source: true }), RECORD_SCHEMA_REFS, publicHash(schemas));
}

export interface PublicValidators {
  validators: Record<RecordType, ValidateFunction>;
  /** Whether they came from PUBLIC_VALIDATORS_FILE rather than compiled now. */
  precompiled: boolean;
  /** ajv's one-line text of a validator's errors. */
  errorsText(errors: ErrorObject[] | null | undefined): string;
}

/** The public validators: precompiled when the generated file matches these schemas, compiled now otherwise. */
export function publicValidators(schemas: Map<string, JsonSchema>): PublicValidators {
  const generated = generatedValidators(PUBLIC_VALIDATORS_FILE, publicHash(schemas));
  if (generated) {
    // An ajv only to word errors (an internal error's message), made when one is needed.
    let words: Ajv2020 | undefined;
    return {
      validators: generated.records,
      precompiled: true,
      errorsText: (errors) => (words ??= new Ajv2020()).errorsText(errors),
    };
  }
  const ajv = publicAjv(schemas);
  return {
    validators: Object.fromEntries(RECORD_TYPE_NAMES.map((t) => [t, ajv.getSchema(RECORD_TYPES[t].schema)!])) as Record<RecordType, ValidateFunction>,
    precompiled: false,
    errorsText: (errors) => ajv.errorsText(errors),
  };
}
