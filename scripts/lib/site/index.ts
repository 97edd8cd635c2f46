/**
 * `npm run site`, as a function: reads the release in `dist`, renders the site, and swaps it into
 * `out` (default `<dist>/site`). It holds the build's lock on `dist` throughout, so that a build running
 * at the same time cannot replace the release halfway through: the site always matches the release
 * it sits in. A later build replaces dist/ whole, site included; run this again after each build.
 */
import fs from "node:fs";
import path from "node:path";
import { recover, resolveRelease, withLock, workDir } from "../publish/atomic.ts";
import { DOWNLOAD_PREFIX, recordClaims, siteFilesOfRelease } from "./generate.ts";
import { readRelease, ReleaseError, type Release } from "./read.ts";
import { writeSiteAtomically } from "./write.ts";
import { renderInWorker, startRenderWorker } from "./render-worker.ts";
import { QUALITY_FILE } from "../quality/measure.ts";
import { repoBase, REPO_URL_ENV } from "./record-links.ts";
import { checkOutput, repositoryFolders } from "../output-guard.ts";
import { ROOT } from "../paths.ts";

export interface SiteOptions {
  /** The release folder (the build's output). */
  dist: string;
  /** Where the site goes; default `<dist>/site`. */
  out?: string;
  /** Where the site will be published, for the stable URLs in record citations; default SIDELINES_SITE_URL. */
  siteUrl?: string;
  /** The repository's web address, for edit and correction links; default SIDELINES_REPO_URL. */
  repoUrl?: string;
}

/** The environment variable the release workflow sets to the site's published address. */
export const SITE_URL_ENV = "SIDELINES_SITE_URL";

/** A published address as a base for page paths (ending in `/`), or undefined when none or not http(s). */
export function siteBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== "https:" && u.protocol !== "http:") return undefined;
    return u.href.endsWith("/") ? u.href : `${u.href}/`;
  } catch {
    return undefined;
  }
}

/**
 * The release file a site file is a copy of, if it is one: the site offers the release's files under
 * download/ as the very bytes read and checked against SHA256SUMS, so they are linked, not written again.
 */
function releaseFileOf(release: Release, rel: string, content: string | Buffer): string | undefined {
  if (!rel.startsWith(DOWNLOAD_PREFIX)) return undefined;
  const name = rel.slice(DOWNLOAD_PREFIX.length);
  return release.files.get(name) === content ? path.join(release.dir, name) : undefined;
}

export interface SiteResult {
  out: string;
  pages: number;
  files: number;
  bytes: number;
  /** Files of the replaced site kept as they were (see WriteOptions.previous). */
  kept: number;
  homeBytes: number;
}

export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const dist = path.resolve(options.dist);
  // The output is checked before anything is created: never the release it reads, the data or the repository.
  const out = checkOutput(options.out ?? path.join(dist, "site"), { kind: "site", protect: [{ path: dist, what: "the release it reads" }, ...repositoryFolders(ROOT, process.cwd())] });
  // Without a release or a build's leftovers there is nothing to lock: say so without creating anything.
  if (!fs.existsSync(dist) && !fs.existsSync(workDir(dist))) throw new ReleaseError(`${dist} does not exist: run \`npm run build\` first`);
  return withLock(dist, async () => {
    recover(dist); // puts back a release a killed build left aside, as the next build would
    const release = readRelease(resolveRelease(dist));
    const addresses = { siteUrl: siteBase(options.siteUrl ?? process.env[SITE_URL_ENV]), repoUrl: repoBase(options.repoUrl ?? process.env[REPO_URL_ENV]) };
    // With two cores, a worker makes the records' own pages and JSON while this thread makes the rest,
    // then this thread takes the records the worker has not yet claimed.
    const claims = recordClaims();
    const files = siteFilesOfRelease(release, addresses.siteUrl, addresses.repoUrl, { records: claims });
    const alongside = renderInWorker()
      ? (tmp: string, previous: string | undefined) => startRenderWorker(tmp, { dataset: release.files.get("dataset.json")!, quality: release.files.get(QUALITY_FILE), claims, addresses }, previous)
      : undefined;
    const written = await writeSiteAtomically(out, files, { sameAs: (rel, content) => releaseFileOf(release, rel, content), ...(alongside ? { alongside } : {}) });
    return { out, ...written, homeBytes: fs.statSync(path.join(out, "index.html")).size };
  });
}
