/**
 * The sharded search in headless Chromium: typing a name in any spelling or script lists that person
 * first; a search loads only the shards its words need, never the whole index; it works from disk
 * (file:), from the keyboard, and axe-core finds no violation on the search page and the A–Z list.
 */
import "../loaded-machine.ts";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AXE_PATH, HAVE_CHROMIUM, openPage, startBrowser, stopBrowser } from "./browser-helpers.ts";

describe.runIf(HAVE_CHROMIUM)("search in a browser", () => {
  let server: http.Server;
  let base: string;
  let root: string;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ server, base, root, context } = await startBrowser());
  }, 120_000);

  afterAll(() => stopBrowser({ server, context }));

  /** Types `text` into the search box key by key and returns the first result's name once the list settles on `expected`. */
  async function firstResult(page: Page, text: string, expected: string): Promise<string> {
    await page.locator("#search-q").fill("");
    await page.locator("#search-q").focus();
    await page.keyboard.type(text, { delay: 20 });
    const first = page.locator("#search-results li a").first();
    await page
      .waitForFunction((name) => document.querySelector("#search-results li a")?.textContent === name && !(document.getElementById("search-results") as HTMLElement).hidden, expected, { timeout: 15_000 })
      .catch(() => undefined);
    return (await first.textContent()) ?? "";
  }

  it("lists the person first whatever the spelling or script typed", async () => {
    problems.length = 0;
    const page = await openPage(context, `${base}/search.html`, problems);
    const cases: [string, string][] = [
      ["Li Shangfu", "Li Shangfu"],
      ["li shang fu", "Li Shangfu"],
      ["lishangfu", "Li Shangfu"],
      ["李尚福", "Li Shangfu"],
      ["Dong Jun", "Dong Jun"],
      ["dong jun", "Dong Jun"],
      ["董军", "Dong Jun"],
    ];
    const got: string[] = [];
    for (const [text, name] of cases) got.push(`${text} → ${await firstResult(page, text, name)}`);
    expect(got).toEqual(cases.map(([text, name]) => `${text} → ${name}`));
    await expect(page.locator("#search-status").textContent()).resolves.toMatch(/^\d+ records? found$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("loads only the shards the words need: never the whole index", async () => {
    problems.length = 0;
    const requested: string[] = [];
    const page = await context.newPage();
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base}/search.html`);
    await page.waitForLoadState("load");
    // The page alone loads no shard; a search then loads the shards of its words.
    expect(requested.filter((p) => p.includes("/search/terms/") || p.includes("/search/docs/"))).toEqual([]);
    await page.goto(`${base}/search.html?q=li+shang+fu`);
    await page.locator("#search-results li").first().waitFor({ state: "visible" });
    const terms = requested.filter((p) => p.includes("/search/terms/")).map((p) => path.basename(p, ".js"));
    // "li", "sh" and "fu", as file names: the code points in hexadecimal.
    expect(new Set(terms)).toEqual(new Set(["6c-69", "73-68", "66-75"].filter((f) => fs.existsSync(path.join(root, "search", "terms", `${f}.js`)))));
    expect(terms.length).toBeLessThan(fs.readdirSync(path.join(root, "search", "terms")).length);
    expect(requested.some((p) => p.endsWith("search-index.json"))).toBe(false);
    const docs = requested.filter((p) => p.includes("/search/docs/"));
    expect(docs.length).toBeGreaterThan(0);
    // At most one document shard per result listed.
    expect(docs.length).toBeLessThanOrEqual(await page.locator("#search-results li").count());
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("lists the records of a type without words, from the shards of that type only (the home page's counts link there)", async () => {
    problems.length = 0;
    const requested: string[] = [];
    const page = await context.newPage();
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base}/search.html?type=forum`);
    await page.locator("#search-results li").first().waitFor({ state: "visible" });
    const kinds = await page.locator("#search-results li .meta").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k.trim().startsWith("forum"))).toBe(true);
    await expect(page.locator("#search-status").textContent()).resolves.toMatch(/^\d+ records.*type a name or title to search$/);
    expect(requested.filter((p) => p.includes("/search/terms/"))).toEqual([]);
    expect(requested.filter((p) => p.includes("/search/docs/")).length).toBeLessThan(fs.readdirSync(path.join(root, "search", "docs")).length);
    await page.close();
  }, 60_000);

  it("works from disk, where the shards load as scripts", async () => {
    problems.length = 0;
    const page = await openPage(context, pathToFileURL(path.join(root, "search.html")).href, problems);
    expect(await firstResult(page, "李尚福", "Li Shangfu")).toBe("Li Shangfu");
    await page.locator("#search-results a", { hasText: "Li Shangfu" }).click();
    await page.waitForURL(/actors\/li-shangfu\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("works from the keyboard: type, Enter moves to the first result, Enter opens it", async () => {
    problems.length = 0;
    const page = await openPage(context, `${base}/search.html`, problems);
    await page.locator("#search-q").focus();
    await page.keyboard.type("dong jun");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.closest("#search-results") !== null, undefined, { timeout: 15_000 });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Dong Jun");
    await page.keyboard.press("Enter");
    await page.waitForURL(/actors\/dong-jun\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("axe-core finds no violation on the search page with results and on a page of the A–Z list", async () => {
    problems.length = 0;
    const found: string[] = [];
    for (const p of ["search.html?q=%E6%9D%8E%E5%B0%9A%E7%A6%8F", "search.html?q=dialogue", "a-z/l.html"]) {
      const page = await openPage(context, `${base}/${p}`, problems);
      if (p.startsWith("search")) await page.locator("#search-results li").first().waitFor({ state: "visible" });
      await page.addScriptTag({ url: `${base}${AXE_PATH}` });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      });
      found.push(...violations.map((v) => `${p}: ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
