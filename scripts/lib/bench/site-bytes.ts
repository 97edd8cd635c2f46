/**
 * What a visitor downloads from a rendered site: a page with the styles and scripts it names, and a
 * first search — the search page with its scripts, then the term shards the query's words need and the
 * document shards of the first page of results, as assets/search.js loads them.
 */
import fs from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { searchTerms, type SearchDocument } from "../site/search-terms.ts";
import { readShardFile } from "../site/search-shards.ts";

/** Results listed at once by assets/search.js (its PAGE). */
export const RESULTS_PAGE = 20;

export interface Download {
  files: string[];
  bytes: number;
}

const size = (site: string, files: readonly string[]): number => files.reduce((n, f) => n + fs.statSync(path.join(site, f)).size, 0);

/** A page and the stylesheets and scripts it loads (paths from the site root). */
export function pageDownload(site: string, page: string): Download {
  const html = fs.readFileSync(path.join(site, page), "utf8");
  const refs = [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(page), m[1]!)));
  const files = [page, ...refs];
  return { files, bytes: size(site, files) };
}

export interface SearchDownload extends Download {
  /** The term and document shards alone. */
  shardBytes: number;
  results: number;
  /** The names of the first results, best first. */
  first: string[];
}

/** What a shard file holds. */
const runShard = (site: string, file: string): ReturnType<typeof readShardFile> => readShardFile(fs.readFileSync(path.join(site, file), "utf8"));

/** The files and bytes of a first search for `text` on the search page of the site in `site`. */
export function firstSearchDownload(site: string, text: string): SearchDownload {
  const page = pageDownload(site, "search.html");
  const meta = runShard(site, "search/meta.js").meta!;
  const q = searchTerms.query(text);
  if (!q) return { ...page, shardBytes: 0, results: 0, first: [] };
  const termFiles = searchTerms.shardsFor(q.terms, meta.keys).map((k) => `search/terms/${searchTerms.shardFile(k)}.js`);
  const merged = searchTerms.mergeShards(termFiles.map((f) => runShard(site, f).terms!));
  const hits = merged ? MiniSearch.loadJSON<SearchDocument>(JSON.stringify(merged), searchTerms.OPTIONS).search(q.tree) : [];
  const listed = hits.slice(0, RESULTS_PAGE).map((h) => h.id as number);
  const docFiles = [...new Set(listed.map((id) => `search/docs/${Math.floor(id / meta.docsPerShard)}.js`))];
  const docs = new Map(docFiles.map((f) => [f, runShard(site, f).docs!]));
  const first = listed.slice(0, 3).map((id) => docs.get(`search/docs/${Math.floor(id / meta.docsPerShard)}.js`)![id % meta.docsPerShard]!.name);
  const files = [...page.files, ...termFiles, ...docFiles];
  return { files, bytes: size(site, files), shardBytes: size(site, [...termFiles, ...docFiles]), results: hits.length, first };
}
