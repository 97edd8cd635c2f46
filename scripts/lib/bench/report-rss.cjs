// Preloaded into benchmarked Node processes (NODE_OPTIONS=--require): writes the process's peak
// resident set size in kilobytes and the CPU time it used (user + system, every thread) in
// microseconds, one line per process, to the file named by SIDELINES_RSS_FILE when it exits.
"use strict";
const fs = require("node:fs");
process.on("exit", () => {
  const file = process.env.SIDELINES_RSS_FILE;
  // Worker threads get this preload too, and their exit event reports the whole process's usage: only
  // the main thread writes, once per process.
  if (!file || !require("node:worker_threads").isMainThread) return;
  const use = process.resourceUsage();
  fs.appendFileSync(file, `${use.maxRSS} ${use.userCPUTime + use.systemCPUTime}\n`);
});
