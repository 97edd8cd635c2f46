/**
 * End to end: serves the site on 127.0.0.1 and drives it in headless Chromium (Debian's `chromium`,
 * through playwright-core). Serves dist/site/ when it was made from the release now in dist/, else
 * renders the site of that release (or of a fresh build) into a temporary folder, never into dist/.
 *
 * Skipped only when Chromium is missing and CI is not set; under CI a missing browser fails. Set
 * SIDELINES_CHROMIUM to use another Chromium build (such as /usr/bin/google-chrome on GitHub runners).
 * Screenshots are saved under test-results/ (git-ignored): timeline.png, and the Vientiane 2024 decline
 * at desktop width and at 375 px. axe-core (node_modules/axe-core/axe.min.js, served by the test server
 * so that the pages' content-security policy admits it) checks a page of every kind.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { axeViolations, CHROMIUM, HAVE_CHROMIUM, IN_CI, openPage, startBrowser, stopBrowser } from "./browser-helpers.ts";

const SCREENSHOT = path.join(ROOT, "test-results", "timeline.png");
const MEETING = "austin-li-shangfu-shangri-la-2023";

// Under CI a missing browser is a failure, counted as a failed test rather than a silent skip.
it.runIf(IN_CI && !HAVE_CHROMIUM)("Chromium is installed (required when CI is set)", () => {
  throw new Error(`CI is set but Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set SIDELINES_CHROMIUM`);
});

describe.runIf(HAVE_CHROMIUM)("the site in a browser", () => {
  let server: http.Server;
  let base: string;
  let root: string;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ server, base, root, context } = await startBrowser());
  }, 60_000);

  afterAll(() => stopBrowser({ server, context }));

  /** A new page that records console errors, page errors and failed or refused requests. */
  function open(url: string): Promise<Page> {
    return openPage(context, url, problems);
  }

  it("loads the home page without console errors", async () => {
    problems.length = 0;
    const page = await open(`${base}/index.html`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Sidelines");
    await expect(page.locator("#downloads-h").isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it("finds Li Shangfu by search, and his page lists the 2018 sanction and the declined 2023 meeting", async () => {
    problems.length = 0;
    const page = await open(`${base}/index.html`);
    await page.locator("#site-q").fill("Li Shangfu");
    await page.locator("#site-q").press("Enter");
    await page.waitForURL(/search\.html\?q=Li\+Shangfu/);
    const results = page.locator("#search-results");
    await results.waitFor({ state: "visible" });
    const first = results.locator("li").first().locator("a");
    await expect(first.textContent()).resolves.toBe("Li Shangfu");
    await expect(page.locator("#search-status").textContent()).resolves.toMatch(/^\d+ records? found$/);
    // Typing narrows the results as one goes; a filter by type leaves only the actor.
    await page.locator("#filter-type").selectOption("actor");
    await expect(results.locator("li").count()).resolves.toBe(1);
    await results.locator("a", { hasText: "Li Shangfu" }).click();
    await page.waitForURL(/actors\/li-shangfu\.html$/);

    const received = page.locator('section[aria-labelledby="received-h"]');
    await expect(received.locator('a[href="../sanctions/us-caatsa-231-2018-edd-li-shangfu.html"]').count()).resolves.toBe(1);
    await expect(received.textContent()).resolves.toContain("2018-09-20");
    const row = page.locator('section[aria-labelledby="meetings-h"] tr', { has: page.locator(`a[href="../meetings/${MEETING}.html"]`) });
    await expect(row.textContent()).resolves.toMatch(/2023-06-02[\s\S]*declined/);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it("the timeline has a keyboard-reachable mark for the declined meeting that opens its page", async () => {
    problems.length = 0;
    const page = await open(`${base}/timeline.html`);
    const mark = page.locator(`svg#timeline-pairs a.mark[data-meeting="${MEETING}"]`);
    await expect(mark.count()).resolves.toBe(1);
    await expect(mark.getAttribute("aria-label")).resolves.toMatch(/^Proposed Austin–Li Shangfu meeting at the 2023 Shangri-La Dialogue — declined/);
    await expect(mark.locator("title").textContent()).resolves.toContain("declined");

    // Tab reaches the marks: the first mark focused by keyboard is in the timeline. The bound is the
    // page's number of focusable elements (the forum editions' marks come first, and their number
    // grows with the years the data covers), so the loop ends even if no mark is reachable.
    await page.locator("body").focus();
    const stops = await page.evaluate(() => document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]").length);
    let focused = "";
    for (let i = 0; i <= stops && !focused.includes("mark"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("class") ?? "");
    }
    expect(focused).toContain("mark");
    // Focusing a mark names it in the live region (the script's enhancement).
    await mark.focus();
    await expect(page.locator("#timeline-detail").textContent()).resolves.toContain("Proposed Austin–Li Shangfu meeting");

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    // The legend and the first picture, so that the artifact explains itself.
    const top = (await page.locator("ul.legend").boundingBox())!;
    const figure = (await page.locator("figure.timeline-figure").first().boundingBox())!;
    await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: figure.x - 8, y: top.y - 8, width: figure.width + 16, height: figure.y + figure.height - top.y + 16 } });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    await mark.click();
    await page.waitForURL(new RegExp(`meetings/${MEETING}\\.html$`));
    await expect(page.locator("h1").textContent()).resolves.toBe("Proposed Austin–Li Shangfu meeting at the 2023 Shangri-La Dialogue");
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it("a page of every kind loads without console errors, failed requests or content-security-policy violations", async () => {
    // One page per folder is enough here: pages of a kind share their markup, and site.test.ts checks
    // every local link of every page without a browser.
    problems.length = 0;
    const pages = ["index.html", "timeline.html", "search.html?q=li&type=actor&country=CN&year=2023", ...["actors", "meetings", "sanctions", "forums", "editions"].map((folder) => `${folder}/${fs.readdirSync(path.join(root, folder)).sort()[0]!}`)];
    const page = await open(`${base}/index.html`);
    for (const p of pages) await page.goto(`${base}/${p}`, { waitUntil: "load" });
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it("axe-core finds no accessibility violation on the home, timeline, search, actor, meeting, sanction, incident, forum and edition pages", async () => {
    problems.length = 0;
    const first = (folder: string): string => `${folder}/${fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith(".html")).sort()[0]!}`;
    const pages = ["index.html", "timeline.html", "search.html?q=li", "actors/li-shangfu.html", `meetings/${MEETING}.html`, "sanctions/us-caatsa-231-2018-edd-li-shangfu.html", first("incidents"), "forums/shangri-la-dialogue.html", first("editions")];
    const page = await open(`${base}/index.html`);
    const found: string[] = [];
    for (const p of pages) {
      await page.goto(`${base}/${p}`, { waitUntil: "load" });
      const violations = await axeViolations(page, base);
      found.push(...violations.map((v) => `${p}: ${v}`));
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("the search works from the keyboard alone: Tab to the search box, type, Enter, Tab to a result, Enter opens it", async () => {
    problems.length = 0;
    const page = await open(`${base}/index.html`);
    await page.locator("body").focus();
    let id = "";
    for (let i = 0; i < 20 && id !== "site-q"; i++) {
      await page.keyboard.press("Tab");
      id = await page.evaluate(() => document.activeElement?.id ?? "");
    }
    expect(id).toBe("site-q");
    await page.keyboard.type("Li Shangfu");
    await page.keyboard.press("Enter");
    await page.waitForURL(/search\.html\?q=Li\+Shangfu/);
    await page.locator("#search-results li").first().waitFor({ state: "visible" });
    let text = "";
    for (let i = 0; i < 40 && text !== "Li Shangfu"; i++) {
      await page.keyboard.press("Tab");
      text = await page.evaluate(() => (document.activeElement?.closest("#search-results") ? (document.activeElement?.textContent ?? "") : ""));
    }
    expect(text).toBe("Li Shangfu");
    await page.keyboard.press("Enter");
    await page.waitForURL(/actors\/li-shangfu\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("shows the Vientiane 2024 decline: its mark on the timeline, its cause (the incident) and its citation block; screenshots at desktop and 375 px", async () => {
    problems.length = 0;
    const DECLINED = "austin-dong-jun-vientiane-2024";
    const CAUSE = "us-taiwan-arms-sale-2024-10-25";
    const page = await open(`${base}/timeline.html`);
    const mark = page.locator(`a.mark[data-meeting="${DECLINED}"]`).first();
    await expect(mark.getAttribute("aria-label")).resolves.toMatch(/declined/);
    // Opened from the keyboard: on the wide chart another mark may lie over it.
    await mark.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`meetings/${DECLINED}\\.html$`));
    const cause = page.locator(`a[href="../incidents/${CAUSE}.html"]`).first();
    await expect(cause.isVisible()).resolves.toBe(true);
    const citation = page.locator("#cite-record");
    await expect(citation.locator("p.citation").textContent()).resolves.toMatch(/^The Sidelines contributors\. \(\d{4}\)\. .+ \[Data set\]\./);
    await expect(citation.locator("pre.bibtex").textContent()).resolves.toContain(`record ${DECLINED}`);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    const shots = path.dirname(SCREENSHOT);
    await page.screenshot({ path: path.join(shots, "vientiane-2024-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    // At 375 px the page itself does not scroll sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(shots, "vientiane-2024-375px.png"), fullPage: true });
    await cause.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`incidents/${CAUSE}\\.html$`));
    await expect(page.locator(`a[href="../meetings/${DECLINED}.html"]`).count()).resolves.toBeGreaterThan(0);
    for (const f of ["vientiane-2024-desktop.png", "vientiane-2024-375px.png"]) expect(fs.statSync(path.join(shots, f)).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("works from disk too: search and links need no server", async () => {
    problems.length = 0;
    const page = await open(`${pathToFileURL(path.join(root, "search.html")).href}?q=shangfu&type=actor`);
    await page.locator("#search-results").waitFor({ state: "visible" });
    await page.locator("#search-results a", { hasText: "Li Shangfu" }).click();
    await page.waitForURL(/actors\/li-shangfu\.html$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Li Shangfu");
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);
});
