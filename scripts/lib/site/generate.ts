/**
 * The whole site as a map of files (path → content), from a release: pages, assets, the search index,
 * and a copy of the release files under download/ so that the site is complete on any static host.
 * Pure apart from reading the assets and the release files: the same release gives the same site.
 */
import fs from "node:fs";
import { QUALITY_FILE, type Quality } from "../quality/measure.ts";
import path from "node:path";
import { createRequire } from "node:module";
import { SITE_ASSETS_DIR } from "../paths.ts";
import type { Dataset } from "../types.generated.ts";
import type { PageContext } from "./layout.ts";
import { fileName, PAGE_FOLDERS, SiteModel, type PageType } from "./model.ts";
import type { Release } from "./read.ts";
import { renderActor } from "./render-actor.ts";
import { renderEdition, renderForum } from "./render-forum.ts";
import { renderHome } from "./render-home.ts";
import { renderIncident } from "./render-incident.ts";
import { renderMeeting } from "./render-meeting.ts";
import { renderSanction } from "./render-sanction.ts";
import { renderAtoZ, renderSearch } from "./render-search.ts";
import { renderTimelinePage } from "./render-timeline.ts";
import { renderTombstone } from "./render-tombstone.ts";
import { buildSearchIndex } from "./search-index.ts";
import { buildSearchShards, searchShardFiles } from "./search-shards.ts";
import { jsonText } from "../json-text.ts";
import { recordJsonPath } from "./record-links.ts";

const ASSETS_DIR = SITE_ASSETS_DIR;
export const ASSETS = ["site.css", "search.js", "search-terms.js", "timeline.js"] as const;

/** MiniSearch's browser build (MIT licence, kept in its header), served as assets/minisearch.js. */
// The package exports only its modules: its folder is found from the CommonJS entry (dist/cjs/index.cjs).
const MINISEARCH_DIR = path.resolve(path.dirname(createRequire(import.meta.url).resolve("minisearch")), "..", "..");
function minisearchAsset(): string {
  const licence = fs.readFileSync(path.join(MINISEARCH_DIR, "LICENSE.txt"), "utf8");
  const code = fs.readFileSync(path.join(MINISEARCH_DIR, "dist", "umd", "index.js"), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  return `/*! MiniSearch, https://github.com/lucaong/minisearch\n${licence.replace(/\*\//g, "* /")}*/\n${code}`;
}

/** Where the site offers the release's files. */
export const DOWNLOAD_PREFIX = "download/";

export type SiteFiles = Map<string, string | Buffer>;

export interface Downloads {
  /** SHA-256 by release path (manifest.json included). */
  sums: ReadonlyMap<string, string>;
  /** The bytes of each release file, by path (SHA256SUMS included). */
  files: ReadonlyMap<string, Buffer>;
}

/** Renders every page of the dataset; `downloads` adds the release files and their table on the home page. */
export function renderSite(dataset: Dataset, downloads: Downloads = { sums: new Map(), files: new Map() }, siteUrl?: string, repoUrl?: string): SiteFiles {
  return new Map(siteFiles(dataset, downloads, siteUrl, repoUrl));
}

/**
 * The files of the site one after another, each made when it is asked for: written as they come, the
 * pages of a large dataset never sit in memory all at once (at 100,000 records they come to gigabytes).
 */
export function* siteFiles(dataset: Dataset, downloads: Downloads = { sums: new Map(), files: new Map() }, siteUrl?: string, repoUrl?: string): Generator<[string, string | Buffer]> {
  const model = new SiteModel(dataset);
  const quality = downloads.files.get(QUALITY_FILE);
  if (quality) model.quality = JSON.parse(quality.toString("utf8")) as Quality;
  const written = new Set<string>();
  const put = (p: string, content: string | Buffer): [string, string | Buffer] => (written.add(p), [p, content]);
  const at = (p: string): PageContext => ({ model, path: p, ...(siteUrl ? { siteUrl } : {}), ...(repoUrl ? { repoUrl } : {}) });
  const pageOf = (id: string): string => model.targets.get(id)!.path;

  const sizes = new Map([...downloads.files].map(([rel, bytes]) => [rel, bytes.length]));
  yield put("index.html", renderHome(at("index.html"), downloads.sums, sizes));
  yield put("timeline.html", renderTimelinePage(at("timeline.html")));
  const index = buildSearchIndex(model);
  yield put("search.html", renderSearch(at("search.html"), index));
  yield put("search-index.json", `${jsonText(index, 1)}\n`);
  for (const [p, text] of searchShardFiles(buildSearchShards(index))) yield put(p, text);
  for (const [p, text] of renderAtoZ(at, index)) yield put(p, text);
  // Each record's own JSON, beside its page: the record as the release publishes it.
  const json = (id: string, record: unknown): [string, string] => [recordJsonPath(pageOf(id)), `${jsonText(record, 2)}\n`];
  for (const records of [dataset.actors, dataset.meetings, dataset.sanctions, dataset.incidents, dataset.forums]) for (const r of records) yield put(...json(r.id, r));
  for (const entry of model.editions.values()) yield put(...json(entry.edition.id, { forum: entry.forum.id, ...entry.edition }));
  for (const a of dataset.actors) yield put(pageOf(a.id), renderActor(at(pageOf(a.id)), a));
  for (const m of dataset.meetings) yield put(pageOf(m.id), renderMeeting(at(pageOf(m.id)), m));
  for (const s of dataset.sanctions) yield put(pageOf(s.id), renderSanction(at(pageOf(s.id)), s));
  for (const i of dataset.incidents) yield put(pageOf(i.id), renderIncident(at(pageOf(i.id)), i));
  for (const f of dataset.forums) yield put(pageOf(f.id), renderForum(at(pageOf(f.id)), f));
  for (const entry of model.editions.values()) yield put(pageOf(entry.edition.id), renderEdition(at(pageOf(entry.edition.id)), entry));
  for (const t of dataset.tombstones) {
    // A withdrawn id keeps a page at its old address, unless a live record has taken the id over.
    const p = `${PAGE_FOLDERS[t.type as PageType]}/${fileName(t.id)}.html`;
    if (!written.has(p)) yield put(p, renderTombstone(at(p), t));
  }
  for (const asset of ASSETS) yield put(`assets/${asset}`, fs.readFileSync(path.join(ASSETS_DIR, asset)));
  yield put("assets/minisearch.js", minisearchAsset());
  for (const [rel, bytes] of downloads.files) yield put(`${DOWNLOAD_PREFIX}${rel}`, bytes);
}

/** The site of a release read with readRelease(). */
export function siteOfRelease(release: Release, siteUrl?: string, repoUrl?: string): SiteFiles {
  return new Map(siteFilesOfRelease(release, siteUrl, repoUrl));
}

/** The files of the site of a release, one after another (see siteFiles). */
export function siteFilesOfRelease(release: Release, siteUrl?: string, repoUrl?: string): Generator<[string, string | Buffer]> {
  return siteFiles(release.dataset, { sums: release.sums, files: release.files }, siteUrl, repoUrl);
}
