/** The whole site of the release: pages for every record, working links, a light home page, downloads. */
import "../loaded-machine.ts";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteOfRelease, type SiteFiles } from "../../scripts/lib/site/generate.ts";
import type { Release } from "../../scripts/lib/site/read.ts";
import { escapeHtml } from "../../scripts/lib/site/escape.ts";
import { brokenLinks, realRelease, removeTempDirs } from "./helpers.ts";

afterAll(removeTempDirs);

let release: Release;
let site: SiteFiles;
const page = (p: string): string => String(site.get(p));

beforeAll(async () => {
  release = await realRelease();
  site = siteOfRelease(release);
});

describe("the site of the release", () => {
  it("shows the sourcing figures on the home page and each record's sourcing as a badge, from quality.json", () => {
    const quality = JSON.parse(release.files.get("quality.json")!.toString("utf8")) as { overall: { citations: number }; records: Record<string, string> };
    expect(page("index.html")).toContain(`Sourcing: ${quality.overall.citations} citations:`);
    expect(page("index.html")).toContain('href="download/quality.json"');
    for (const [id, sourcing] of Object.entries(quality.records)) {
      const target = [`actors/${id}.html`, `meetings/${id}.html`, `sanctions/${id}.html`, `incidents/${id}.html`, `forums/${id}.html`].find((p) => site.has(p))!;
      expect(page(target), id).toContain(`<span class="sourcing sourcing-${sourcing}"`);
    }
  });

  it("marks a designation as such, with no measures", () => {
    const lsp = page("sanctions/us-caatsa-231-lsp-2017-rosoboronexport.html");
    expect(lsp).toContain('<p class="type">designation</p>');
    expect(lsp).toContain("None: this is a designation.");
  });

  it("has a page per actor, meeting, sanction, incident, forum and forum edition", () => {
    const d = release.dataset;
    for (const a of d.actors) expect(site.has(`actors/${a.id}.html`), a.id).toBe(true);
    for (const m of d.meetings) expect(site.has(`meetings/${m.id}.html`), m.id).toBe(true);
    for (const s of d.sanctions) expect(site.has(`sanctions/${s.id}.html`), s.id).toBe(true);
    for (const i of d.incidents) expect(site.has(`incidents/${i.id}.html`), i.id).toBe(true);
    for (const f of d.forums) {
      expect(site.has(`forums/${f.id}.html`), f.id).toBe(true);
      for (const e of f.editions) expect(site.has(`editions/${e.id}.html`), e.id).toBe(true);
    }
    const editions = d.forums.reduce((n, f) => n + f.editions.length, 0);
    // Home, timeline and search, the A–Z list, and the records' pages.
    const aToZ = [...site.keys()].filter((f) => f.startsWith("a-z/"));
    expect(aToZ).toContain("a-z/l.html");
    expect([...site.keys()].filter((f) => f.endsWith(".html"))).toHaveLength(3 + aToZ.length + d.actors.length + d.meetings.length + d.sanctions.length + d.incidents.length + d.forums.length + editions);
  });

  it("every local link, script, stylesheet and fragment resolves, so the site works from disk and any host", () => {
    expect(brokenLinks(site)).toEqual([]);
    for (const [f, text] of site) if (f.endsWith(".html")) expect(String(text), f).not.toMatch(/\s(?:href|src|action)="\//);
  });

  it("every page is a whole document: language, title, one h1, a main region, a skip link", () => {
    for (const [f, text] of site) {
      if (!f.endsWith(".html")) continue;
      const html = String(text);
      expect(html, f).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html, f).toMatch(/<title>[^<]+ · Sidelines<\/title>/);
      expect(html.match(/<h1[\s>]/g), f).toHaveLength(1);
      expect(html.match(/<main id="main"/g), f).toHaveLength(1);
      expect(html, f).toContain('<a class="skip" href="#main">');
    }
  });

  it("the home page gives the release's citation (APA and BibTeX) and both licences, and links CITATION.cff", () => {
    const home = page("index.html");
    const meta = release.dataset.metadata;
    expect(home).toContain(escapeHtml(meta.citation.apa));
    expect(home).toContain(escapeHtml(meta.citation.bibtex));
    expect(home).toContain('href="download/CITATION.cff"');
    expect(home).toContain(`Data licence <a href="https://creativecommons.org/licenses/by/4.0/">${meta.license}</a>`);
    expect(home).toContain(`code licence ${meta.code_license}`);
  });

  it("every record page cites the record (APA and BibTeX by citation-js): authors, year, title, release version, and its stable URL where the site is published", () => {
    const meta = release.dataset.metadata;
    const year = meta.source_date.slice(0, 4);
    const m = release.dataset.meetings[0]!;
    const text = page(`meetings/${m.id}.html`);
    expect(text).toContain(`<p class="citation">The Sidelines contributors. (${year}). ${escapeHtml(m.title)} [Data set]. In ${escapeHtml(meta.title)} (${meta.version}). <code>meetings/${m.id}.html</code> on the site of this release</p>`);
    expect(text).toContain(`<pre class="bibtex"><code>@misc{sidelines_${m.id.replace(/[^a-z0-9]+/gi, "_")},`);
    expect(text).toContain(`\tyear = {${year}},`);
    expect(text).toContain(`\tnote = {Version ${meta.version}; record ${m.id}},`);
    for (const [f, text] of site) if (/^(actors|meetings|sanctions|incidents|forums|editions)\/.*\.html$/.test(f) && !release.dataset.tombstones.some((t) => f.endsWith(`/${t.id}.html`))) expect(String(text), f).toMatch(/id="cite-record"[^]*<pre class="bibtex"><code>@misc\{sidelines_/);
    const published = siteOfRelease(release, "https://example.org/sidelines/");
    const at = `https://example.org/sidelines/meetings/${m.id}.html`;
    expect(String(published.get(`meetings/${m.id}.html`))).toContain(`(${meta.version}). <a href="${at}">${at}</a></p>`);
    expect(String(published.get(`meetings/${m.id}.html`))).toContain(`\turl = {${at}},`);
  });

  it("every record page links its YAML file and the correction form (with the repository's address) and its own JSON, which is the published record", () => {
    const m = release.dataset.meetings[0]!;
    const text = page(`meetings/${m.id}.html`);
    expect(text).toContain(`The record is <code>data/meetings/${m.id}.yaml</code> in the repository`);
    expect(text).toContain(`<a class="record-json" href="../meetings/${m.id}.json"`);
    expect(JSON.parse(String(site.get(`meetings/${m.id}.json`)))).toEqual(m);
    const a = release.dataset.actors[0]!;
    expect(JSON.parse(String(site.get(`actors/${a.id}.json`)))).toEqual(a);
    const forum = release.dataset.forums.find((f) => f.editions.length > 0)!;
    const edition = forum.editions[0]!;
    expect(JSON.parse(String(site.get(`editions/${edition.id}.json`)))).toEqual({ forum: forum.id, ...edition });
    expect(page(`editions/${edition.id}.html`)).toContain(`<code>data/forums/${forum.id}.yaml</code>`);
    const linked = siteOfRelease(release, undefined, "https://github.com/example/sidelines");
    const withRepo = String(linked.get(`meetings/${m.id}.html`));
    expect(withRepo).toContain(`<a class="edit" href="https://github.com/example/sidelines/edit/main/data/meetings/${m.id}.yaml">`);
    expect(withRepo).toContain(`<a class="correction" href="https://github.com/example/sidelines/issues/new?template=report-correction.yml&amp;title=Correction%3A+${m.id}&amp;record=data%2Fmeetings%2F${m.id}.yaml">`);
    const home = String(linked.get("index.html"));
    const v = release.dataset.metadata.version;
    expect(home).toContain(`<a href="https://github.com/example/sidelines/releases/download/v${v}/sidelines-${v}.tar.gz"><code>sidelines-${v}.tar.gz</code></a>`);
    expect(home).toContain(`sidelines-${v}.zip`);
    expect(home).toContain("sha256sum -c --ignore-missing SHA256SUMS");
  });

  it("is reproducible: the same release gives the same site", () => {
    const again = siteOfRelease(release);
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [f, content] of again) expect(Buffer.from(content).equals(Buffer.from(site.get(f)!)), f).toBe(true);
  });

  it("the link check is live: it reports a missing page and a missing fragment", () => {
    const copy = new Map(site);
    copy.set("actors/x.html", '<a href="../actors/nope.html">x</a><a href="../actors/li-shangfu.html#nope">y</a><a href="#here">z</a><p id="here"></p>');
    expect(brokenLinks(copy)).toEqual(["actors/x.html: ../actors/nope.html", "actors/x.html: ../actors/li-shangfu.html#nope (no such id)"]);
  });

  it("keeps the home page under 200 KB with everything it loads", () => {
    const home = page("index.html");
    const loads = [...home.matchAll(/<(?:link|script|img)\b[^>]*\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(loads).toEqual(["data:,", "assets/site.css"]);
    const bytes = Buffer.byteLength(home) + (site.get("assets/site.css") as Buffer).length;
    expect(bytes).toBeLessThan(200 * 1024);
  });

  it("says on the home page what the release is: counts, version, date, downloads with checksums", () => {
    const home = page("index.html");
    const { metadata } = release.dataset;
    expect(home).toContain(`Release <strong>${metadata.version}</strong>`);
    expect(home).toContain(metadata.source_date.slice(0, 10));
    expect(home).toContain(`<strong>${metadata.record_counts.actor}</strong> actors`);
    expect(home).toContain(`<strong>${metadata.record_counts.meeting}</strong> meetings`);
    expect(home).toContain(`<a href="download/dataset.json">dataset.json</a>`);
    expect(home).toContain(`<code class="hash">${release.sums.get("dataset.json")}</code>`);
    expect(home).toContain(`<code class="hash">${release.sums.get("csv/meetings.csv")}</code>`);
  });

  it("offers the release files byte for byte, so their SHA256SUMS still checks out", () => {
    const sha = (b: Buffer): string => crypto.createHash("sha256").update(b).digest("hex");
    for (const [rel, hash] of release.sums) expect(sha(site.get(`download/${rel}`) as Buffer), rel).toBe(hash);
    expect(site.has("download/SHA256SUMS")).toBe(true);
  });

  it("Li Shangfu's page has his native name, positions, the 2018 sanction and the declined 2023 meeting", () => {
    const li = page("actors/li-shangfu.html");
    expect(li).toContain('<span lang="zh-Hans">李尚福</span>');
    expect(li).toContain("Minister of National Defense");
    const received = li.slice(li.indexOf('id="received-h"'));
    expect(received).toMatch(/<a href="\.\.\/sanctions\/us-caatsa-231-2018-edd-li-shangfu\.html">[^<]+<\/a>.*<time datetime="2018-09-20">/s);
    const meetings = li.slice(li.indexOf('id="meetings-h"'), li.indexOf('id="received-h"'));
    expect(meetings).toMatch(/2023-06-02.*<a href="\.\.\/meetings\/austin-li-shangfu-shangri-la-2023\.html">.*status-declined/s);
  });

  it("the declined meeting's page gives the reason, the sanction cited, and cites its sources with quotes", () => {
    const m = page("meetings/austin-li-shangfu-shangri-la-2023.html");
    // The words come from the record, so that a correction of the data does not break the test.
    const record = release.dataset.meetings.find((x) => x.id === "austin-li-shangfu-shangri-la-2023")!;
    const declined = record.status_history.find((h) => h.status === "declined")!;
    const source = record.sources.find((s) => s.key === declined.source)!;
    expect(declined.reason).toBeTruthy();
    expect(m).toContain(`<strong>Reason given:</strong> ${escapeHtml(declined.reason!.split(/(?<=\.) /)[0]!)}`);
    expect(m).toMatch(/<strong>Sanction cited:<\/strong> <a href="\.\.\/sanctions\/us-caatsa-231-2018-edd-li-shangfu\.html">/);
    expect(m).toContain(`<a class="cite" href="#source-${source.key}">[${escapeHtml(source.publisher)}]</a>`);
    expect(m).toContain(`<li id="source-${source.key}">`);
  });

  it("disputed facts show every claim, linked from the fact", () => {
    const withClaims = release.dataset.meetings.find((m) => m.claims.length > 0)!;
    const p = page(`meetings/${withClaims.id}.html`);
    const field = withClaims.claims[0]!.field;
    expect(p).toContain(`id="disputed-${field.replace(/[^A-Za-z0-9_-]+/g, "-")}"`);
    for (const c of withClaims.claims.filter((x) => x.field === field)) expect(p).toContain(`says <strong>${String(c.value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}</strong>`);
  });

  it("the timeline page has a mark for every dated meeting and a text alternative", () => {
    const t = page("timeline.html");
    const pairs = t.slice(t.indexOf('id="timeline-pairs"'), t.indexOf("</svg>", t.indexOf('id="timeline-pairs"')));
    const marked = [...pairs.matchAll(/data-meeting="([^"]+)"/g)].map((m) => m[1]);
    expect(marked).toContain("austin-li-shangfu-shangri-la-2023");
    expect(new Set(marked).size).toBe(marked.length);
    expect(t).toContain("The timeline as text");
    expect(pairs).toMatch(/<desc id="timeline-pairs-desc">[^<]*Proposed Austin–Li Shangfu meeting at the 2023 Shangri-La Dialogue \(declined\)/);
  });
});

describe("dates and places told right", () => {
  let release: Release;
  let files: SiteFiles;
  const page = (p: string): string => files.get(p)!.toString();
  beforeAll(async () => {
    release = await realRelease();
    files = siteOfRelease(release);
  }, 180_000);
  afterAll(removeTempDirs);

  it("a meeting that did not happen is dated by its last status change, with the planned date beside it", () => {
    const m = release.dataset.meetings.find((x) => x.id === "austin-li-shangfu-shangri-la-2023")!;
    const last = m.status_history.at(-1)!;
    const lede = /<p class="lede">(.*?)<\/p>/s.exec(page("meetings/austin-li-shangfu-shangri-la-2023.html"))![1]!;
    expect(lede).toContain(last.date);
    expect(lede).toMatch(/planned for <time[^>]*>2023-06-02<\/time>|planned for 2023-06-02/);
  });

  it("a held meeting is dated by when it happened", () => {
    const held = release.dataset.meetings.find((x) => x.status === "held" && x.date && x.status_history.length > 1);
    if (!held) return;
    const lede = /<p class="lede">(.*?)<\/p>/s.exec(page(`meetings/${held.id}.html`))![1]!;
    expect(lede).toContain(held.date!);
    expect(lede).not.toContain("planned for");
  });

  it("a city-state is not named twice", () => {
    const lede = /<p class="lede">(.*?)<\/p>/s.exec(page("meetings/austin-li-shangfu-shangri-la-2023.html"))![1]!;
    expect(lede).toContain("Singapore");
    expect(lede).not.toMatch(/Singapore, Singapore/);
  });

  it("an open-ended post reads 'in post (as of …)' when a source shows it held, 'end not known' otherwise", () => {
    const dong = page("actors/dong-jun.html");
    expect(dong).toMatch(/in post <span class="meta">\(as of .*2025-10-31/);
    const withUnknownEnd = release.dataset.actors.find((a) => a.positions.some((p) => !p.end && !p.held_as_of))!;
    expect(page(`actors/${withUnknownEnd.id}.html`)).toContain("end not known");
    for (const a of release.dataset.actors) expect(page(`actors/${a.id}.html`)).not.toMatch(/<td>—<\/td><td>/);
  });
});
