/**
 * The Node.js lines the toolkit and the package are tested on besides the one running the tests: the
 * active LTS lines, as the `node` package of the npm registry provides them (a Node binary in a registry
 * package, so CI reaches it like any dependency). Exact versions, as for every dependency.
 */
import { spawnSync } from "node:child_process";

export const NODE_22 = "node@22.23.3";
export const NODE_24 = "node@24.9.0";
export const OTHER_NODE_LINES = [NODE_22, NODE_24] as const;

const env = { ...process.env, npm_config_update_notifier: "false" };

/** The arguments that run `node …` from the registry's `node` package `pkg` (`npm exec`). */
export function nodeFrom(pkg: string): { command: string; args: (nodeArgs: string[]) => string[]; env: NodeJS.ProcessEnv } {
  return { command: "npm", args: (nodeArgs) => ["exec", "--yes", `--package=${pkg}`, "--", "node", ...nodeArgs], env };
}

/** Why `pkg`'s Node cannot be run here (not fetched: offline, say), or undefined when it runs. */
export function unavailable(pkg: string, cwd: string): string | undefined {
  const node = nodeFrom(pkg);
  const probe = spawnSync(node.command, node.args(["--version"]), { cwd, encoding: "utf8", timeout: 240_000, env: node.env });
  const major = `v${pkg.slice("node@".length).split(".")[0]}.`;
  if (probe.status === 0 && probe.stdout.trim().startsWith(major)) return undefined;
  return `${pkg} is not available from the registry here (${(probe.error?.message ?? probe.stderr.trim().split("\n").pop() ?? "no output").slice(0, 200)})`;
}
