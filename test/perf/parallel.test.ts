/** Loading in a worker thread is an optimisation only: it must find exactly what one thread finds. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../scripts/lib/bench/generate.ts";
import { validate } from "../../scripts/lib/validate.ts";
import { PARALLEL_THRESHOLD, workerShare } from "../../scripts/lib/load/parallel.ts";

describe("parallel loading", () => {
  it("reports the same diagnostics, in the same order, as loading on one thread", { timeout: 120_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sidelines-parallel-"));
    const corpus = generateCorpus(PARALLEL_THRESHOLD + 500, 7);
    writeCorpus(root, corpus);
    // Break files throughout the sorted list, so that both the main thread's and the worker's share
    // have problems of every stage: YAML, schema, and cross-record.
    const files = [...corpus.files.keys()].sort();
    const inWorkerShare = files.slice(files.length - workerShare(files.length));
    const broken = [files[3]!, inWorkerShare[10]!, inWorkerShare[inWorkerShare.length - 1]!];
    fs.writeFileSync(path.join(root, broken[0]!), "id: [unclosed\n");
    fs.writeFileSync(path.join(root, broken[1]!), fs.readFileSync(path.join(root, broken[1]!), "utf8").replace(/^id: .*$/m, "id: Not-An-Id"));
    fs.appendFileSync(path.join(root, broken[2]!), "unknown_field: 1\n");
    const parallel = await validate({ root });
    const single = await validate({ root, parallel: false });
    expect(parallel.loadedInWorker).toBe(workerShare(files.length));
    expect(single.loadedInWorker).toBe(0);
    expect(parallel.diagnostics).toEqual(single.diagnostics);
    expect(new Set(parallel.diagnostics.filter((d) => d.severity === "error").map((d) => d.file))).toEqual(new Set(broken));
    expect(parallel.records.length).toBe(single.records.length);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
