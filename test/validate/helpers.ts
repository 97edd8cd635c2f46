/**
 * Shared helpers for the validator tests: temporary dataset trees written from an object of
 * `{ "data/actors/x.yaml": "…" }`, a small valid base dataset, and a way to run the CLI.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validate, type ValidateResult } from "../../scripts/lib/validate.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { removeTempDirs, tempDir } from "../temp-dirs.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Contents by path relative to the tree root; `null` in an override deletes the file. */
export type Files = Record<string, string | Buffer | null>;

/** Joins lines with LF and ends with a newline, so that line N of a fixture is argument N. */
export function lines(...ls: string[]): string {
  return `${ls.join("\n")}\n`;
}

/** Writes the files into a fresh temporary folder and returns its path; `setup` may add links, FIFOs… */
export function makeTree(files: Files, setup?: (root: string) => void): string {
  const root = tempDir("sidelines-test-");
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) continue;
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  setup?.(root);
  return root;
}

/** Removes every tree made by this test file, and every other folder of tempDir (call from afterAll). */
export const removeTrees = removeTempDirs;

/** Compiling the schemas takes a moment; share one set across runs. */
export const SCHEMA_SET = loadSchemaSet();

/** Validates a temporary tree built from the files. */
export async function validateFiles(files: Files, setup?: (root: string) => void, options: { strict?: boolean } = {}): Promise<ValidateResult & { root: string }> {
  const root = makeTree(files, setup);
  return { ...(await validate({ root, schemaSet: SCHEMA_SET, ...options })), root };
}

