/**
 * For the browser tests: headless Chromium (Debian's `chromium`, through playwright-core, or
 * SIDELINES_CHROMIUM), a static server for the site on 127.0.0.1 that also serves axe-core, the site of
 * the release to test, and pages that record every console error, page error and failed request.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "../../scripts/lib/paths.ts";
import { buildSite } from "../../scripts/lib/site/index.ts";
import { realReleaseDir, removeTempDirs, tempDir } from "./helpers.ts";

export const CHROMIUM = process.env.SIDELINES_CHROMIUM || "/usr/bin/chromium";
export const IN_CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

// axe-core's engine, served by the test server at this path so that the page's content-security policy
// (scripts from the site itself only) lets it in.
export const AXE_PATH = "/__axe.min.js";
const AXE_SOURCE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".png": "image/png" };

/** A static file server for `dir` on 127.0.0.1, on a free port. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname).replace(/\/$/, "/index.html");
    if (rel === AXE_PATH) {
      res.writeHead(200, { "content-type": TYPES[".js"]! });
      fs.createReadStream(AXE_SOURCE).pipe(res);
      return;
    }
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** dist/site when it belongs to the release in dist/, else a site rendered into a temporary folder. */
export async function siteDir(): Promise<string> {
  const release = await realReleaseDir();
  const own = path.join(release, "site");
  const manifest = path.join(release, "manifest.json");
  const copied = path.join(own, "download", "manifest.json");
  if (fs.existsSync(copied) && fs.readFileSync(copied).equals(fs.readFileSync(manifest))) return own;
  const out = path.join(tempDir("sidelines-site-e2e-"), "site");
  await buildSite({ dist: release, out });
  return out;
}

/** Headless Chromium that refuses every request not to `base`, a file or a data: address. */
export async function launchBrowser(base: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(tempDir("sidelines-chromium-"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  // The site needs nothing from elsewhere: refuse every request that is not to the local server or a file.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(base) || url.startsWith("file:") || url.startsWith("data:") ? route.continue() : route.abort();
  });
  return context;
}

/** A new page at `url` that records console errors, page errors and failed or refused requests in `problems`. */
export async function openPage(context: BrowserContext, url: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()} (${page.url()})`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message} (${page.url()})`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url);
  return page;
}

export interface BrowserRun {
  server: http.Server;
  /** The server's address, e.g. http://127.0.0.1:41234 */
  base: string;
  /** The site folder served. */
  root: string;
  context: BrowserContext;
}

/** Serves the site of the release and starts Chromium on it. */
export async function startBrowser(): Promise<BrowserRun> {
  const root = await siteDir();
  const server = await serve(root);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, root, context: await launchBrowser(base) };
}

/** Closes what startBrowser() started (either may be missing when it failed) and removes the temporary folders. */
export async function stopBrowser(run: Partial<BrowserRun>): Promise<void> {
  await run.context?.close();
  await new Promise((resolve) => (run.server ? run.server.close(resolve) : resolve(undefined)));
  removeTempDirs();
}

/** axe-core's violations on the page as it is now, one line each (rule, help, how many nodes, the first three). */
export async function axeViolations(page: Page, base: string): Promise<string[]> {
  await page.addScriptTag({ url: `${base}${AXE_PATH}` });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")})`);
  });
}
