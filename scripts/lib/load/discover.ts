import fs from "node:fs";
import path from "node:path";
import { TYPE_BY_FOLDER, type RecordType } from "../record-types.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { loaderDiagnostic, type LoaderCode } from "../codes.ts";
import { LIMITS } from "./limits.ts";
import { UsageError } from "./changed.ts";
import { PUBLISHERS_FILE } from "../publishers/registry.ts";
import { append } from "../collections.ts";
import { describeIoError } from "./read-file.ts";
import { visible } from "../report/visible.ts";

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

/**
 * Characters that make a name unsafe to show or to check out: line breaks (LF, CR, U+0085, U+2028,
 * U+2029), other control characters, bidirectional controls and other invisible characters, and
 * the characters Windows refuses in a name. A name holding one is reported (FILE010), never read.
 */
const ODD_NAME = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufffb\ufffd<>:"|?*\\]|[. ]$/u;

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** What listing a folder needs; tests inject failures (permission denied as root, names too long). */
export type ListDir = (dir: string) => Array<fs.Dirent<Buffer> | fs.Dirent>;
const listDirFromDisk: ListDir = (dir) => {
  // Names as text (listing 100,000 names as bytes, then decoding each, takes twice as long); a name
  // that is not valid UTF-8 comes back holding U+FFFD, and the folder is then listed again as bytes,
  // so that such a name is reported as it is (FILE010).
  const listed = fs.readdirSync(dir, { withFileTypes: true });
  return listed.some((d) => d.name.includes("\uFFFD")) ? fs.readdirSync(dir, { withFileTypes: true, encoding: "buffer" }) : listed;
};

/**
 * Lists every entry under `data/` without following links, classifying each: every file and folder
 * gets a verdict, none is skipped silently. A folder that cannot be listed gets one located error and
 * the listing goes on; `data/` itself must be a real folder, not a link.
 */
export async function discover(root: string, dataDir = path.join(root, "data"), maxFiles: number = LIMITS.maxFiles, listDir: ListDir = listDirFromDisk): Promise<Discovery> {
  const shownData = toPosix(path.relative(root, dataDir)) || "data";
  let top: fs.Stats;
  try {
    top = fs.lstatSync(dataDir);
  } catch {
    // Without this, a run from the wrong folder would check nothing and report "no problems".
    throw new UsageError(`there is no ${shownData}/ folder in ${root}; run from the dataset's root folder`);
  }
  const records: RecordFile[] = [];
  const diagnostics: Diagnostic[] = [];
  if (top.isSymbolicLink()) {
    diagnostics.push(fileProblem(shownData, "FILE003", `${shownData}/ is a symbolic link; links are not followed, so no record was read`, `replace the link with the folder itself`));
    return { records, diagnostics };
  }
  if (!top.isDirectory()) throw new UsageError(`${shownData} in ${root} is not a folder; run from the dataset's root folder`);
  const place = placeOf(root, dataDir);
  // Folders still to list, relative to data/ ("" for data/ itself); a stack, not recursion, so that
  // no depth of nesting can exhaust the call stack.
  const pending: string[] = [""];
  let entries = 0;
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const shown = rel ? `${place.prefix}${rel}` : shownData;
    let listed: Array<fs.Dirent<Buffer> | fs.Dirent>;
    try {
      listed = listDir(rel ? `${dataDir}${path.sep}${rel}` : dataDir);
    } catch (error) {
      diagnostics.push(fileProblem(shown, "FILE006", `this folder could not be listed: ${describeIoError(error)}; the files in it were not checked`));
      continue;
    }
    for (const dirent of listed) {
      if (++entries > maxFiles) {
        return { records: [], diagnostics: [fileProblem(shownData, "FILE004", `${shownData}/ holds more than ${maxFiles} entries, the limit`)] };
      }
      let name: string;
      try {
        name = typeof dirent.name === "string" ? dirent.name : STRICT_UTF8.decode(dirent.name);
      } catch {
        const lossy = visible(new TextDecoder("utf-8").decode(dirent.name as Buffer));
        diagnostics.push(fileProblem(`${rel ? `${place.prefix}${rel}/` : place.prefix}${lossy}`, "FILE010", "the name is not valid UTF-8 text; it was not read", "rename it to a lowercase id and .yaml"));
        continue;
      }
      const childRel = rel ? `${rel}/${name}` : name;
      if (ODD_NAME.test(name)) {
        const odd = [...name].find((c) => ODD_NAME.test(c)) ?? name.slice(-1);
        const what = /[\n\r\u0085\u2028\u2029]/u.test(odd) ? "a line break" : /[<>:"|?*\\]/.test(odd) ? `\`${odd}\`, which Windows does not allow in a name` : /[. ]/.test(odd) ? "a final dot or space, which Windows drops" : "a control or invisible character";
        diagnostics.push(fileProblem(`${place.prefix}${visible(childRel)}`, "FILE010", `the ${dirent.isDirectory() ? "folder" : "file"} name holds ${what} (U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}); it was not read`, "rename it to a lowercase id and .yaml"));
        continue;
      }
      if (dirent.isDirectory()) {
        pending.push(childRel);
        continue;
      }
      // The publishers registry is no record: validate() reads and checks it on its own.
      if (childRel === PUBLISHERS_FILE && dirent.isFile()) continue;
      const verdict = classifyIn(place, childRel, dirent.isSymbolicLink());
      if ("code" in verdict) diagnostics.push(verdict);
      else if (!dirent.isFile()) diagnostics.push(fileProblem(verdict.file, "FILE006", "not a regular file"));
      else records.push(verdict);
    }
  }
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  append(diagnostics, caseClashes(records));
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
