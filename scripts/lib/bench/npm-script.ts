/** Running an npm script as `npm run` would, but without npm's own start-up, for the benchmarks to time. */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../paths.ts";

const TSX = path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs");

/** The Node arguments of the npm script `name` of package.json, with its paths made absolute (the runs start in a corpus folder). */
export function npmScript(name: string): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [runner, ...rest] = scripts[name]!.split(/\s+/);
  // Paths are made absolute; options and a command's name stay as they are.
  const args = rest.map((a) => (a.startsWith("-") || !a.includes("/") ? a : path.resolve(ROOT, a)));
  if (runner === "tsx") return [...args.filter((a) => a.startsWith("-")), "--import", TSX, ...args.filter((a) => !a.startsWith("-"))];
  if (runner === "node") return args;
  throw new Error(`npm script "${name}" starts with ${runner}, which the benchmark cannot run directly`);
}
