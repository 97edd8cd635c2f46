/**
 * Popolo (https://www.popoloproject.com): persons, organizations, posts and memberships, as one JSON
 * document in the shape Popolo tools exchange (`{ persons, organizations, posts, memberships }`). A post
 * is a title held in an organisation; a membership is one person's term in it, from a position of the
 * person's record.
 */
import { createHash } from "node:crypto";
import type { PublishedRecords } from "../publish/records.ts";
import { certainDate, sourceUrls } from "./common.ts";

type Json = Record<string, unknown>;

const short = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 16);
/** Popolo dates are ISO 8601 prefixes, like certain partial dates. */
const date = (key: string, text: string | undefined): Json => {
  const d = certainDate(text);
  return d ? { [key]: d } : {};
};
const names = (aliases: readonly string[] | undefined, native: ReadonlyArray<{ name: string; lang: string }> | undefined): Json => {
  const other = [...(aliases ?? []).map((name) => ({ name })), ...(native ?? []).map((n) => ({ name: n.name, note: `native name (${n.lang})` }))];
  return other.length ? { other_names: other } : {};
};
const identifiers = (ids: ReadonlyArray<{ scheme: string; value: string }> | undefined): Json => (ids?.length ? { identifiers: ids.map((i) => ({ scheme: i.scheme, identifier: i.value })) } : {});
const sources = (s: ReadonlyArray<{ url?: string }>): Json => {
  const urls = sourceUrls(s);
  return urls.length ? { sources: urls.map((url) => ({ url })) } : {};
};

export interface Popolo {
  persons: Json[];
  organizations: Json[];
  posts: Json[];
  memberships: Json[];
}

/** The sections of the document an actor adds items to (posts are gathered, once each, until the end). */
export type PopoloSection = "persons" | "organizations" | "memberships";

/**
 * The Popolo document, made actor by actor as a release is written: its items are kept, or handed to
 * `emit` as they are made (the release's writer keeps them on disk: popolo-file.ts).
 */
export class PopoloMaker {
  private readonly persons: Json[] = [];
  private readonly organizations: Json[] = [];
  private readonly posts = new Map<string, Json>();
  private readonly memberships: Json[] = [];

  constructor(private readonly emit: (section: PopoloSection, item: Json) => void = (section, item) => this[section].push(item)) {}

  actor(a: PublishedRecords["actor"][number]): void {
    const common = { id: a.id, name: a.name, ...names(a.aliases, a.native_names), ...identifiers(a.identifiers), ...sources(a.sources) };
    if (a.kind !== "person") {
      this.emit("organizations", { ...common, classification: a.kind, ...(a.parent ? { parent_id: a.parent } : {}), ...date("founding_date", a.founded), ...date("dissolution_date", a.dissolved) });
      return;
    }
    this.emit("persons", { ...common, ...date("birth_date", a.born), ...(a.summary ? { summary: a.summary } : {}) });
    (a.positions ?? []).forEach((p, i) => {
      const postId = `post-${short(`${p.organisation}\u0000${p.title}`)}`;
      if (!this.posts.has(postId)) this.posts.set(postId, { id: postId, label: p.title, organization_id: p.organisation });
      this.emit("memberships", {
        id: `${a.id}-position-${i}`,
        label: p.title,
        person_id: a.id,
        organization_id: p.organisation,
        post_id: postId,
        ...(p.on_behalf_of ? { on_behalf_of_id: p.on_behalf_of } : {}),
        ...date("start_date", p.start),
        ...date("end_date", p.end),
      });
    });
  }

  /** The posts, by id. */
  sortedPosts(): Json[] {
    const byId = (x: Json, y: Json): number => (String(x.id) < String(y.id) ? -1 : String(x.id) > String(y.id) ? 1 : 0);
    return [...this.posts.values()].sort(byId);
  }

  /** The document, when no `emit` was given. */
  result(): Popolo {
    return { persons: this.persons, organizations: this.organizations, posts: this.sortedPosts(), memberships: this.memberships };
  }
}

export function popolo(records: PublishedRecords): Popolo {
  const maker = new PopoloMaker();
  for (const a of records.actor) maker.actor(a);
  return maker.result();
}
