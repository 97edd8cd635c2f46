/**
 * The frame every page shares: head, header with navigation and search, footer. Links are relative to
 * the page (`../actors/x.html`), so the site works from any folder of any static host and from disk.
 */
import { html, type Html, type Interpolation } from "./escape.ts";
import type { SiteModel } from "./model.ts";

export interface PageContext {
  model: SiteModel;
  /** This page's path from the site root, e.g. `actors/li-shangfu.html`. */
  path: string;
  /** Where the site is published (ending in `/`), for the stable URL in record citations; unknown when absent. */
  siteUrl?: string;
  /** The repository's web address (no trailing `/`), for edit and correction links; unknown when absent. */
  repoUrl?: string;
}

/** The relative address of `target` (a path from the site root) as seen from `ctx`'s page. */
export function href(ctx: PageContext, target: string): string {
  const depth = ctx.path.split("/").length - 1;
  return "../".repeat(depth) + target;
}

// Scripts and styles come only from the site itself; nothing inline, nothing from elsewhere.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

const NAV: readonly [string, string][] = [
  ["index.html", "Home"],
  ["timeline.html", "Timeline"],
  ["search.html", "All records"],
  ["index.html#downloads", "Downloads"],
];

export interface PageOptions {
  title: string;
  description?: string;
  body: Html;
  /** Script paths from the site root, loaded at the end of the body. */
  scripts?: string[];
}

export function page(ctx: PageContext, options: PageOptions): string {
  const meta = ctx.model.dataset.metadata;
  const commit = meta.source_commit === "unknown" ? "an uncommitted working tree" : `commit ${meta.source_commit.slice(0, 12)}`;
  const nav = NAV.map(([target, text]) => html`<li><a href="${href(ctx, target)}"${target === ctx.path ? html` aria-current="page"` : ""}>${text}</a></li>`);
  const scripts: Interpolation[] = (options.scripts ?? []).map((s) => html`<script src="${href(ctx, s)}" defer></script>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${options.title} · Sidelines</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ""}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${href(ctx, "assets/site.css")}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="${href(ctx, "index.html")}">Sidelines</a>
<nav aria-label="Site"><ul>${nav}</ul></nav>
<form class="site-search" role="search" aria-label="Site" action="${href(ctx, "search.html")}" method="get">
<label for="site-q">Search records</label>
<input id="site-q" type="search" name="q" placeholder="Names, aliases, titles" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="site">
<p>Sidelines ${meta.version}, released ${ctx.model.releaseDate || "on an unknown date"} from ${commit}. Data licence ${meta.license}, code licence ${meta.code_license}. These pages are generated from the release files; every fact on them comes from <a href="${href(ctx, "download/dataset.json")}">dataset.json</a>.</p>
</footer>
${scripts}
</body>
</html>
`.value;
}
