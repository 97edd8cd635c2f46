/**
 * The publishers registry, `data/publishers.yaml`: who publishes at which web host, what kind of
 * publisher it is, and which hosts are blocked. Read with the same safe loader as records, checked
 * against `schemas/publishers.schema.json`; the source checks and the quality report look hosts up in it.
 */
import path from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { REGISTRY_CODES } from "../codes.ts";
import { escapeSegment } from "../json-pointer.ts";
import { decodeRecordBytes, readRecordFile } from "../load/read-file.ts";
import { parseRecordText } from "../load/load-record.ts";
import { schemaDiagnostics, type Locate } from "../check/schema-check.ts";
import { PUBLISHERS_SCHEMA, type SchemaSet } from "../schemas.ts";
import { plainUrlHost } from "../url-host.ts";

/** The registry's file name, directly under `data/`. */
export const PUBLISHERS_FILE = "publishers.yaml";

export const PUBLISHER_KINDS = ["official", "intergovernmental", "news-agency", "newspaper", "broadcaster", "think-tank", "reference", "aggregator"] as const;
export type PublisherKind = (typeof PUBLISHER_KINDS)[number];

export interface Publisher {
  /** The registered host (without `www.`). */
  host: string;
  publisher: string;
  aliases: readonly string[];
  kind: PublisherKind;
  blocked: boolean;
  note?: string;
}

export interface PublisherRegistry {
  /** Where the registry was read from (relative to the root), or undefined when there is none. */
  file: string | undefined;
  hosts: ReadonlyMap<string, Publisher>;
}

export const EMPTY_REGISTRY: PublisherRegistry = { file: undefined, hosts: new Map() };

