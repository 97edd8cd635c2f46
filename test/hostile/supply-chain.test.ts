/** Dependencies install from the lock file alone, and none runs an install script. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; resolved?: string; integrity?: string; hasInstallScript?: boolean; link?: boolean }> };

describe("supply chain", () => {
  it("every dependency is pinned to an exact version", () => {
    const specs = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.entries(specs).filter(([, v]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v))).toEqual([]);
  });

  it("every locked package has a sha512 integrity hash, and none comes from a URL outside the registry", () => {
    // The lock records no download addresses (npm resolves them from the configured registry); any
    // address that is recorded must be the registry's, never a git or tarball URL.
    const bad = Object.entries(lock.packages)
      .filter(([name, p]) => name !== "" && !p.link)
      .filter(([, p]) => !p.integrity?.startsWith("sha512-") || (p.resolved !== undefined && !p.resolved.startsWith("https://registry.npmjs.org/")))
      .map(([name]) => name);
    expect(bad).toEqual([]);
  });

  it("no dependency's install script runs: each one is listed in allowScripts, and denied", () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([name]) => name.replace(/^.*node_modules\//, ""));
    const allow = pkg.allowScripts ?? {};
    expect(withScripts.filter((name) => !(name in allow))).toEqual([]);
    expect(Object.entries(allow).filter(([, allowed]) => allowed !== false)).toEqual([]);
  });
});
