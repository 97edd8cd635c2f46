/**
 * Record text never becomes markup and record links are only https:/http:. The build refuses such
 * data, so the renderer is fed a hand-made dataset with hostile strings in every kind of field.
 */
import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw, safeUrl } from "../../scripts/lib/site/escape.ts";
import { renderSite } from "../../scripts/lib/site/generate.ts";
import { smallDataset } from "./helpers.ts";

const SCRIPT = "<script>alert(1)</script>";

describe("escapeHtml and the html template", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("escapes interpolated values, arrays included, but not markup marked as generated", () => {
    expect(html`<p>${SCRIPT}</p>`.value).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(html`<p>${["<b>", html`<i>${"&"}</i>`]}</p>`.value).toBe("<p>&lt;b&gt;<i>&amp;</i></p>");
    expect(html`${raw("<br>")}${null}${undefined}${false}${0}`.value).toBe("<br>0");
  });
});

describe("safeUrl", () => {
  it.each(["https://example.org/a?b=c#d", "http://example.org/"])("allows %s", (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each(["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd", "//example.org/x", "/relative", "mailto:a@example.org", "", undefined])("refuses %s", (url) => {
    expect(safeUrl(url)).toBeUndefined();
  });
});

describe("a hostile dataset renders inert", () => {
  const site = renderSite(
    smallDataset((d) => {
      const b = d.actors.find((a) => a.id === "b")!;
      b.name = SCRIPT;
      b.aliases = [`"><img src=x onerror=alert(2)>`];
      b.native_names = [{ name: "<b>李</b>", lang: `zh"><script>alert(3)</script>` }];
      b.summary = `</p><script>alert(4)</script>`;
      b.sources = [{ key: "evil", url: "javascript:alert(5)", title: "Evil title <script>", publisher: "Evil publisher", quote: "</blockquote><script>alert(6)</script>" }];
      b.claims = [{ field: "name", value: "<svg onload=alert(7)>", source: "evil", note: "<script>alert(8)</script>" }];
      b.identifiers = [{ scheme: "wikidata", value: `Q1"><script>alert(9)</script>` }];
      const m = d.meetings.find((x) => x.id === "m-declined")!;
      m.title = `</title><script>alert(10)</script>`;
      m.readouts = [{ by: "a", url: "data:text/html,<script>alert(11)</script>", quote: "<script>alert(12)</script>" }];
      m.status_history[1]!.reason = "<script>alert(13)</script>";
      d.forums[0]!.sources = [{ publisher: "Forum publisher", url: "  javascript:alert(14)", title: "Forum source" }];
    }),
  );
  const pages = [...site].filter(([f]) => f.endsWith(".html")).map(([f, text]) => [f, String(text)] as const);
  const everything = [...site].map(([f, text]) => `${f}\n${String(text)}`).join("\n");

  it("renders every page", () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it("no page holds a script element other than the site's own external scripts", () => {
    for (const [f, text] of pages) {
      const scripts = [...text.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts.every((s) => /^<script src="(?:\.\.\/)*(?:assets\/(?:search|search-terms|minisearch|timeline)\.js|search\/meta\.js)" defer>$/.test(s)), `${f}: ${scripts.join(" ")}`).toBe(true);
    }
  });

  it("shows the hostile text escaped, as text", () => {
    const page = String(site.get("actors/b.html"));
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(page).toContain('lang="zh&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"');
    expect(page).toContain("&lt;svg onload=alert(7)&gt;");
    expect(page).not.toMatch(/<img|<svg onload|onerror=alert\(2\)>/);
    expect(String(site.get("meetings/m-declined.html"))).toContain("<title>&lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt; · Sidelines</title>");
    // The timeline draws the meeting too: its SVG title and aria-label are escaped as well.
    expect(String(site.get("timeline.html"))).toContain('aria-label="&lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt;');
  });

  it("links no javascript: or data: address, and still shows the source as text", () => {
    expect(everything.replaceAll(`<link rel="icon" href="data:,">`, "")).not.toMatch(/href="\s*(?:javascript|data|vbscript):/i);
    const page = String(site.get("actors/b.html"));
    expect(page).toContain("“Evil title &lt;script&gt;”, Evil publisher");
    expect(page).not.toContain("alert(5)");
    expect(String(site.get("meetings/m-declined.html"))).not.toContain("alert(11)");
    expect(String(site.get("meetings/m-declined.html"))).toContain("Readout by Person A");
    expect(String(site.get("forums/forum-1.html"))).not.toContain("alert(14)");
    // The identifier is linked, but its value is encoded into the address's path.
    expect(page).toContain('href="https://www.wikidata.org/wiki/Q1%22%3E%3Cscript%3Ealert(9)%3C%2Fscript%3E"');
  });

  it("keeps the search index inert inside its scripts", () => {
    const shards = [...site].filter(([f]) => f.startsWith("search/")).map(([, text]) => String(text));
    for (const js of shards) expect(js).not.toContain("<");
    expect(shards.join("\n")).toContain("\\u003cscript>alert(1)\\u003c/script>");
  });
});