/** A URL's host in lower case without a leading `www.`, or undefined when it does not parse. */
export function hostOf(url: string): string | undefined {
  try {
    return (plainUrlHost(url) ?? new URL(url).hostname).toLowerCase().replace(/^www\./, "").replace(/\.$/, "") || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each registry's answers by URL: five dataset checks ask about every source's URL, and parsing a URL
 * cost more than the rest of those checks together. One entry per distinct URL of the run.
 */
const answers = new WeakMap<PublisherRegistry, Map<string, Publisher | null>>();

/** The registry entry for a URL: its host or the nearest parent domain registered. */
export function publisherOf(registry: PublisherRegistry, url: unknown): Publisher | undefined {
  if (typeof url !== "string" || registry.hosts.size === 0) return undefined;
  let known = answers.get(registry);
  if (!known) answers.set(registry, (known = new Map()));
  const answer = known.get(url);
  if (answer !== undefined) return answer ?? undefined;
  const found = lookUp(registry, url);
  known.set(url, found ?? null);
  return found;
}

function lookUp(registry: PublisherRegistry, url: string): Publisher | undefined {
  let host = hostOf(url);
  while (host) {
    const entry = registry.hosts.get(host);
    if (entry) return entry;
    const dot = host.indexOf(".");
    host = dot === -1 ? undefined : host.slice(dot + 1);
    if (host && !host.includes(".")) return undefined;
  }
  return undefined;
}

/** Official pages: those of governments and of organisations of states. */
export function isOfficial(entry: Publisher | undefined): boolean {
  return entry?.kind === "official" || entry?.kind === "intergovernmental";
}

/**
 * Names normalized so far: a dataset names a few hundred publishers in many thousands of sources, and
 * PUB002 normalizes each source's `publisher`. Emptied when it grows past NAMES_KEPT.
 */
const normalized = new Map<string, string>();
const NAMES_KEPT = 10_000;

/** Publisher names compared loosely: case, punctuation, `the`, `U.S.`/`US`, and `&`/`and` do not matter. */
export function normalizeName(name: string): string {
  let out = normalized.get(name);
  if (out === undefined) {
    if (normalized.size >= NAMES_KEPT) normalized.clear();
    normalized.set(name, (out = normalizeAfresh(name)));
  }
  return out;
}

function normalizeAfresh(name: string): string {
  return ` ${name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\bu\.\s?s\.?(?=\s|$)/g, "us")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9.]+/g, " ")
    .replace(/\b(the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

/**
 * Whether a source's `publisher` text names the registered publisher: it contains the registered name,
 * one of its aliases or the host itself, as whole words.
 */
export function namesPublisher(text: string, entry: Publisher): boolean {
  const haystack = normalizeName(text);
  return needlesOf(entry).some((needle) => haystack.includes(needle));
}

const needles = new WeakMap<Publisher, string[]>();
/** An entry's names, normalized once: ` name ` for each non-empty one. */
function needlesOf(entry: Publisher): string[] {
  let list = needles.get(entry);
  if (!list) {
    list = [entry.publisher, ...entry.aliases, entry.host].map((name) => normalizeName(name).trim()).filter((n) => n.length > 0).map((n) => ` ${n} `);
    needles.set(entry, list);
  }
  return list;
}

/** The blocked entry a source's publisher text names when it has no URL (`sion5.com`, `exbulletin`). */
export function blockedNamedIn(registry: PublisherRegistry, text: string): Publisher | undefined {
  for (const entry of registry.hosts.values()) {
    if (!entry.blocked) continue;
    // The name under the top-level domain (`sion5` of sion5.com), when it is distinctive enough.
    const labels = entry.host.split(".");
    const label = normalizeName(labels[labels.length - 2] ?? "").trim();
    if (namesPublisher(text, entry) || (label.length >= 4 && normalizeName(text).includes(` ${label} `))) return entry;
  }
  return undefined;
}

export interface LoadedRegistry {
  registry: PublisherRegistry;
  diagnostics: Diagnostic[];
}

/**
 * Reads and checks the registry. Without the file the registry is empty (every host unknown); a file
 * that does not read, parse or pass its schema gives located diagnostics and an empty registry, so
 * that no check runs on half a registry.
 */
export function loadPublishers(root: string, dataDir: string, set: SchemaSet, content?: string | Uint8Array): LoadedRegistry {
  const abs = path.join(dataDir, PUBLISHERS_FILE);
  const file = path.relative(root, abs).split(path.sep).join("/");
  const read = content === undefined ? readRecordFile(file, abs) : decodeRecordBytes(file, typeof content === "string" ? new TextEncoder().encode(content) : content);
  if (!read.ok) return { registry: EMPTY_REGISTRY, diagnostics: [read.diagnostic] };
  // The fast path, as for records: positions only if a diagnostic needs one.
  const parsed = parseRecordText(file, read.text);
  if (!parsed.ok) return { registry: EMPTY_REGISTRY, diagnostics: parsed.diagnostics };
  const { data, locate } = parsed.parsed;
  const validate = set.publishersValidator;
  if (!validate) throw new Error(`schema ${PUBLISHERS_SCHEMA} is missing from ${set.dir}`);
  if (!validate(data)) {
    const problems = schemaDiagnostics(file, data, validate, locate, set.schemas, PUBLISHERS_SCHEMA);
    if (problems.length > 0) return { registry: EMPTY_REGISTRY, diagnostics: problems };
  }
  return { registry: registryFrom(file, data), diagnostics: outOfOrder(file, Object.keys(data.hosts as object), locate) };
}

/** PUB006: each host that sorts before the one above it (by code point), located at its key. */
function outOfOrder(file: string, hosts: readonly string[], locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 1; i < hosts.length; i++) {
    const host = hosts[i]!;
    if (hosts[i - 1]! <= host) continue;
    const next = hosts.find((h) => h > host)!;
    const at = locate(`/hosts/${escapeSegment(host)}`, { key: true });
    out.push({ file, line: at.line, col: at.col, severity: REGISTRY_CODES.PUB006.severity, code: "PUB006", message: `\`${host}\` comes after \`${hosts[i - 1]!}\`, out of alphabetical order`, tip: `move it to just before \`${next}\`` });
  }
  return out;
}

/** A registry from data that passed the registry's schema. */
export function registryFrom(file: string | undefined, data: Record<string, unknown>): PublisherRegistry {
  const hosts = new Map<string, Publisher>();
  for (const [host, value] of Object.entries(data.hosts as Record<string, Record<string, unknown>>)) {
    hosts.set(host, {
      host,
      publisher: value.publisher as string,
      aliases: (value.aliases as string[] | undefined) ?? [],
      kind: value.kind as PublisherKind,
      blocked: value.blocked === true,
      ...(typeof value.note === "string" ? { note: value.note } : {}),
    });
  }
  return { file, hosts };
}
