/**
 * A build lock whose holder is gone — empty, unreadable, garbage, held by a dead process or by a process
 * id that another program now has — is taken over at once with a one-line notice, never waited on for
 * two minutes; a lock held by a running build is respected.
 */
import "../loaded-machine.ts";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staleReason, withLock, workDir } from "../../scripts/lib/publish/atomic.ts";
import { removeTempDirs, tempDir } from "../publish/fixture.ts";

afterAll(removeTempDirs);

/** The id of a process that has ended. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout as unknown as number;

const lockOf = (out: string): string => path.join(workDir(out), `${path.basename(out)}.lock`);

describe("the build lock", { timeout: 30_000 }, () => {
  const stale: Array<[string, () => string | { dir: true }]> = [
    ["empty (a full disk, a kill while writing)", () => ""],
    ["garbage", () => "held by process NaN\n"],
    ["a negative process id", () => "-5\n"],
    ["held by a process that has ended (old format)", () => `${deadPid()}\n`],
    ["held by a process that has ended", () => `${JSON.stringify({ pid: Number(deadPid()) })}\n`],
    ["held by a process id now reused by another program", () => `${JSON.stringify({ pid: process.pid, started: "1" })}\n`],
    ["a folder where the lock file should be", () => ({ dir: true })],
  ];

  it.each(stale)("%s: taken over at once with one line of notice", async (_name, content) => {
    const out = path.join(tempDir("sidelines-lock-"), "dist");
    const file = lockOf(out);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const c = content();
    if (typeof c === "string") fs.writeFileSync(file, c);
    else fs.mkdirSync(file);
    // Older than the grace period given to a lock being written.
    fs.utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const notices: string[] = [];
    const started = Date.now();
    const result = await withLock(out, () => "ran", (line) => notices.push(line));
    expect(result).toBe("ran");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^note: took over the lock .*dist\.lock: /);
    expect(notices[0]).not.toContain("\n");
    expect(notices[0]).not.toContain("NaN");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("a lock held by a running build, or being written just now, is not stale", () => {
    const me = spawnSync("cat", ["/proc/self/stat"], { encoding: "utf8" }).status === 0;
    expect(staleReason(`${JSON.stringify({ pid: process.pid })}\n`, 60_000)).toBeUndefined();
    expect(staleReason(`${process.pid}\n`, 60_000)).toBeUndefined();
    expect(staleReason("", 100)).toBeUndefined();
    if (me) expect(staleReason(`${JSON.stringify({ pid: process.pid, started: "1" })}\n`, 60_000)).toMatch(/now belongs to another program/);
  });

  it("two takers of one stale lock: each runs alone, one after the other", async () => {
    const out = path.join(tempDir("sidelines-lock-"), "dist");
    const file = lockOf(out);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${deadPid()}\n`);
    let inside = 0;
    let most = 0;
    const body = async (): Promise<void> => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 50));
      inside--;
    };
    await Promise.all([withLock(out, body, () => undefined), withLock(out, body, () => undefined)]);
    expect(most).toBe(1);
  });
});
