/**
 * A synthetic, seeded corpus for benchmarks: all record types in realistic proportions and sizes, with a
 * real reference graph (meetings name actors and forum editions, sanctions name actors, people hold
 * positions in bodies), so cross-record checks do real work. The same seed gives the same files.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { editorLine } from "../format/format-record.ts";
import type { RecordType } from "../record-types.ts";
import { RECORD_TYPES } from "../record-types.ts";

/** mulberry32: small, fast, good enough for reproducible test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "defence ministry security dialogue regional maritime strategic cooperation talks council summit forum naval border command staff joint exchange policy affairs delegation visit readout statement sanctions export control military diplomacy".split(" ");
const COUNTRIES = ["US", "CN", "SG", "RU", "JP", "IN", "AU", "VN", "KH", "TR", "GB", "FR", "DE", "KR", "ID", "MY", "PH", "TH", "NZ", "CA"];

export interface GeneratedCorpus {
  /** Relative paths (`data/<folder>/<id>.yaml`) to contents. */
  files: Map<string, string>;
  counts: Record<RecordType, number>;
}

/** Builds the corpus in memory. Proportions: 45% meetings, 44% actors, 10% sanctions, 1% forums. */
export function generateCorpus(total: number, seed = 1): GeneratedCorpus {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const title = (n: number): string => {
    const w = words(n);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const day = (yearFrom: number, span: number): string => {
    const y = yearFrom + Math.floor(r() * span);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  const source = (i: number, date: string): Record<string, unknown> => ({
    key: `s${i}`,
    url: `https://news.example.org/${date.slice(0, 4)}/${Math.floor(r() * 1e9).toString(36)}/${words(3).replace(/ /g, "-")}`,
    title: title(7),
    publisher: `${title(2)} News`,
    published: date,
    ...(r() < 0.4 ? { quote: `${title(18)}.` } : {}),
  });
  const n = { forum: Math.max(1, Math.round(total * 0.01)), sanction: Math.round(total * 0.1), actor: 0, meeting: 0, tombstone: 0 };
  n.actor = Math.round(total * 0.44);
  n.meeting = total - n.forum - n.sanction - n.actor;
  const files = new Map<string, string>();
  const put = (type: RecordType, record: Record<string, unknown>): void => {
    // Dates are quoted so that ajv-cli, whose js-yaml 3 reads unquoted dates as timestamps, sees text.
    const text = stringify(record, { lineWidth: 0 }).replace(/: ((?:early |mid |late )?\d{4}-\d{2}(?:-\d{2})?)$/gm, ": '$1'");
    files.set(`data/${RECORD_TYPES[type].folder}/${String(record.id)}.yaml`, `${editorLine(type)}\n${text}`);
  };
  // Bodies first (a tenth of actors), then states, then people holding positions in bodies.
  const states = COUNTRIES.map((c) => `state-${c.toLowerCase()}`);
  const bodies: string[] = [];
  const people: Array<{ id: string; from: number }> = [];
  for (let i = 0; i < n.actor; i++) {
    if (i < states.length) {
      put("actor", { id: states[i]!, kind: "state", name: `State ${COUNTRIES[i]}`, country: COUNTRIES[i]!, sources: [source(1, day(2000, 5))] });
    } else if (i % 10 === 0) {
      const id = `body-${i}`;
      bodies.push(id);
      put("actor", { id, kind: pick(["government-body", "military-body", "organisation"] as const), name: `${title(3)} ${i}`, country: pick(COUNTRIES), founded: day(1950, 60), summary: `${title(25)}.`, sources: [source(1, day(2010, 14))] });
    } else {
      const id = `person-${i}`;
      // Careers start before the meetings do and run on without gaps, so the corpus is clean data.
      const start = 1998 + Math.floor(r() * 8);
      people.push({ id, from: start });
      const count = 1 + Math.floor(r() * 3);
      const positions = Array.from({ length: count }, (_, k) => ({
        title: title(3),
        organisation: bodies.length ? pick(bodies) : states[0]!,
        start: `${start + k * 4}-01-15`,
        ...(k < count - 1 ? { end: `${start + k * 4 + 4}-01-15`, end_reason: "term-ended" } : {}),
      }));
      put("actor", { id, kind: "person", name: `${title(2)} ${i}`, citizenship: [pick(COUNTRIES)], positions, sources: [source(1, day(2010, 14)), source(2, day(2010, 14))] });
    }
  }
  const editions: Array<{ id: string; start: string; end: string }> = [];
  for (let i = 0; i < n.forum; i++) {
    const id = `forum-${i}`;
    const eds = Array.from({ length: 12 }, (_, k) => {
      const y = 2010 + k;
      const e = { id: `${id}-${y}`, number: k + 1, status: "held", start: `${y}-06-02`, end: `${y}-06-04` };
      editions.push(e);
      return e;
    });
    put("forum", { id, name: `${title(2)} Dialogue ${i}`, organisers: [bodies.length ? pick(bodies) : states[0]!], track: 1, first_held: "2010", frequency: "annual", venue: { city: "Singapore", country: "SG" }, editions: eds, sources: [source(1, day(2015, 9))] });
  }
  const actorsOrState = people.length ? people : [{ id: states[0]!, from: 2000 }];
  for (let i = 0; i < n.sanction; i++) {
    const targets = [pick(actorsOrState).id, ...(r() < 0.3 ? [pick(bodies.length ? bodies : states)] : [])];
    put("sanction", {
      id: `sanction-${i}`,
      title: title(8),
      imposed_by: bodies.length ? pick(bodies) : states[0]!,
      on_behalf_of: pick(states),
      targets: [...new Set(targets)].map((actor) => ({ actor })),
      legal_basis: [{ instrument: "statute", citation: `Act §${100 + Math.floor(r() * 200)}` }],
      measures: [{ type: "asset-blocking" }, { type: "visa-ban" }],
      announced: day(2012, 10),
      status: "active",
      reason: `${title(20)}.`,
      sources: [source(1, day(2012, 12))],
    });
  }
  for (let i = 0; i < n.meeting; i++) {
    const a = pick(actorsOrState);
    const b = pick(actorsOrState);
    const onSidelines = editions.length > 0 && r() < 0.3;
    const ed = onSidelines ? pick(editions) : undefined;
    const date = ed ? ed.start : day(2016, 8);
    const held = r() < 0.8;
    put("meeting", {
      id: `meeting-${i}`,
      title: title(7),
      kind: pick(["meeting", "visit", "talks-round"] as const),
      status: held ? "held" : "declined",
      ...(held
        ? {}
        : { status_history: [{ status: "proposed", date: `early ${date.slice(0, 7)}`, by: a.id, channel: "statement" }, { status: "declined", date, by: b.id, channel: "statement", reason: `${title(12)}.` }] }),
      participants: [{ actor: a.id, role: "principal" }, ...(b.id !== a.id ? [{ actor: b.id, role: "principal" }] : [])],
      ...(held ? { date } : {}),
      location: { city: title(1), country: pick(COUNTRIES) },
      ...(ed ? { sidelines_of: ed.id } : {}),
      topics: [words(2)],
      summary: `${title(30)}.`,
      sources: [source(1, date), ...(r() < 0.5 ? [source(2, date)] : [])],
    });
  }
  return { files, counts: { actor: n.actor, sanction: n.sanction, incident: 0, meeting: n.meeting, forum: n.forum, tombstone: 0 } };
}

/** Writes the corpus under `root` (which must not exist yet or be empty). */
export function writeCorpus(root: string, corpus: GeneratedCorpus): void {
  for (const folder of new Set([...corpus.files.keys()].map((f) => path.dirname(f)))) fs.mkdirSync(path.join(root, folder), { recursive: true });
  for (const [rel, text] of corpus.files) fs.writeFileSync(path.join(root, rel), text);
}
