/**
 * Files generated from the schemas or the registry (`npm run types`, `npm run docs`): written when they
 * differ, or with `--check` only reported, so that CI fails on drift.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.ts";

export interface GeneratedFile {
  /** Path relative to the repository root. */
  file: string;
  /** The file's text as it should be, from its current text ("" when absent). */
  render(current: string): string;
}

export interface SyncMessages {
  upToDate?(file: string): void;
  stale(file: string): void;
  written(file: string): void;
}

/** Writes each file that differs, or with `check` reports it instead; returns how many were stale. */
export function syncGenerated(files: readonly GeneratedFile[], check: boolean, say: SyncMessages): number {
  let stale = 0;
  for (const { file, render } of files) {
    const abs = path.join(ROOT, file);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : "";
    const next = render(current);
    if (next === current) say.upToDate?.(file);
    else if (check) {
      say.stale(file);
      stale++;
    } else {
      fs.writeFileSync(abs, next);
      say.written(file);
    }
  }
  return stale;
}