/** Base files with some replaced (or deleted, with `null`). */
export function withOverrides(base: Files, overrides: Files): Files {
  const out: Files = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The located part of a diagnostic, for exact comparisons. */
export function where(d: Diagnostic): { file: string; line: number; col: number; severity: string; code: string } {
  return { file: d.file, line: d.line, col: d.col, severity: d.severity, code: d.code };
}

/** Whether this file system tells `a` from `A` (not so on default macOS and Windows volumes). */
export function caseSensitiveFs(): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-case-"));
  try {
    fs.writeFileSync(path.join(dir, "a"), "");
    return !fs.existsSync(path.join(dir, "A"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const isRoot = process.getuid?.() === 0;
export const isWindows = process.platform === "win32";

// ---------------------------------------------------------------------------------------------------------
// A small valid dataset that references itself: every check has something to look at.

export const BLUE_STATE = lines(
  "id: blue-state",
  "kind: state",
  "name: Blue State",
  "country: US",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/blue-state",
  "    published: 2021-01-01",
);

export const BLUE_MINISTRY = lines(
  "id: blue-ministry",
  "kind: government-body",
  "name: Blue Ministry of Defence",
  "country: US",
  "parent: blue-state",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/blue-ministry",
  "    published: 2021-01-01",
);

export const ANN_EXAMPLE = lines(
  "id: ann-example",
  "kind: person",
  "name: Ann Example",
  "positions:",
  "  - title: Minister of Defence",
  "    organisation: blue-ministry",
  "    start: 2020-01-01",
  "    end: 2022-12-31",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/ann-example",
  "    published: 2021-01-01",
);

export const OLD_CORP = lines(
  "id: old-corp",
  "kind: organisation",
  "name: Old Corp",
  "country: US",
  "founded: '2001'",
  "dissolved: 2019-03-01",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/old-corp",
  "    published: 2021-01-01",
);

export const TEST_FORUM = lines(
  "id: test-forum",
  "name: Test Forum",
  "organisers:",
  "  - blue-ministry",
  "editions:",
  "  - id: test-forum-2021",
  "    status: held",
  "    start: 2021-06-01",
  "    end: 2021-06-03",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/test-forum",
  "    published: 2021-01-01",
);

export const TALKS_2021 = lines(
  "id: talks-2021",
  "title: Test talks",
  "kind: meeting",
  "status: held",
  "date: 2021-06-02",
  "sidelines_of: test-forum-2021",
  "participants:",
  "  - actor: ann-example",
  "    role: principal",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/talks-2021",
  "    published: 2021-01-01",
);

export const BLUE_MEASURES = lines(
  "id: blue-measures-2021",
  "title: Test measures",
  "imposed_by: blue-ministry",
  "on_behalf_of: blue-state",
  "targets:",
  "  - actor: ann-example",
  "legal_basis:",
  "  - instrument: statute",
  "    citation: Test Act s. 1",
  "measures:",
  "  - type: visa-ban",
  "announced: 2021-07-01",
  "status: active",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/blue-measures-2021",
  "    published: 2021-01-01",
);

export const OLD_MINISTRY = lines(
  "id: old-ministry",
  "type: actor",
  "change: moved",
  "to:",
  "  - blue-ministry",
  "date: 2021-01-01",
  "reason: Renamed.",
);

/** A state record not in the base dataset, for cases that add a file. */
export const GREEN_STATE = lines(
  "id: green-state",
  "kind: state",
  "name: Green State",
  "country: GB",
  "sources:",
  "  - publisher: Example Gazette",
  "    url: https://example.org/green-state",
  "    published: 2021-01-01",
);

/** A publishers registry for cases that need one (not in BASE): a newspaper, an official host, a blocked one. */
export const PUBLISHERS = "data/publishers.yaml";
export const REGISTRY = lines(
  "hosts:",
  "  blue-mod.org:",
  "    publisher: Blue Ministry of Defence",
  "    aliases: [Blue MoD]",
  "    kind: official",
  "  example.org:",
  "    publisher: Example Gazette",
  "    kind: newspaper",
  "  farm-rewrites.net:",
  "    publisher: Farm Rewrites",
  "    kind: aggregator",
  "    blocked: true",
  "    note: Rewrites other outlets' reports.",
);

/** A meeting declined on the word of one source (`gazette`), for the refusal checks. */
export const REFUSED = "data/meetings/refused-2021.yaml";
export const REFUSED_2021 = lines(
  "id: refused-2021",
  "title: Refused talks",
  "kind: meeting",
  "status: declined",
  "status_history:",
  "  - status: proposed",
  "    date: 2021-05-01",
  "    by: blue-state",
  "  - status: declined",
  "    date: 2021-05-03",
  "    by: blue-state",
  "    source: gazette",
  "participants:",
  "  - actor: ann-example",
  "    role: principal",
  "sources:",
  "  - key: gazette",
  "    publisher: Example Gazette",
  "    url: https://example.org/refused-2021",
  "    published: 2021-05-03",
);

export const BASE: Files = {
  "data/actors/blue-state.yaml": BLUE_STATE,
  "data/actors/blue-ministry.yaml": BLUE_MINISTRY,
  "data/actors/ann-example.yaml": ANN_EXAMPLE,
  "data/actors/old-corp.yaml": OLD_CORP,
  "data/forums/test-forum.yaml": TEST_FORUM,
  "data/meetings/talks-2021.yaml": TALKS_2021,
  "data/sanctions/blue-measures-2021.yaml": BLUE_MEASURES,
  "data/tombstones/old-ministry.yaml": OLD_MINISTRY,
};

// ---------------------------------------------------------------------------------------------------------
// The CLI

const require = createRequire(import.meta.url);
/** tsx's loader by absolute URL, so that it resolves from any working directory. */
export const TSX_LOADER = pathToFileURL(require.resolve("tsx")).href;
export const VALIDATE_SCRIPT = path.join(REPO_ROOT, "scripts", "validate.ts");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `validate.ts` with `cwd` as the dataset root. GITHUB_ACTIONS and NO_COLOR are controlled here. */
export function runCli(cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const merged: Record<string, string | undefined> = { ...process.env, GITHUB_ACTIONS: undefined, SIDELINES_DEBUG: undefined, INIT_CWD: undefined, NO_COLOR: "1", ...env };
  const cleanEnv = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", TSX_LOADER, VALIDATE_SCRIPT, ...args], { cwd, env: cleanEnv, encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
      if (error && status === null) reject(error);
      else resolve({ status, stdout, stderr });
    });
  });
}
