/**
 * Step 5 of the build: the package entry as plain JavaScript and declaration files, so that the package
 * needs neither tsx nor the repository. Options come from scripts/package/tsconfig.json.
 *
 * Each file is transpiled on its own (`transpileModule`, `transpileDeclaration`) rather than through a
 * whole program: the same output for this code, in a tenth of the time, because nothing is type-checked
 * here. The tsconfig sets `isolatedDeclarations`, so `tsc -p scripts/package/tsconfig.json` (run by the
 * tests, as is `tsc -p .`) proves each file's declarations can be emitted this way, and the package
 * test type-checks a consumer against the result.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "../paths.ts";
import { append } from "../collections.ts";

export const PACKAGE_TSCONFIG = path.join(ROOT, "scripts/package/tsconfig.json");

function readConfig(): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(PACKAGE_TSCONFIG, {}, host);
  if (!parsed || parsed.errors.length > 0) throw new Error(`could not read ${PACKAGE_TSCONFIG}`);
  return parsed;
}

/** The entry files and every file they import by relative path. */
function sourceFiles(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles) {
      if (!fileName.startsWith(".")) continue;
      queue.push(path.resolve(path.dirname(file), fileName).replace(/\.js$/, ".ts"));
    }
  }
  return [...seen].sort();
}

/** Emits `<release>/lib/**` (JavaScript and declarations). Throws on a syntax or declaration problem. */
export function compilePackage(releaseDir: string): string[] {
  const { options: configured, fileNames } = readConfig();
  // The package is ESM ("type": "module"); a lone file would otherwise be taken for CommonJS under NodeNext.
  const options: ts.CompilerOptions = { ...configured, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const rootDir = configured.rootDir!;
  const outDir = path.join(releaseDir, "lib");
  const written: string[] = [];
  const problems: ts.Diagnostic[] = [];
  for (const file of sourceFiles(fileNames)) {
    const text = fs.readFileSync(file, "utf8");
    const js = ts.transpileModule(text, { compilerOptions: { ...options, declaration: false, isolatedDeclarations: false }, fileName: file, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(text, { compilerOptions: options, fileName: file, reportDiagnostics: true });
    append(problems, [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])]);
    const base = path.join(outDir, path.relative(rootDir, file)).replace(/\.ts$/, "");
    fs.mkdirSync(path.dirname(base), { recursive: true });
    fs.writeFileSync(`${base}.js`, js.outputText);
    fs.writeFileSync(`${base}.d.ts`, dts.outputText);
    written.push(`${base}.js`, `${base}.d.ts`);
  }
  if (problems.length > 0) {
    const text = ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" });
    throw new Error(`the package entry does not compile:\n${text}`);
  }
  return written;
}
