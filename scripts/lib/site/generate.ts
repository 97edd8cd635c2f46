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
 * A counter shared by the threads that make the records' files: each takes the next RECORD_CHUNK
 * records in turn (Atomics.add) until none are left, so a thread that finishes its other work early
 * takes more of them. Every record is made once, by whichever thread claimed it.
 */
export type RecordClaims = Int32Array;

/** How many records a thread claims at a time. */
export const RECORD_CHUNK = 64;

/** A fresh counter for threads to share (see RecordClaims). */
export const recordClaims = (): RecordClaims => new Int32Array(new SharedArrayBuffer(4));

/** Where a site is published and where its repository is, for the pages' links. */
export interface SiteAddresses {
  siteUrl?: string | undefined;
  repoUrl?: string | undefined;
}

/** The model the pages are made from: the dataset with the release's sourcing figures, when it has them. */
export function siteModel(dataset: Dataset, quality: Buffer | undefined): SiteModel {
  const model = new SiteModel(dataset);
  if (quality) model.quality = JSON.parse(quality.toString("utf8")) as Quality;
  return model;
}

const contextOf =
  (model: SiteModel, addresses: SiteAddresses) =>
  (p: string): PageContext => ({ model, path: p, ...(addresses.siteUrl ? { siteUrl: addresses.siteUrl } : {}), ...(addresses.repoUrl ? { repoUrl: addresses.repoUrl } : {}) });

/** One record's files, made on demand: its id, what its JSON holds, and its page. */
type RecordJob = readonly [id: string, record: unknown, render: (ctx: PageContext) => string];

/** Every record with a page, in a fixed order (the same on every thread, since each builds the same model). */
function recordJobs(model: SiteModel): RecordJob[] {
  const { dataset } = model;
  const jobs: RecordJob[] = [];
  for (const a of dataset.actors) jobs.push([a.id, a, (c) => renderActor(c, a)]);
  for (const m of dataset.meetings) jobs.push([m.id, m, (c) => renderMeeting(c, m)]);
  for (const s of dataset.sanctions) jobs.push([s.id, s, (c) => renderSanction(c, s)]);
  for (const i of dataset.incidents) jobs.push([i.id, i, (c) => renderIncident(c, i)]);
  for (const f of dataset.forums) jobs.push([f.id, f, (c) => renderForum(c, f)]);
  for (const entry of model.editions.values()) jobs.push([entry.edition.id, { forum: entry.forum.id, ...entry.edition }, (c) => renderEdition(c, entry)]);
  return jobs;
}

/**
 * The files of each record: its page and its own JSON beside it (the record as the release publishes it).
 * They depend on nothing but the model, so threads can share them: given `claims`, it makes only the
 * records it claims from the shared counter (see RecordClaims); without, all of them.
 */
export function* recordFiles(model: SiteModel, addresses: SiteAddresses = {}, claims: RecordClaims = recordClaims()): Generator<[string, string]> {
  const at = contextOf(model, addresses);
  const jobs = recordJobs(model);
  const claim = (): number => Atomics.add(claims, 0, 1) * RECORD_CHUNK;
  for (let start = claim(); start < jobs.length; start = claim()) {
    for (const [id, record, render] of jobs.slice(start, start + RECORD_CHUNK)) {
      const page = model.targets.get(id)!.path;
      yield [recordJsonPath(page), `${jsonText(record, 2)}\n`];
      yield [page, render(at(page))];
    }
  }
}

/**
 * The files of the site one after another, each made when it is asked for: written as they come, the
 * pages of a large dataset never sit in memory all at once (at 100,000 records they come to gigabytes).
 * The records' own files (recordFiles) come last; with `records`, a counter shared with other threads,
 * it makes only those it claims, so that a thread that is done with the rest joins in on them.
 */
export function* siteFiles(dataset: Dataset, downloads: Downloads = { sums: new Map(), files: new Map() }, siteUrl?: string, repoUrl?: string, options: { records?: RecordClaims } = {}): Generator<[string, string | Buffer]> {
  const model = siteModel(dataset, downloads.files.get(QUALITY_FILE));
  const addresses = { siteUrl, repoUrl };
  const at = contextOf(model, addresses);

  const sizes = new Map([...downloads.files].map(([rel, bytes]) => [rel, bytes.length]));
  yield ["index.html", renderHome(at("index.html"), downloads.sums, sizes)];
  yield ["timeline.html", renderTimelinePage(at("timeline.html"))];
  const index = buildSearchIndex(model);
  yield ["search.html", renderSearch(at("search.html"), index)];
  yield ["search-index.json", `${jsonText(index, 1)}\n`];
  for (const file of searchShardFiles(buildSearchShards(index))) yield file;
  for (const file of renderAtoZ(at, index)) yield file;
  // A withdrawn id keeps a page at its old address, unless a live record has taken the id over.
  const live = new Set([...model.targets.values()].map((t) => t.path));
  for (const t of dataset.tombstones) {
    const p = `${PAGE_FOLDERS[t.type as PageType]}/${fileName(t.id)}.html`;
    if (!live.has(p)) {
      live.add(p);
      yield [p, renderTombstone(at(p), t)];
    }
  }
  for (const asset of ASSETS) yield [`assets/${asset}`, fs.readFileSync(path.join(ASSETS_DIR, asset))];
  yield ["assets/minisearch.js", minisearchAsset()];
  for (const [rel, bytes] of downloads.files) yield [`${DOWNLOAD_PREFIX}${rel}`, bytes];
  yield* recordFiles(model, addresses, options.records);
}

/** The site of a release read with readRelease(). */
export function siteOfRelease(release: Release, siteUrl?: string, repoUrl?: string): SiteFiles {
  return new Map(siteFilesOfRelease(release, siteUrl, repoUrl));
}

/** The files of the site of a release, one after another (see siteFiles). */
export function siteFilesOfRelease(release: Release, siteUrl?: string, repoUrl?: string, options: { records?: RecordClaims } = {}): Generator<[string, string | Buffer]> {
  return siteFiles(release.dataset, { sums: release.sums, files: release.files }, siteUrl, repoUrl, options);
}
