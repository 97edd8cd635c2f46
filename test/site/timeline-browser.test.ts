/**
 * The timeline and the narrow screen, in headless Chromium (see browser-helpers.ts): no page of any
 * type scrolls sideways at 375 px; the timeline's filters work without reloading the page and from
 * the address's GET parameters; the keyboard alone reaches every mark and operates the filters, with a
 * visible focus; what the layout computes holds in the rendered page with the real font (no two marks
 * overlap, no two edition labels meet); axe-core finds nothing at 375 px on a page of every type, nor
 * on the timeline with filters applied (wide and at 375 px).
 * Screenshots: test-results/timeline-375px.png and timeline-filtered.png.
 */
import "../loaded-machine.ts";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { axeViolations, HAVE_CHROMIUM, openPage, startBrowser, stopBrowser, type BrowserRun } from "./browser-helpers.ts";

const RESULTS = path.join(ROOT, "test-results");
const NARROW = { width: 375, height: 800 };
const RECORD_FOLDERS = ["actors", "meetings", "sanctions", "incidents", "forums", "editions"];

describe.runIf(HAVE_CHROMIUM)("the timeline and narrow screens in a browser", () => {
  let run: BrowserRun;
  const problems: string[] = [];
  // What the tests use of the run, once it has started.
  const site = {
    get root(): string {
      return run.root;
    },
    get base(): string {
      return run.base;
    },
    problems,
    open: (url: string): Promise<Page> => openPage(run.context, url, problems),
  };

  beforeAll(async () => {
    run = await startBrowser();
  }, 60_000);

  afterAll(() => stopBrowser(run ?? {}));

  const pagesOf = (folder: string): string[] =>
    fs
      .readdirSync(path.join(site.root, folder))
      .filter((f) => f.endsWith(".html"))
      .sort()
      .map((f) => `${folder}/${f}`);

  /** The marks and list entries the filters leave shown, by meeting id. */
  const shown = (page: Page, selector: string): Promise<string[]> =>
    page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((el) => getComputedStyle(el).display !== "none").map((el) => el.getAttribute("data-meeting")!), selector);

  it("no page of any type is wider than a 375-px screen: document.documentElement.scrollWidth ≤ 375 on every page; axe-core finds nothing at 375 px on a page of each type", async () => {
    site.problems.length = 0;
    const page = await site.open(`${site.base}/index.html`);
    await page.setViewportSize(NARROW);
    // Every folder of pages (the record types, and any other list the site has, such as an A–Z index).
    const folders = fs.readdirSync(site.root, { withFileTypes: true }).filter((d) => d.isDirectory() && pagesOf(d.name).length > 0).map((d) => d.name);
    expect(folders).toEqual(expect.arrayContaining(RECORD_FOLDERS));
    const pages = ["index.html", "timeline.html", "timeline.html?status=declined&from=2023", "search.html", "search.html?q=li", ...folders.flatMap(pagesOf)];
    const widest = new Map<string, { width: number; page: string }>();
    for (const p of pages) {
      await page.goto(`${site.base}/${p}`, { waitUntil: "load" });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const type = p.includes("/") ? p.split("/")[0]! : p.replace(/\?.*/, "");
      if (!widest.has(type) || widest.get(type)!.width < width) widest.set(type, { width, page: p });
    }
    const tooWide = [...widest.values()].filter((w) => w.width > NARROW.width).map((w) => `${w.page}: ${w.width} px`);
    expect(tooWide).toEqual([]);
    expect([...widest.keys()].sort()).toEqual([...folders, "index.html", "search.html", "timeline.html"].sort());
    // axe-core at 375 px on the widest page of each type (tables in their scrolling boxes included).
    const violations: string[] = [];
    for (const { page: p } of widest.values()) {
      await page.goto(`${site.base}/${p}`, { waitUntil: "load" });
      violations.push(...(await axeViolations(page, site.base)).map((v) => `${p}: ${v}`));
    }
    expect(violations).toEqual([]);
    // The timeline's pictures are wider than the screen: they scroll in their own boxes.
    await page.goto(`${site.base}/timeline.html`, { waitUntil: "load" });
    const box = await page.evaluate(() => {
      const scroll = document.querySelector(".scroll")!;
      return { client: scroll.clientWidth, scroll: scroll.scrollWidth };
    });
    expect(box.client).toBeLessThanOrEqual(NARROW.width);
    expect(box.scroll).toBeGreaterThan(box.client);
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, "timeline-375px.png"), fullPage: true });
    expect(site.problems).toEqual([]);
    await page.close();
  }, 240_000);

  it("filters by status, actor, forum and years without reloading the page, and keeps the view in the address", async () => {
    site.problems.length = 0;
    const page = await site.open(`${site.base}/timeline.html`);
    // A reload or a navigation would drop this.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    let loads = 0;
    page.on("load", () => loads++);
    const form = page.locator("#timeline-filters");
    await expect(form.isVisible()).resolves.toBe(true);
    const all = await shown(page, "#timeline-list > li");
    expect(all.length).toBeGreaterThan(20);
    await expect(page.locator("#timeline-count").textContent()).resolves.toMatch(new RegExp(`^${all.length} meetings on the timeline`));

    // Status: declined only.
    for (const box of await form.locator('input[name="status"]').all()) if ((await box.getAttribute("value")) !== "declined") await box.uncheck();
    const declined = await shown(page, "#timeline-list > li");
    expect(declined.length).toBeGreaterThan(0);
    expect(declined.length).toBeLessThan(all.length);
    const styles = await page.evaluate(() => [...document.querySelectorAll("svg.timeline a.mark:not(.filtered-out), #timeline-list > li:not(.filtered-out)")].map((el) => el.getAttribute("data-style")));
    expect(new Set(styles)).toEqual(new Set(["declined"]));
    expect((await shown(page, "#timeline-pairs a.mark")).sort()).toEqual([...declined].sort());

    // Actor, forum and a year range narrow it further; every mark left matches them all.
    await form.locator("#tf-actor").selectOption("united-states");
    await form.locator("#tf-forum").selectOption("shangri-la-dialogue");
    await form.locator("#tf-from").selectOption("2019");
    await form.locator("#tf-to").selectOption("2024");
    const narrowed = await page.evaluate(() =>
      [...document.querySelectorAll("svg.timeline a.mark:not(.filtered-out), #timeline-list > li:not(.filtered-out)")].map((el) => ({ id: el.getAttribute("data-meeting"), style: el.getAttribute("data-style"), actors: el.getAttribute("data-actors")!.split(" "), forum: el.getAttribute("data-forum"), year: Number(el.getAttribute("data-year")) })),
    );
    expect(narrowed.length).toBeGreaterThan(0);
    for (const m of narrowed) {
      expect(m.style).toBe("declined");
      expect(m.actors).toContain("united-states");
      expect(m.forum).toBe("shangri-la-dialogue");
      expect(m.year).toBeGreaterThanOrEqual(2019);
      expect(m.year).toBeLessThanOrEqual(2024);
    }
    expect(narrowed.map((m) => m.id)).toContain("austin-li-shangfu-shangri-la-2023");
    const count = new Set(narrowed.map((m) => m.id)).size;
    await expect(page.locator("#timeline-count").textContent()).resolves.toBe(`${count} of ${all.length} meetings shown.`);
    // The address says what is shown, and the page was never reloaded.
    expect(new URL(page.url()).search).toBe("?status=declined&actor=united-states&forum=shangri-la-dialogue&from=2019&to=2024");
    await expect(page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(true);
    expect(loads).toBe(0);
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, "timeline-filtered.png") });

    // axe-core with the filters applied, on a wide screen and at 375 px.
    expect(await axeViolations(page, site.base)).toEqual([]);
    await page.setViewportSize(NARROW);
    expect(await axeViolations(page, site.base)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // "Show all" brings every meeting back, still without a reload.
    await form.locator('button[type="reset"]').click();
    await expect.poll(() => shown(page, "#timeline-list > li").then((l) => l.length)).toBe(all.length);
    expect(new URL(page.url()).search).toBe("");
    expect(loads).toBe(0);

    // Opened with the GET parameters (a shared link, or the form submitted before the script ran).
    await page.goto(`${site.base}/timeline.html?status=declined&status=cancelled&from=2023`);
    await expect(page.locator('#timeline-filters input[value="held"]').isChecked()).resolves.toBe(false);
    await expect(page.locator('#timeline-filters input[value="cancelled"]').isChecked()).resolves.toBe(true);
    await expect(page.locator("#tf-from").inputValue()).resolves.toBe("2023");
    const linked = await page.evaluate(() => [...document.querySelectorAll("#timeline-list > li:not(.filtered-out)")].map((el) => [el.getAttribute("data-style"), Number(el.getAttribute("data-year"))] as const));
    expect(linked.length).toBeGreaterThan(0);
    for (const [style, year] of linked) {
      expect(["declined", "cancelled"]).toContain(style);
      expect(year).toBeGreaterThanOrEqual(2023);
    }
    expect(site.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("from the keyboard alone: Tab and Space/Enter operate the filters, Tab reaches every mark with a visible focus, Enter opens one", async () => {
    site.problems.length = 0;
    const page = await site.open(`${site.base}/timeline.html`);
    const active = (): Promise<{ tag: string; name: string; value: string; cls: string; meeting: string; inPairs: boolean }> =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return { tag: el.tagName.toLowerCase(), name: el.getAttribute("name") ?? "", value: (el as HTMLInputElement).value ?? "", cls: el.getAttribute("class") ?? "", meeting: el.getAttribute("data-meeting") ?? "", inPairs: !!el.closest("#timeline-pairs") };
      });
    const focusables = await page.evaluate(() => document.querySelectorAll("a[href], button, input, select, summary, [tabindex]").length);
    /** Presses Tab until `done` holds for the focused element; fails after as many presses as the page has focusable elements. */
    async function tabUntil(done: (a: Awaited<ReturnType<typeof active>>) => boolean): Promise<Awaited<ReturnType<typeof active>>> {
      for (let i = 0; i <= focusables; i++) {
        await page.keyboard.press("Tab");
        const a = await active();
        if (done(a)) return a;
      }
      throw new Error("Tab never reached the element");
    }
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.locator("body").focus();

    // Status: Space unticks "held"; the forum's select takes a value from the keyboard; Enter on "Apply" applies.
    await tabUntil((a) => a.name === "status" && a.value === "held");
    await page.keyboard.press("Space");
    await expect(page.locator('#timeline-filters input[value="held"]').isChecked()).resolves.toBe(false);
    await tabUntil((a) => a.name === "forum");
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("#tf-forum").inputValue()).resolves.toBe("none");
    await page.keyboard.press("ArrowUp");
    await expect(page.locator("#tf-forum").inputValue()).resolves.toBe("");
    await tabUntil((a) => a.tag === "button" && a.cls === "");
    await page.keyboard.press("Enter");
    // Applied in place: the page was not reloaded.
    await expect(page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(true);
    expect(new URL(page.url()).search).toBe("?status=brief-encounter&status=declined&status=cancelled&status=postponed&status=proposed&status=no-response");
    const visible = await shown(page, "#timeline-pairs a.mark");
    expect(visible.length).toBeGreaterThan(0);
    const allMarks = await page.locator("#timeline-pairs a.mark").count();
    expect(visible.length).toBeLessThan(allMarks);

    // Tab walks through every shown mark of the first picture, once each, and past none that is hidden.
    let a = await tabUntil((x) => x.cls.startsWith("mark") && x.inPairs);
    const reached: string[] = [];
    while (a.inPairs) {
      if (a.cls.startsWith("mark")) {
        reached.push(a.meeting);
        // The focused mark shows it: its ring is drawn.
        const ring = await page.evaluate(() => {
          const hit = document.activeElement?.querySelector(".hit");
          return hit ? getComputedStyle(hit).strokeWidth : "no ring";
        });
        expect(ring).toBe("3px");
      }
      await page.keyboard.press("Tab");
      a = await active();
    }
    expect([...reached].sort()).toEqual([...visible].sort());

    // Shift+Tab back onto a mark, and Enter opens its meeting.
    let back = await active();
    while (!back.cls.startsWith("mark")) {
      await page.keyboard.press("Shift+Tab");
      back = await active();
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`meetings/${back.meeting}\\.html$`));
    expect(site.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("as rendered with the real font, no two marks of a picture overlap and no two edition labels meet", async () => {
    site.problems.length = 0;
    const page = await site.open(`${site.base}/timeline.html`);
    const overlaps = await page.evaluate(() => {
      type R = { name: string; r: DOMRect };
      const meet = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const pairs = (items: R[]): string[] => items.flatMap((a, i) => items.slice(i + 1).filter((b) => meet(a.r, b.r)).map((b) => `${a.name} × ${b.name}`));
      return [...document.querySelectorAll("svg.timeline")].flatMap((svg) => [
        ...pairs([...svg.querySelectorAll("a.mark > :not(title):not(.hit):not(text)")].map((el) => ({ name: `mark ${el.parentElement!.getAttribute("data-meeting")}`, r: el.getBoundingClientRect() }))),
        ...pairs([...svg.querySelectorAll("text.edition-label, text.year, text.mark-number, text.lane-label, text.band-label")].map((el) => ({ name: `${el.getAttribute("class")} ${el.textContent}`, r: el.getBoundingClientRect() }))),
      ]);
    });
    expect(overlaps).toEqual([]);
    expect(site.problems).toEqual([]);
    await page.close();
  }, 60_000);
});
