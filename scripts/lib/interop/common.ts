/**
 * What the three interoperability exports share: dates only where the record is certain of them, the
 * state an actor stands for, and source addresses. An export never invents a fact: a value that the
 * record does not give, or gives only as an estimate, is left out rather than guessed.
 */
import { parsePartialDate } from "../partial-date.ts";
import type { PublishedRecords } from "../publish/records.ts";

type Actor = PublishedRecords["actor"][number];

/**
 * A partial date as a plain ISO 8601 prefix (`2023`, `2023-05`, `2023-05-29`), or undefined when the
 * record gives only an estimate or a bound. `early`, `mid` and `late` stay within the period they
 * qualify, so the period itself is certain; `circa`, `before` and `after` are not.
 */
export function certainDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const d = parsePartialDate(text);
  if (!d || d.qualifier === "circa" || d.qualifier === "before" || d.qualifier === "after") return undefined;
  return text.replace(/^(early|mid|late) /, "");
}

/** The precision of a partial date (`year`, `month`, `day`) and its qualifier, if any. */
export function datePrecision(text: string | undefined): { precision?: string; qualifier?: string } {
  const d = text ? parsePartialDate(text) : undefined;
  return d ? { precision: d.precision, ...(d.qualifier ? { qualifier: d.qualifier } : {}) } : {};
}

/** The addresses of a record's sources, in the record's order, without repeats. */
export function sourceUrls(sources: ReadonlyArray<{ url?: string }>): string[] {
  return [...new Set(sources.flatMap((s) => (s.url ? [s.url] : [])))];
}

/** What the exports read of an actor they look up: a fraction of the record, so that an index of every actor stays small. */
export type IndexedActor = Pick<Actor, "id" | "name" | "kind" | "country" | "citizenship">;

/** Looks actors up by id, and tells which state each stands for when the record says so. Actors can be added one at a time, as a release is written. */
export class ActorIndex {
  readonly byId = new Map<string, IndexedActor>();
  private readonly stateByCountry = new Map<string, string>();

  constructor(actors: readonly Actor[] = []) {
    for (const a of actors) this.add(a);
  }

  add(a: Actor): void {
    this.byId.set(a.id, { id: a.id, name: a.name, kind: a.kind, country: a.country, citizenship: a.citizenship });
    if (a.kind === "state" && a.country) this.stateByCountry.set(a.country, a.id);
  }

  /** The state an actor stands for: itself if a state, else its `on_behalf_of`, else the state of its country (one citizenship only). */
  stateOf(actorId: string, onBehalfOf?: string): string | undefined {
    if (onBehalfOf) return onBehalfOf;
    const a = this.byId.get(actorId);
    if (!a) return undefined;
    if (a.kind === "state") return a.id;
    const country = a.country ?? (a.citizenship?.length === 1 ? a.citizenship[0] : undefined);
    return country ? this.stateByCountry.get(country) : undefined;
  }
}
