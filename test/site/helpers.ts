/**
 * Helpers for the site tests: the real release (dist/ when it holds a whole release, else the data
 * built into a temporary folder, so the tests also run before `npm run build`), a small hand-made
 * dataset for edge cases the build would refuse, and a link checker over a rendered site.
 */
import path from "node:path";
import { build } from "../../scripts/lib/publish/pipeline.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { readRelease, type Release } from "../../scripts/lib/site/read.ts";
import type { SiteFiles } from "../../scripts/lib/site/generate.ts";
import type { Dataset, PublishedActor, PublishedForum, PublishedMeeting, PublishedSanction, Source } from "../../scripts/lib/types.generated.ts";

import { removeTempDirs, tempDir } from "../temp-dirs.ts";

export { removeTempDirs, tempDir };

export const DIST = path.join(ROOT, "dist");

/** The release folder of the repository's data: dist/ if it holds a whole release, else a fresh build. */
export async function realReleaseDir(): Promise<string> {
  try {
    readRelease(DIST);
    return DIST;
  } catch {
    const out = path.join(tempDir("sidelines-site-release-"), "dist");
    await build({ root: ROOT, out, env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? "1700000000" } });
    return out;
  }
}

export async function realRelease(): Promise<Release> {
  return readRelease(await realReleaseDir());
}

const source = (key: string, url = `https://example.org/${key}`): Source => ({ key, url, publisher: `Publisher ${key}` });

export function actor(id: string, extra: Partial<PublishedActor> = {}): PublishedActor {
  return { id, kind: "person", name: id, native_names: [], aliases: [], citizenship: [], predecessors: [], successors: [], positions: [], memberships: [], identifiers: [], sources: [source("s")], claims: [], notes: [], unverified: [], meeting_ids: [], sanction_ids: [], ...extra };
}

export function meeting(id: string, extra: Partial<PublishedMeeting> = {}): PublishedMeeting {
  return { id, title: id, kind: "meeting", status: "held", status_history: [], participants: [{ actor: "a", role: "principal", on_behalf_of: "state-a" }, { actor: "b", role: "principal", on_behalf_of: "state-b" }], topics: [], readouts: [], identifiers: [], sources: [source("s")], claims: [], notes: [], unverified: [], cameo: null, participant_sanctioned: false, sanctioned_participants: [], ...extra };
}

export function sanction(id: string, extra: Partial<PublishedSanction> = {}): PublishedSanction {
  return { id, title: id, kind: "sanction", imposed_by: "state-a", on_behalf_of: "state-a", implemented_by: [], targets: [{ actor: "b" }], legal_basis: [{ instrument: "statute", citation: "Act §1" }], measures: [{ type: "visa-ban" }], lists: [], announced: "2020-01-15", status: "active", transactions: [], responses: [], identifiers: [], sources: [source("s")], claims: [], notes: [], unverified: [], ...extra };
}

export function forum(id: string, extra: Partial<PublishedForum> = {}): PublishedForum {
  return { id, name: id, native_names: [], aliases: [], organisers: ["state-a"], editions: [], identifiers: [], sources: [source("s")], claims: [], notes: [], unverified: [], ...extra };
}

/** A small dataset: two states, two people, meetings of every status group, one sanction, one forum. */
export function smallDataset(change: (d: Dataset) => void = () => undefined): Dataset {
  const d: Dataset = {
    metadata: { name: "sidelines", title: "Sidelines", version: "9.9.9", license: "CC-BY-4.0", code_license: "MIT", citation: { bibtex: "@misc{sidelines-9.9.9}", apa: "The Sidelines contributors. (2024). Sidelines (9.9.9) [Data set]." }, source_commit: "0123456789abcdef0123456789abcdef01234567", source_date: "2024-12-31T00:00:00Z", record_counts: { actor: 4, sanction: 1, incident: 0, meeting: 8, forum: 1, tombstone: 0 } },
    actors: [
      actor("a", { name: "Person A", citizenship: ["AA"] }),
      actor("b", { name: "Person B", citizenship: ["BB"], native_names: [{ name: "人乙", lang: "zh-Hans" }], aliases: ["B-alias"] }),
      actor("state-a", { kind: "state", name: "State A", country: "AA" }),
      actor("state-b", { kind: "state", name: "State B", country: "BB" }),
    ],
    sanctions: [sanction("sanction-1")],
    incidents: [],
    meetings: [
      meeting("m-held", { date: "2021-03-01" }),
      meeting("m-encounter", { kind: "brief-encounter", date: "2021-06-02" }),
      meeting("m-declined", { status: "declined", sidelines_of: "forum-1-2022", status_history: [{ status: "proposed", date: "2022-05", cameo: "036" }, { status: "declined", date: "2022-05-20", sanction: "sanction-1", reason: "Sanctions.", cameo: "125" }] }),
      meeting("m-cancelled", { status: "cancelled", status_history: [{ status: "cancelled", date: "2022-08-05", cameo: "125" }] }),
      meeting("m-postponed", { status: "postponed", date: "early 2023-04" }),
      meeting("m-proposed", { status: "proposed", date: "2023" }),
      meeting("m-no-response", { status: "no-response", date: "2023-09" }),
      meeting("m-undated", { status: "proposed" }),
    ],
    forums: [forum("forum-1", { name: "Forum One", aliases: ["F1"], editions: [{ id: "forum-1-2022", status: "held", start: "2022-06-01", end: "2022-06-03" }] })],
    tombstones: [],
  };
  // The derived lists, as the build would compute them for this small case.
  for (const a of d.actors) {
    a.meeting_ids = d.meetings.filter((m) => m.participants.some((p) => p.actor === a.id || p.on_behalf_of === a.id)).map((m) => m.id);
    a.sanction_ids = d.sanctions.filter((s) => s.on_behalf_of === a.id || s.imposed_by === a.id || s.targets.some((t) => t.actor === a.id)).map((s) => s.id);
  }
  change(d);
  return d;
}

/**
 * Every local link and script/style reference in the site's pages that does not resolve to a file
 * (or, for a fragment, to an element id on the target page). Outside links are skipped.
 */
export function brokenLinks(site: SiteFiles): string[] {
  const ids = new Map<string, Set<string>>();
  const text = (f: string): string => String(site.get(f));
  for (const f of site.keys()) if (f.endsWith(".html")) ids.set(f, new Set([...text(f).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  const broken: string[] = [];
  for (const f of ids.keys()) {
    for (const m of text(f).matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, "&");
      if (/^(?:https?:|data:)/.test(link)) continue;
      const [pathAndQuery, fragment] = link.split("#") as [string, string | undefined];
      const target = pathAndQuery.split("?")[0] ? path.posix.normalize(path.posix.join(path.posix.dirname(f), pathAndQuery.split("?")[0]!)) : f;
      if (!site.has(target)) broken.push(`${f}: ${link}`);
      else if (fragment && target.endsWith(".html") && !ids.get(target)?.has(fragment)) broken.push(`${f}: ${link} (no such id)`);
    }
  }
  return broken;
}
