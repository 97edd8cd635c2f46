// Preloaded into benchmarked Node processes (NODE_OPTIONS=--require): writes the process's peak
// resident set size, in kilobytes, to the file named by SIDELINES_RSS_FILE when it exits.
"use strict";
const fs = require("node:fs");
process.on("exit", () => {
  const file = process.env.SIDELINES_RSS_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
