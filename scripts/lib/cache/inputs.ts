/**
 * What every cached verdict depends on besides the file itself, as one hash: the schemas, the code that
 * reaches a verdict, the publishers registry, the versions of the libraries that parse and validate,
 * and Node's major version. A cached verdict is used only under the same hash, so changing any of them
 * re-validates every file.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "../paths.ts";
import { PUBLISHERS_FILE } from "../publishers/registry.ts";
import { append } from "../collections.ts";

/** Raised whenever what a cache entry holds or how it is computed changes, so older caches are not read. */
export const CACHE_FORMAT_VERSION = 7;

/** The libraries whose behaviour decides a verdict (parsing, schema validation, formats). */
const LIBRARIES = ["ajv", "ajv-formats", "yaml", "js-yaml"] as const;

/**
 * Folders of `scripts/lib/` whose code validation never runs (`test/cache/validation-cache.test.ts`
 * checks that nothing validation imports lies in them). Everything else under `scripts/lib/`, and the
 * validate command itself, counts as check code: a file added anywhere else is covered by default.
 */
export const NOT_VALIDATION_CODE = ["bench", "diff", "docs", "format", "interop", "package", "publish", "quality", "release", "scaffold", "site"] as const;

/**
 * Files in those folders that the checking threads do run, and so count as check code all the same:
 * the sourcing measure, taken of each record a build keeps while the record is at hand.
 */
export const RUN_BY_VALIDATION = ["quality/measure.ts"] as const;

function listFiles(dir: string, rel = ""): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) append(out, listFiles(dir, child));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

/** The toolkit's files (relative to the repository root) whose code can change a verdict. */
export function validationCodeFiles(root: string = ROOT): string[] {
  const skipped = new Set<string>(NOT_VALIDATION_CODE);
  const alsoRun = new Set<string>(RUN_BY_VALIDATION);
  const lib = listFiles(path.join(root, "scripts", "lib")).filter((f) => !skipped.has(f.split("/")[0]!) || !f.includes("/") || alsoRun.has(f));
  return ["scripts/validate.ts", ...lib.map((f) => `scripts/lib/${f}`)];
}

/** Where the inputs are read from: the schemas, the dataset (for its publishers registry) and the toolkit. */
export interface InputsLocation {
  schemasDir: string;
  dataDir: string;
  /** The repository whose `scripts/` holds the code (default: this toolkit's). */
  codeRoot?: string;
}

/** The hash of everything a cached verdict depends on besides the file's own bytes and path. */
export function validationInputs(where: InputsLocation): string {
  const hash = createHash("sha256");
  const require = createRequire(import.meta.url);
  const versions = Object.fromEntries(LIBRARIES.map((lib) => [lib, (require(`${lib}/package.json`) as { version: string }).version]));
  hash.update(JSON.stringify({ format: CACHE_FORMAT_VERSION, node: process.versions.node.split(".")[0], versions }));
  const add = (label: string, file: string): void => {
    let bytes: Buffer | string;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = "(unreadable)";
    }
    hash.update(`\0${label}\0${bytes.length}\0`);
    hash.update(bytes);
  };
  for (const f of listFiles(where.schemasDir)) add(`schemas/${f}`, path.join(where.schemasDir, f));
  const codeRoot = where.codeRoot ?? ROOT;
  for (const f of validationCodeFiles(codeRoot)) add(f, path.join(codeRoot, f));
  add(`data/${PUBLISHERS_FILE}`, path.join(where.dataDir, PUBLISHERS_FILE));
  return hash.digest("base64");
}
