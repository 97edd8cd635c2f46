import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { ROOT } from "../paths.ts";

/**
 * The per-file verdict cache (`--cache`), in the spirit of ESLint's: a file whose size, modification
 * time and inode are unchanged, checked by the same schemas and the same toolkit code, keeps its
 * parsed data and its file-level diagnostics (reading, YAML, schema). Cross-record checks always run
 * again, since they depend on other files. The cache lives in `.sidelines-cache/` (git-ignored); it is
 * written aside and renamed into place, so a killed run cannot leave it half-written.
 */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  ino: number;
  diagnostics: Diagnostic[];
  data?: Record<string, unknown>;
  schemaOk?: boolean;
}

interface CacheFile {
  key: string;
  entries: Record<string, CacheEntry>;
}

/** A hash of everything a verdict depends on besides the file: the schemas and the toolkit's code. */
function toolKey(): string {
  const h = crypto.createHash("sha256");
  const add = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) add(p);
      else if (/\.(ts|json)$/.test(e.name)) h.update(p.slice(ROOT.length)).update(fs.readFileSync(p));
    }
  };
  add(path.join(ROOT, "schemas"));
  add(path.join(ROOT, "scripts/lib"));
  h.update(fs.readFileSync(path.join(ROOT, "package-lock.json")));
  return h.digest("hex");
}

export class VerdictCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly key: string;
  private dirty = false;

  constructor(private readonly file: string) {
    this.key = toolKey();
    let loaded: CacheFile | undefined;
    try {
      loaded = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile;
    } catch {
      loaded = undefined; // missing or unreadable: start afresh
    }
    this.entries = loaded?.key === this.key && loaded.entries && typeof loaded.entries === "object" ? loaded.entries : {};
  }

  /** The cached verdict for a file if its metadata is unchanged. */
  get(rel: string, abs: string): CacheEntry | undefined {
    const hit = this.entries[rel];
    if (!hit) return undefined;
    try {
      const st = fs.lstatSync(abs);
      return st.size === hit.size && st.mtimeMs === hit.mtimeMs && st.ino === hit.ino ? hit : undefined;
    } catch {
      return undefined;
    }
  }

  set(rel: string, abs: string, entry: Omit<CacheEntry, "size" | "mtimeMs" | "ino">): void {
    try {
      const st = fs.lstatSync(abs);
      this.entries[rel] = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, ...entry };
      this.dirty = true;
    } catch {
      // the file vanished: nothing to cache
    }
  }

  /** Drops entries for files that no longer exist, then writes atomically. */
  save(existing: ReadonlySet<string>): void {
    for (const rel of Object.keys(this.entries)) {
      if (!existing.has(rel)) {
        delete this.entries[rel];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ key: this.key, entries: this.entries }));
    fs.renameSync(tmp, this.file);
  }
}
