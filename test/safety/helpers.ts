/** Running any command as a user would (a fresh Node process with tsx), and checking that it ends cleanly. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { REPO_ROOT, TSX_LOADER } from "../validate/helpers.ts";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A spawned command's time limit: generous, so that a loaded 2-core machine does not fail it. */
export const SPAWN_TIMEOUT = 90_000;

/** Runs `scripts/<script>.ts` in `cwd` with `args`. */
export function runScript(script: string, cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const merged: Record<string, string | undefined> = { ...process.env, GITHUB_ACTIONS: undefined, SIDELINES_DEBUG: undefined, INIT_CWD: undefined, NO_COLOR: "1", ...env };
  const clean = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", TSX_LOADER, path.join(REPO_ROOT, "scripts", `${script}.ts`), ...args], { cwd, env: clean, encoding: "utf8", timeout: SPAWN_TIMEOUT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
      if (error && status === null) reject(error);
      else resolve({ status, stdout, stderr });
    });
  });
}

/** Exit 2 with one line on stderr and no stack trace. */
export function expectOneLineUsageError(r: Run, message?: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (message) expect(r.stderr.trim()).toMatch(message);
}

/** Every file under `dir` whose name passes `keep`, listed without recursion. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const at = pending.pop()!;
    for (const e of fs.readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, e.name);
      if (e.isDirectory()) pending.push(file);
      else if (keep(e.name)) out.push(file);
    }
  }
  return out.sort();
}
