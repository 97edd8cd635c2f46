/**
 * Temporary folders for tests, removed together by removeTempDirs (call it in the file's afterAll). A
 * folder a test made unreadable or unwritable is given its permissions back first, so that it goes too.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const created: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Gives back the permissions a test took from anything in `dir`, so that it can be removed. */
function restorePermissions(dir: string): void {
  try {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() || entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
    }
  } catch {
    // best effort
  }
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      restorePermissions(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
