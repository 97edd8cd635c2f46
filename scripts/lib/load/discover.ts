import fg from "fast-glob";
import fs from "node:fs";
import path from "node:path";
import { TYPE_BY_FOLDER, type RecordType } from "../record-types.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { loaderDiagnostic, type LoaderCode } from "../codes.ts";
import { LIMITS } from "./limits.ts";
import { UsageError } from "./changed.ts";
import { PUBLISHERS_FILE } from "../publishers/registry.ts";

/** A file that looks like a record: `data/<type folder>/<id>.yaml`. */
export interface RecordFile {
  /** Path relative to the repository root, forward slashes. */
  file: string;
  abs: string;
  type: RecordType;
  /** The id implied by the file name. */
  id: string;
}

export interface Discovery {
  records: RecordFile[];
  /** Verdicts on files that are not records: wrong extension, unknown folder, links, case clashes. */
  diagnostics: Diagnostic[];
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

const fileProblem = (file: string, code: LoaderCode, message: string, tip?: string): Diagnostic => loaderDiagnostic(file, code, message, undefined, tip);

const KNOWN_FOLDERS = (): string => [...TYPE_BY_FOLDER.keys()].map((f) => `data/${f}/`).join(", ");

/**
 * Classifies a path under `data/` (relative to it). Returns the record file or a diagnostic: every file
 * gets a verdict, none is skipped silently.
 */
export function classify(root: string, dataDir: string, dataRel: string, isSymlink: boolean): RecordFile | Diagnostic {
  return classifyIn(placeOf(root, dataDir), path.posix.normalize(dataRel), isSymlink);
}

/** Where data/ is, worked out once per run: classifying 100,000 files should not redo path arithmetic. */
interface Place {
  /** data/ relative to the root, with a trailing slash (forward slashes). */
  prefix: string;
  dataDir: string;
}

function placeOf(root: string, dataDir: string): Place {
  const rel = toPosix(path.relative(root, dataDir));
  return { prefix: rel ? `${rel}/` : "", dataDir };
}

function classifyIn(place: Place, dataRel: string, isSymlink: boolean): RecordFile | Diagnostic {
  const file = place.prefix + dataRel;
  if (isSymlink) {
    return fileProblem(file, "FILE003", "symbolic links are not followed", "replace the link with the file itself");
  }
  const slash = dataRel.indexOf("/");
  const type = slash === -1 ? undefined : TYPE_BY_FOLDER.get(dataRel.slice(0, slash));
  if (type === undefined || dataRel.indexOf("/", slash + 1) !== -1) {
    return fileProblem(file, "FILE002", `not in a record folder; records live directly in ${KNOWN_FOLDERS()}`);
  }
  const name = dataRel.slice(slash + 1);
  if (!name.endsWith(".yaml")) {
    const ext = path.posix.extname(name);
    const tip = ext === ".yml" ? `rename it to ${name.slice(0, -4)}.yaml` : undefined;
    return fileProblem(file, "FILE001", `only .yaml files belong in data/ (found ${ext ? `a ${ext} file` : "a file without extension"})`, tip);
  }
  const abs = path.sep === "/" ? `${place.dataDir}/${dataRel}` : path.join(place.dataDir, dataRel);
  return { file, abs, type, id: name.slice(0, -".yaml".length) };
}

/** Lists every entry under `data/` without following links, classifying each. */
export async function discover(root: string, dataDir = path.join(root, "data"), maxFiles: number = LIMITS.maxFiles): Promise<Discovery> {
  // Without this, a run from the wrong folder would check nothing and report "no problems".
  if (!fs.existsSync(dataDir)) throw new UsageError(`there is no ${toPosix(path.relative(root, dataDir)) || "data"}/ folder in ${root}; run from the dataset's root folder`);
  const entries = await fg("**", {
    cwd: dataDir,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    suppressErrors: false,
  });
  const records: RecordFile[] = [];
  const diagnostics: Diagnostic[] = [];
  if (entries.length > maxFiles) {
    diagnostics.push(fileProblem("data", "FILE004", `data/ holds ${entries.length} entries, more than the limit of ${maxFiles}`));
    return { records, diagnostics };
  }
  const place = placeOf(root, dataDir);
  for (const entry of entries) {
    const dirent = entry.dirent;
    if (dirent.isDirectory()) continue;
    // The publishers registry is no record: validate() reads and checks it on its own.
    if (entry.path === PUBLISHERS_FILE && dirent.isFile()) continue;
    const verdict = classifyIn(place, entry.path, dirent.isSymbolicLink());
    if ("code" in verdict) diagnostics.push(verdict);
    else if (!dirent.isFile()) diagnostics.push(fileProblem(verdict.file, "FILE006", "not a regular file"));
    else records.push(verdict);
  }
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  diagnostics.push(...caseClashes(records));
  return { records, diagnostics };
}

/** Two files whose names differ only in case break checkouts on case-insensitive file systems. */
export function caseClashes(records: readonly RecordFile[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const r of records) {
    const key = r.file.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(fileProblem(r.file, "FILE007", `file name differs from ${first} only in letter case`, "ids are lower case; remove one of the two files"));
    } else seen.set(key, r.file);
  }
  return out;
}
