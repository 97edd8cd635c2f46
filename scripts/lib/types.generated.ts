/**
 * Generated — do not edit; run `npm run types`.
 *
 * Types of the source records (schemas/*.schema.json) and of the published records (the public
 * schemas the build derives from them, scripts/lib/publish/public-schemas.ts). `npm run types -- --check`
 * fails when this file is out of date.
 */
/* eslint-disable */

/**
 * Any source record.
 */
export type SidelinesRecord = Actor | Sanction | Incident | Meeting | Forum | Tombstone;

/**
 * A person, state, government body, military body, organisation, international organisation or media outlet that takes part in diplomacy, imposes or receives sanctions, or reports on them. Stored as `data/actors/<id>.yaml`.
 */
export interface Actor {
  /**
   * The actor's id; equal to the file name.
   */
  id: RecordId;
  /**
   * What sort of actor this is.
   */
  kind: "person" | "state" | "government-body" | "military-body" | "organisation" | "international-organisation" | "media";
  /**
   * The name in English as most sources write it.
   */
  name: Text;
  /**
   * The name in its own language and script.
   */
  native_names?: NamesInOtherScripts;
  /**
   * Other names, abbreviations and spellings.
   */
  aliases?: Aliases;
  /**
   * For a state, its own code; for a body or organisation, the country it belongs to or is based in.
   */
  country?: CountryCode;
  /**
   * For a person: countries of citizenship.
   */
  citizenship?: CountryCode[];
  /**
   * For a person: date of birth.
   */
  born?: PartialDate;
  /**
   * For a person: place of birth.
   */
  birth_place?: Text;
  /**
   * For a body or organisation: the actor it is part of.
   */
  parent?: Reference;
  /**
   * For a body, organisation or state: when it was founded.
   */
  founded?: PartialDate;
  /**
   * For a body, organisation or state: when it ceased to exist.
   */
  dissolved?: PartialDate;
  /**
   * Actors this one succeeded, such as a department it replaced.
   */
  predecessors?: Reference[];
  /**
   * Actors that succeeded this one.
   */
  successors?: Reference[];
  /**
   * For a person: posts held over time, oldest first.
   */
  positions?: Position[];
  /**
   * For a state: the international organisations it is or was a member of, such as the European Union, oldest first. A sanction imposed on behalf of an organisation counts, for a meeting, as imposed on behalf of each state that was a member on the meeting's date (the derived `participant_sanctioned`).
   */
  memberships?: Membership[];
  /**
   * One or two sentences on who or what the actor is.
   */
  summary?: LongText;
  /**
   * Identifiers for this actor in other datasets.
   */
  identifiers?: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree.
   */
  claims?: Claims;
  /**
   * Editorial notes.
   */
  notes?: Notes;
  /**
   * Fields not verified against a cited source.
   */
  unverified?: UnverifiedFields;
}

/**
 * One sanctions action: an authority imposing measures on one or more targets under a legal basis. Stored as `data/sanctions/<id>.yaml`.
 */
export interface Sanction {
  /**
   * The sanction's id; equal to the file name.
   */
  id: RecordId;
  /**
   * A short title.
   */
  title: Text;
  /**
   * `sanction` (the default) when the action imposes measures on its targets; `designation` when it only places them on a list, such as the CAATSA §231 List of Specified Persons, which does not itself impose sanctions. A designation has `lists` and no `measures`; counts, the site and meetings' `participant_sanctioned` and `sanctioned_participants` consider only sanctions.
   */
  kind?: "sanction" | "designation";
  /**
   * The actor that decided the sanction (for CAATSA §231, the Secretary of State's department).
   */
  imposed_by: Reference;
  /**
   * The state (or international organisation) that imposes the sanction.
   */
  on_behalf_of: Reference;
  /**
   * Actors that carry out the measures, such as the office that adds names to a list.
   */
  implemented_by?: Reference[];
  /**
   * Who is sanctioned.
   *
   * @minItems 1
   */
  targets: Target[];
  /**
   * The statutes, executive orders and notices the sanction rests on.
   *
   * @minItems 1
   */
  legal_basis: LegalBasis[];
  /**
   * What the sanction does, measure by measure. Required for a sanction, with at least one measure; a designation has none.
   */
  measures?: Measure[];
  /**
   * Published lists the targets were added to.
   */
  lists?: Listing[];
  /**
   * When the sanction was announced.
   */
  announced: PartialDate;
  /**
   * When the targets were added to a list, if different.
   */
  listed?: PartialDate;
  /**
   * When the measures took effect, if different.
   */
  effective?: PartialDate;
  /**
   * When the sanction ended (lifted or expired).
   */
  ended?: PartialDate;
  /**
   * Whether the sanction is in force. `active` means in force as of `status_as_of`, as far as the sources show.
   */
  status: "active" | "lifted" | "expired" | "suspended" | "unknown";
  /**
   * The latest date at which a source shows the status.
   */
  status_as_of?: PartialDate;
  /**
   * The reason the imposing authority gave.
   */
  reason?: LongText;
  /**
   * The stated aim of the sanction.
   */
  objective?: LongText;
  /**
   * The dealings that triggered the sanction.
   */
  transactions?: Transaction[];
  /**
   * Meetings that were declined, cancelled or postponed in response to this sanction.
   */
  responses?: Reference[];
  /**
   * Identifiers for this action in other datasets.
   */
  identifiers?: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree.
   */
  claims?: Claims;
  /**
   * Editorial notes.
   */
  notes?: Notes;
  /**
   * Fields not verified against a cited source.
   */
  unverified?: UnverifiedFields;
}

/**
 * An act that a party cites as the cause of a refusal, postponement or cancellation: an arms sale, a visit, an incident, an exercise, a law, a statement or military activity. Stored as `data/incidents/<id>.yaml`; a meeting's status change points at it with `incidents`.
 */
export interface Incident {
  /**
   * The incident's id; equal to the file name.
   */
  id: RecordId;
  /**
   * What kind of act it was: `arms-sale` (an approved or notified sale of weapons), `visit` (an official's trip), `incident` (an event such as an interception or a balloon's overflight), `exercise` (military drills), `legislation` (a law or bill), `statement` (something said or published), `military-activity` (deployments, transits, patrols), `other`.
   */
  kind: "arms-sale" | "visit" | "incident" | "exercise" | "legislation" | "statement" | "military-activity" | "other";
  /**
   * A short title.
   */
  title: Text;
  /**
   * When it happened or began; for an arms sale, when it was approved or notified.
   */
  date: PartialDate;
  /**
   * The last day, for an act over several days.
   */
  end?: PartialDate;
  /**
   * Who was involved, each with a role.
   *
   * @minItems 1
   */
  actors: InvolvedActor[];
  /**
   * Where it happened.
   */
  location?: Place;
  /**
   * What happened, in a few sentences.
   */
  summary?: LongText;
  /**
   * Identifiers for this incident in other datasets.
   */
  identifiers?: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree.
   */
  claims?: Claims;
  /**
   * Editorial notes.
   */
  notes?: Notes;
  /**
   * Fields not verified against a cited source.
   */
  unverified?: UnverifiedFields;
}

/**
 * A meeting, call, visit, talks round or brief encounter between actors, whether it was held or only proposed, declined, postponed or cancelled. Stored as `data/meetings/<id>.yaml`.
 */
export interface Meeting {
  /**
   * The meeting's id; equal to the file name.
   */
  id: RecordId;
  /**
   * A short title.
   */
  title: Text;
  /**
   * The form of the contact: `meeting` in person, `call` by telephone, `video-call`, `brief-encounter` (a handshake or a few words, not a substantive exchange), `visit` (one side travels to the other), `talks-round` (a session of a standing dialogue).
   */
  kind: "meeting" | "call" | "video-call" | "brief-encounter" | "visit" | "talks-round";
  /**
   * Where the meeting stands now: the last entry of `status_history`, when there is one.
   */
  status: "proposed" | "invited" | "accepted" | "declined" | "no-response" | "postponed" | "cancelled" | "held";
  /**
   * How the meeting came to its status, oldest first: who proposed it, who accepted, declined or cancelled, when, how and why.
   */
  status_history?: StatusChange[];
  /**
   * The actors who took part or were to take part.
   *
   * @minItems 1
   */
  participants: Participant[];
  /**
   * When the meeting took place or was to take place; the first day if it ran over several.
   */
  date?: PartialDate;
  /**
   * The last day, for a meeting over several days.
   */
  end?: PartialDate;
  /**
   * How long the meeting lasted, in minutes, as best supported; put other reports in `claims`.
   */
  duration_minutes?: number;
  /**
   * Where the meeting took place or was to take place.
   */
  location?: Place;
  /**
   * True when the participants were not in one place (a call or video call).
   */
  virtual?: boolean;
  /**
   * The forum edition on whose sidelines the meeting took place or was proposed.
   */
  sidelines_of?: Reference;
  /**
   * What was discussed or was to be discussed.
   */
  topics?: Text[];
  /**
   * Each side's official account of the meeting.
   */
  readouts?: Readout[];
  /**
   * What happened, in a few sentences.
   */
  summary?: LongText;
  /**
   * Identifiers for this meeting in other datasets.
   */
  identifiers?: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree.
   */
  claims?: Claims;
  /**
   * Editorial notes.
   */
  notes?: Notes;
  /**
   * Fields not verified against a cited source.
   */
  unverified?: UnverifiedFields;
}

/**
 * A recurring conference or standing dialogue, such as the Shangri-La Dialogue, with its editions. Stored as `data/forums/<id>.yaml`; each edition has its own id and can be referenced like a record.
 */
export interface Forum {
  /**
   * The forum's id; equal to the file name.
   */
  id: RecordId;
  /**
   * The forum's name in English.
   */
  name: Text;
  /**
   * The name in its own language and script.
   */
  native_names?: NamesInOtherScripts;
  /**
   * Other names and former names.
   */
  aliases?: Aliases;
  /**
   * The actors that organise or co-host the forum.
   *
   * @minItems 1
   */
  organisers: Reference[];
  /**
   * Diplomatic track: 1 for officials, 2 for non-officials, 1.5 for a mix.
   */
  track?: 1 | 1.5 | 2;
  /**
   * When the first edition was held.
   */
  first_held?: PartialDate;
  /**
   * How often the forum meets.
   */
  frequency?: "annual" | "biennial" | "triennial" | "irregular";
  /**
   * Where the forum is usually held.
   */
  venue?: Place;
  /**
   * The forum's editions, oldest first.
   */
  editions?: ForumEdition[];
  /**
   * What the forum is, in a few sentences.
   */
  summary?: LongText;
  /**
   * Identifiers for this forum in other datasets.
   */
  identifiers?: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree.
   */
  claims?: Claims;
  /**
   * Editorial notes.
   */
  notes?: Notes;
  /**
   * Fields not verified against a cited source.
   */
  unverified?: UnverifiedFields;
}

/**
 * What is left of a record that was renamed, split or removed, so that consumers holding the old id can follow it. Stored as `data/tombstones/<old-id>.yaml`.
 */
export interface Tombstone {
  /**
   * The id that is no longer used; equal to the file name.
   */
  id: RecordId;
  /**
   * The record type the id belonged to.
   */
  type: "actor" | "sanction" | "incident" | "meeting" | "forum";
  /**
   * `moved`: renamed to one id; `split`: divided into several; `removed`: withdrawn with no successor.
   */
  change: "moved" | "split" | "removed";
  /**
   * The id or ids that replace this one.
   */
  to?: Reference[];
  /**
   * When the change was made.
   */
  date: PartialDate;
  /**
   * Why the record was renamed, split or removed.
   */
  reason: LongText;
}

/**
 * A state's membership of an international organisation.
 */
export interface Membership {
  /**
   * The organisation.
   */
  organisation: Reference;
  /**
   * When the state became a member.
   */
  start: PartialDate;
  /**
   * When the state ceased to be a member; absent while it is one.
   */
  end?: PartialDate;
  /**
   * The `key` of the record source that gives the membership and its dates.
   */
  source: SourceKey;
}

/**
 * A post a person held in an organisation.
 */
export interface Position {
  /**
   * The post's title.
   */
  title: Text;
  /**
   * The actor in which the post is held.
   */
  organisation: Reference;
  /**
   * The state the post represents, where it is not obvious from the organisation (for example an ambassador).
   */
  on_behalf_of?: Reference;
  /**
   * When the person took up the post.
   */
  start: PartialDate;
  /**
   * When the person left the post. Absent while the post is held or when the end is not known: `held_as_of` tells the two apart.
   */
  end?: PartialDate;
  /**
   * The latest date on which a cited source shows the person still in the post. Only for a post without `end`: with it, the post reads "in post (as of …)"; without it, "end not known".
   */
  held_as_of?: PartialDate;
  /**
   * Why the person left the post.
   */
  end_reason?: "term-ended" | "succeeded" | "resigned" | "removed" | "expelled" | "died" | "reassigned" | "unknown";
  /**
   * The body that made the appointment.
   */
  appointed_by?: Reference;
  /**
   * Context, such as how the appointment was made.
   */
  note?: LongText;
}

/**
 * Stable, human-readable slug: lowercase ASCII letters and digits in words joined by single hyphens. Equal to the file name without `.yaml`, so it must be a portable file name: not a Windows device name (`con`, `prn`, `aux`, `nul`, `com1`–`com9`, `lpt1`–`lpt9`).
 */
export type RecordId = string;

/**
 * The id of another record (or of a forum edition). The validator checks that it exists and has the right type.
 */
export type Reference = string;

/**
 * An ISO 8601 calendar date at year, month or day precision (`2023`, `2023-05`, `2023-05-29`), optionally preceded by one qualifier word (`early`, `mid`, `late`, `circa`, `before`, `after`) and a space. Quote a bare year (`'2023'`) so YAML reads it as text. The validator checks that the date exists in the calendar.
 */
export type PartialDate = string;

/**
 * ISO 3166-1 alpha-2 country code in upper case. The validator checks that the code is assigned.
 */
export type CountryCode = string;

/**
 * A non-empty line of plain text without leading or trailing spaces.
 */
export type Text = string;

/**
 * Free text of one or more paragraphs.
 */
export type LongText = string;

/**
 * An absolute `https:` or `http:` URL.
 */
export type WebAddress = string;

/**
 * A BCP 47 language tag, such as `zh-Hans` for Chinese in simplified script.
 */
export type LanguageTag = string;

/**
 * A published document that supports the record.
 */
export interface Source {
  /**
   * A short name for the source, unique within the record, by which claims and status changes cite it.
   */
  key?: SourceKey;
  /**
   * Where the document can be read. Prefer the primary publisher; a mirror is allowed when marked with `basis: secondary`. Give it, and `published`, whenever they are known; a source known only by its publisher is a weak citation.
   */
  url?: WebAddress;
  /**
   * The document's title or headline as published, when known.
   */
  title?: Text;
  /**
   * Who published the document (outlet, agency or government body).
   */
  publisher: Text;
  /**
   * When the document was published.
   */
  published?: PartialDate;
  /**
   * A short passage quoted from the document that supports the record.
   */
  quote?: LongText;
  /**
   * Whom the document attributes its information to when it is not on the record.
   */
  attribution?: Text;
  /**
   * How the source was consulted: `primary` when the document is the original record of what it reports, read where its author published it (an official statement, notice, readout or biography on the issuing body's own site); `seen` when the document itself was read (a news report on its publisher's site); `secondary` when only a mirror, syndication or summary was read (re-cite the original when found). A page on an `official` or `intergovernmental` host of `data/publishers.yaml` is `primary`.
   */
  basis?: "primary" | "seen" | "secondary";
  /**
   * Language of the document, when not English.
   */
  language?: LanguageTag;
}

/**
 * The `key` of one of the record's sources.
 */
export type SourceKey = string;

/**
 * The documents that support this record. At least one.
 *
 * @minItems 1
 * @maxItems 50
 */
export type Sources = Source[];

/**
 * An identifier for the same thing in another dataset.
 */
export interface ExternalIdentifier {
  /**
   * The dataset or register that issued the identifier.
   */
  scheme: "wikidata" | "ofac" | "opensanctions" | "federal-register" | "un" | "eu" | "other";
  /**
   * The identifier as the scheme writes it.
   */
  value: Text;
}

/**
 * Identifiers for this record in other datasets.
 */
export type ExternalIdentifiers = ExternalIdentifier[];

/**
 * What one source says about one field, used when sources disagree. The record's own field holds the value the editors judge best supported.
 */
export interface Claim {
  /**
   * The field the claim is about, as a path of keys and list indexes joined by `/`.
   */
  field: Text;
  /**
   * The value this source gives.
   */
  value: string | number | boolean;
  /**
   * The `key` of the record source that makes this claim.
   */
  source: SourceKey;
  /**
   * The source's own words for this value. Required (check `SRC007`) when the claims about a field disagree.
   */
  quote?: LongText;
  /**
   * Context, such as the source's exact wording.
   */
  note?: LongText;
}

/**
 * Per-field claims from individual sources, recorded where sources disagree.
 */
export type Claims = Claim[];

/**
 * An editorial note, optionally about one field.
 */
export interface Note {
  /**
   * The field the note is about, as a path of keys and list indexes joined by `/`.
   */
  field?: Text;
  /**
   * The note.
   */
  text: LongText;
}

/**
 * Editorial notes on the record or on single fields.
 */
export type Notes = Note[];

/**
 * Fields whose values rest on recall or inference and were not read in a cited source, as paths of keys and list indexes joined by `/`. Consumers should treat them as weaker.
 */
export type UnverifiedFields = Text[];

/**
 * Where something happened or is held.
 */
export interface Place {
  /**
   * Building or site.
   */
  venue?: Text;
  /**
   * City or locality, in English.
   */
  city?: Text;
  /**
   * Country where the place is.
   */
  country?: CountryCode;
}

/**
 * The name as written in its own language or script.
 */
export type NamesInOtherScripts = {
  /**
   * The name as written.
   */
  name: Text;
  /**
   * Language and script of the name.
   */
  lang: LanguageTag;
}[];

/**
 * Other names, abbreviations and spellings by which the record is known.
 */
export type Aliases = Text[];

/**
 * One state's delegation to a forum edition, and who led it.
 */
export interface Delegation {
  /**
   * The state whose delegation this is.
   */
  state: Reference;
  /**
   * Who led it: `minister` (the defence minister, or the official who holds that post's rank at the forum, such as the US Secretary of Defense), `lower-level` (someone else led the delegation), `absent` (the state sent no delegation), `unknown` (the state took part but the sources do not say at what level).
   */
  level: "minister" | "lower-level" | "absent" | "unknown";
  /**
   * The person who led the delegation, when recorded.
   */
  head?: Reference;
  /**
   * The head's title at the time, as the sources give it.
   */
  head_title?: Text;
  /**
   * The `key` of the source, among the edition's or the forum's sources, that says who led the delegation.
   */
  source?: SourceKey;
  /**
   * Context, such as the reason given for a minister's absence.
   */
  note?: LongText;
}

/**
 * One edition of the forum. Its id is unique across the dataset, conventionally `<forum-id>-<year>`.
 */
export interface ForumEdition {
  /**
   * The edition's id.
   */
  id: RecordId;
  /**
   * The edition's ordinal number.
   */
  number?: number;
  /**
   * The edition's name, when it has one of its own.
   */
  name?: Text;
  /**
   * Whether the edition took place.
   */
  status: "held" | "cancelled" | "postponed" | "scheduled";
  /**
   * The first day.
   */
  start?: PartialDate;
  /**
   * The last day.
   */
  end?: PartialDate;
  /**
   * Where the edition was held, when not the forum's usual venue.
   */
  venue?: Place;
  /**
   * Who led each state's delegation, one entry per state: whether its defence minister came, a lower-level official led it, or it stayed away.
   */
  delegations?: Delegation[];
  /**
   * Context, such as why it was cancelled.
   */
  note?: LongText;
  /**
   * Documents that support this edition's details.
   */
  sources?: Sources;
}

/**
 * One actor involved in the incident, and how.
 */
export interface InvolvedActor {
  /**
   * The actor.
   */
  actor: Reference;
  /**
   * `by`: who did it; `target`: whom it was aimed at; `host` and `visitor`: for a visit; `approved-by`: who approved it (an arms sale, a law); `buyer` and `seller`: for an arms sale; `participant`: who else took part (an exercise).
   */
  role: "by" | "target" | "host" | "visitor" | "approved-by" | "buyer" | "seller" | "participant";
}

/**
 * One step in a meeting's history.
 */
export interface StatusChange {
  /**
   * The status the meeting entered.
   */
  status: "proposed" | "invited" | "accepted" | "declined" | "no-response" | "postponed" | "cancelled" | "held";
  /**
   * When it happened or was made known.
   */
  date: PartialDate;
  /**
   * The actor who proposed, invited, accepted, declined, postponed or cancelled.
   */
  by?: Reference;
  /**
   * How the step was made or made known.
   */
  channel?: "diplomatic-channel" | "letter" | "statement" | "press-briefing" | "readout" | "testimony" | "media-report" | "other";
  /**
   * The reason given, in the words of the source where possible.
   */
  reason?: LongText;
  /**
   * The sanction cited as the reason, when one was.
   */
  sanction?: Reference;
  /**
   * The incidents cited as the reason (an arms sale, a visit, an exercise…), when any were.
   *
   * @minItems 1
   */
  incidents?: Reference[];
  /**
   * The `key` of the record source that reports this step.
   */
  source?: SourceKey;
  /**
   * Whom the report attributes the step to when not on the record.
   */
  attribution?: Text;
  /**
   * Context for this step.
   */
  note?: LongText;
}

/**
 * One actor in the meeting.
 */
export interface Participant {
  /**
   * The participating actor.
   */
  actor: Reference;
  /**
   * `principal` for the main parties, `host` and `visitor` for a visit, `delegation` for other members.
   */
  role: "principal" | "host" | "visitor" | "delegation";
  /**
   * The state or organisation the participant represented.
   */
  on_behalf_of?: Reference;
}

/**
 * One side's official account of the meeting.
 */
export interface Readout {
  /**
   * The actor that issued the readout.
   */
  by: Reference;
  /**
   * Where the readout is published.
   */
  url: WebAddress;
  /**
   * When it was issued.
   */
  date?: PartialDate;
  /**
   * What the readout says, briefly.
   */
  summary?: LongText;
  /**
   * A passage quoted from the readout.
   */
  quote?: LongText;
}

/**
 * The publisher that owns a host.
 */
export interface Publisher {
  /**
   * The publisher's name, as sources should give it in `publisher`.
   */
  publisher: Text;
  /**
   * Other names a source's `publisher` may use for the same publisher: abbreviations, former names, the name of a section (`DoD News`).
   */
  aliases?: Text[];
  /**
   * What sort of publisher it is: `official` (a government body: ministry, department, embassy, armed forces, legislature, official gazette), `intergovernmental` (an organisation of states, such as ASEAN), `news-agency`, `newspaper` (also magazines and online news sites with an editorial staff), `broadcaster`, `think-tank` (also universities and research institutes), `reference` (encyclopaedias, databases, law-firm and compliance summaries) or `aggregator` (a site that republishes others' reports).
   */
  kind: "official" | "intergovernmental" | "news-agency" | "newspaper" | "broadcaster" | "think-tank" | "reference" | "aggregator";
  /**
   * True for content farms, rewrite sites and unauthorised mirrors: a source may not cite a page on this host (check `PUB001`); cite the original instead.
   */
  blocked?: true;
  /**
   * Why the host is classified so, especially why it is blocked.
   */
  note?: LongText;
  /**
   * The pages that show who publishes at this host and what kind of publisher it is (a masthead, footer, byline or about page), as read when the host was registered.
   *
   * @minItems 1
   */
  sources?: WebAddress[];
}

/**
 * One sanctioned actor.
 */
export interface Target {
  /**
   * The sanctioned actor.
   */
  actor: Reference;
  /**
   * Why this actor is a target: the entity that made the transaction, or a person tied to it.
   */
  role?: "entity" | "principal-executive-officer" | "official" | "affiliate";
  /**
   * Context for this target.
   */
  note?: LongText;
}

/**
 * One legal instrument the sanction rests on.
 */
export interface LegalBasis {
  /**
   * The kind of instrument.
   */
  instrument: "statute" | "executive-order" | "regulation" | "federal-register-notice" | "resolution" | "other";
  /**
   * How the instrument is cited.
   */
  citation: Text;
  /**
   * The instrument's title.
   */
  title?: Text;
  /**
   * When the instrument was enacted, signed or published.
   */
  date?: PartialDate;
}

/**
 * One restrictive measure.
 */
export interface Measure {
  /**
   * What the measure restricts.
   */
  type:
    | "asset-blocking"
    | "sdn-listing"
    | "visa-ban"
    | "export-licence-denial"
    | "foreign-exchange-ban"
    | "financial-system-ban"
    | "loan-ban"
    | "procurement-ban"
    | "arms-embargo"
    | "travel-ban"
    | "other";
  /**
   * The targets this measure applies to; absent when it applies to every target.
   *
   * @minItems 1
   */
  targets?: Reference[];
  /**
   * The provision that authorises this measure.
   */
  legal_ref?: Text;
  /**
   * The measure in the authority's words.
   */
  description?: LongText;
}

/**
 * A published list the targets were added to.
 */
export interface Listing {
  /**
   * The list.
   */
  list: "ofac-sdn" | "ofac-ns-mbs" | "caatsa-231-lsp" | "bis-entity-list" | "other";
  /**
   * The list's name as published, required for `other`.
   */
  name?: Text;
  /**
   * The targets added to this list; absent when all were.
   *
   * @minItems 1
   */
  targets?: Reference[];
  /**
   * When the targets were added to the list.
   */
  date?: PartialDate;
}

/**
 * A dealing that triggered the sanction.
 */
export interface Transaction {
  /**
   * The other party to the transaction.
   */
  counterparty: Reference;
  /**
   * What was bought or sold.
   */
  item: Text;
  /**
   * How many, where known.
   */
  quantity?: number;
  /**
   * When the transaction or delivery took place.
   */
  date?: PartialDate;
}

/**
 * A person, state, government body, military body, organisation, international organisation or media outlet that takes part in diplomacy, imposes or receives sanctions, or reports on them. Stored as `data/actors/<id>.yaml`. This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked `x-derived`) appended.
 */
export interface PublishedActor {
  /**
   * The actor's id; equal to the file name.
   */
  id: RecordId;
  /**
   * What sort of actor this is.
   */
  kind: "person" | "state" | "government-body" | "military-body" | "organisation" | "international-organisation" | "media";
  /**
   * The name in English as most sources write it.
   */
  name: Text;
  /**
   * The name in its own language and script. Always present in published data: `[]` when there are none.
   */
  native_names: NamesInOtherScripts;
  /**
   * Other names, abbreviations and spellings. Always present in published data: `[]` when there are none.
   */
  aliases: Aliases;
  /**
   * For a state, its own code; for a body or organisation, the country it belongs to or is based in.
   */
  country?: CountryCode;
  /**
   * For a person: countries of citizenship. Always present in published data: `[]` when there are none.
   */
  citizenship: CountryCode[];
  /**
   * For a person: date of birth.
   */
  born?: PartialDate;
  /**
   * For a person: place of birth.
   */
  birth_place?: Text;
  /**
   * For a body or organisation: the actor it is part of.
   */
  parent?: Reference;
  /**
   * For a body, organisation or state: when it was founded.
   */
  founded?: PartialDate;
  /**
   * For a body, organisation or state: when it ceased to exist.
   */
  dissolved?: PartialDate;
  /**
   * Actors this one succeeded, such as a department it replaced. Always present in published data: `[]` when there are none.
   */
  predecessors: Reference[];
  /**
   * Actors that succeeded this one. Always present in published data: `[]` when there are none.
   */
  successors: Reference[];
  /**
   * For a person: posts held over time, oldest first. Always present in published data: `[]` when there are none.
   */
  positions: Position[];
  /**
   * For a state: the international organisations it is or was a member of, such as the European Union, oldest first. A sanction imposed on behalf of an organisation counts, for a meeting, as imposed on behalf of each state that was a member on the meeting's date (the derived `participant_sanctioned`). Always present in published data: `[]` when there are none.
   */
  memberships: Membership[];
  /**
   * One or two sentences on who or what the actor is.
   */
  summary?: LongText;
  /**
   * Identifiers for this actor in other datasets. Always present in published data: `[]` when there are none.
   */
  identifiers: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree. Always present in published data: `[]` when there are none.
   */
  claims: Claims;
  /**
   * Editorial notes. Always present in published data: `[]` when there are none.
   */
  notes: Notes;
  /**
   * Fields not verified against a cited source. Always present in published data: `[]` when there are none.
   */
  unverified: UnverifiedFields;
  /**
   * Derived: the ids of the meetings in which this actor is a participant or is represented by one (`participants[].on_behalf_of`), sorted.
   */
  meeting_ids: Reference[];
  /**
   * Derived: the ids of the sanctions that name this actor as a target, as the actor that imposed or implements them, or as the state on whose behalf they were imposed, sorted.
   */
  sanction_ids: Reference[];
}

/**
 * One sanctions action: an authority imposing measures on one or more targets under a legal basis. Stored as `data/sanctions/<id>.yaml`. This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked `x-derived`) appended.
 */
export interface PublishedSanction {
  /**
   * The sanction's id; equal to the file name.
   */
  id: RecordId;
  /**
   * A short title.
   */
  title: Text;
  /**
   * `sanction` (the default) when the action imposes measures on its targets; `designation` when it only places them on a list, such as the CAATSA §231 List of Specified Persons, which does not itself impose sanctions. A designation has `lists` and no `measures`; counts, the site and meetings' `participant_sanctioned` and `sanctioned_participants` consider only sanctions. Always present in published data: `sanction` when the record does not say.
   */
  kind: "sanction" | "designation";
  /**
   * The actor that decided the sanction (for CAATSA §231, the Secretary of State's department).
   */
  imposed_by: Reference;
  /**
   * The state (or international organisation) that imposes the sanction.
   */
  on_behalf_of: Reference;
  /**
   * Actors that carry out the measures, such as the office that adds names to a list. Always present in published data: `[]` when there are none.
   */
  implemented_by: Reference[];
  /**
   * Who is sanctioned.
   *
   * @minItems 1
   */
  targets: Target[];
  /**
   * The statutes, executive orders and notices the sanction rests on.
   *
   * @minItems 1
   */
  legal_basis: LegalBasis[];
  /**
   * What the sanction does, measure by measure. Required for a sanction, with at least one measure; a designation has none. Always present in published data: `[]` when there are none.
   */
  measures: Measure[];
  /**
   * Published lists the targets were added to. Always present in published data: `[]` when there are none.
   */
  lists: Listing[];
  /**
   * When the sanction was announced.
   */
  announced: PartialDate;
  /**
   * When the targets were added to a list, if different.
   */
  listed?: PartialDate;
  /**
   * When the measures took effect, if different.
   */
  effective?: PartialDate;
  /**
   * When the sanction ended (lifted or expired).
   */
  ended?: PartialDate;
  /**
   * Whether the sanction is in force. `active` means in force as of `status_as_of`, as far as the sources show.
   */
  status: "active" | "lifted" | "expired" | "suspended" | "unknown";
  /**
   * The latest date at which a source shows the status.
   */
  status_as_of?: PartialDate;
  /**
   * The reason the imposing authority gave.
   */
  reason?: LongText;
  /**
   * The stated aim of the sanction.
   */
  objective?: LongText;
  /**
   * The dealings that triggered the sanction. Always present in published data: `[]` when there are none.
   */
  transactions: Transaction[];
  /**
   * Meetings that were declined, cancelled or postponed in response to this sanction. Always present in published data: `[]` when there are none.
   */
  responses: Reference[];
  /**
   * Identifiers for this action in other datasets. Always present in published data: `[]` when there are none.
   */
  identifiers: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree. Always present in published data: `[]` when there are none.
   */
  claims: Claims;
  /**
   * Editorial notes. Always present in published data: `[]` when there are none.
   */
  notes: Notes;
  /**
   * Fields not verified against a cited source. Always present in published data: `[]` when there are none.
   */
  unverified: UnverifiedFields;
}

/**
 * An act that a party cites as the cause of a refusal, postponement or cancellation: an arms sale, a visit, an incident, an exercise, a law, a statement or military activity. Stored as `data/incidents/<id>.yaml`; a meeting's status change points at it with `incidents`. This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked `x-derived`) appended.
 */
export interface PublishedIncident {
  /**
   * The incident's id; equal to the file name.
   */
  id: RecordId;
  /**
   * What kind of act it was: `arms-sale` (an approved or notified sale of weapons), `visit` (an official's trip), `incident` (an event such as an interception or a balloon's overflight), `exercise` (military drills), `legislation` (a law or bill), `statement` (something said or published), `military-activity` (deployments, transits, patrols), `other`.
   */
  kind: "arms-sale" | "visit" | "incident" | "exercise" | "legislation" | "statement" | "military-activity" | "other";
  /**
   * A short title.
   */
  title: Text;
  /**
   * When it happened or began; for an arms sale, when it was approved or notified.
   */
  date: PartialDate;
  /**
   * The last day, for an act over several days.
   */
  end?: PartialDate;
  /**
   * Who was involved, each with a role.
   *
   * @minItems 1
   */
  actors: InvolvedActor[];
  /**
   * Where it happened.
   */
  location?: Place;
  /**
   * What happened, in a few sentences.
   */
  summary?: LongText;
  /**
   * Identifiers for this incident in other datasets. Always present in published data: `[]` when there are none.
   */
  identifiers: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree. Always present in published data: `[]` when there are none.
   */
  claims: Claims;
  /**
   * Editorial notes. Always present in published data: `[]` when there are none.
   */
  notes: Notes;
  /**
   * Fields not verified against a cited source. Always present in published data: `[]` when there are none.
   */
  unverified: UnverifiedFields;
  /**
   * Derived: the ids of the meetings with a status change (`status_history[].incidents`) that cites this incident as a reason, sorted.
   */
  meeting_ids: Reference[];
}

/**
 * A meeting, call, visit, talks round or brief encounter between actors, whether it was held or only proposed, declined, postponed or cancelled. Stored as `data/meetings/<id>.yaml`. This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked `x-derived`) appended.
 */
export interface PublishedMeeting {
  /**
   * The meeting's id; equal to the file name.
   */
  id: RecordId;
  /**
   * A short title.
   */
  title: Text;
  /**
   * The form of the contact: `meeting` in person, `call` by telephone, `video-call`, `brief-encounter` (a handshake or a few words, not a substantive exchange), `visit` (one side travels to the other), `talks-round` (a session of a standing dialogue).
   */
  kind: "meeting" | "call" | "video-call" | "brief-encounter" | "visit" | "talks-round";
  /**
   * Where the meeting stands now: the last entry of `status_history`, when there is one.
   */
  status: "proposed" | "invited" | "accepted" | "declined" | "no-response" | "postponed" | "cancelled" | "held";
  /**
   * How the meeting came to its status, oldest first: who proposed it, who accepted, declined or cancelled, when, how and why. Always present in published data: `[]` when there are none.
   */
  status_history: PublishedStatusChange[];
  /**
   * The actors who took part or were to take part.
   *
   * @minItems 1
   */
  participants: Participant[];
  /**
   * When the meeting took place or was to take place; the first day if it ran over several.
   */
  date?: PartialDate;
  /**
   * The last day, for a meeting over several days.
   */
  end?: PartialDate;
  /**
   * How long the meeting lasted, in minutes, as best supported; put other reports in `claims`.
   */
  duration_minutes?: number;
  /**
   * Where the meeting took place or was to take place.
   */
  location?: Place;
  /**
   * True when the participants were not in one place (a call or video call).
   */
  virtual?: boolean;
  /**
   * The forum edition on whose sidelines the meeting took place or was proposed.
   */
  sidelines_of?: Reference;
  /**
   * What was discussed or was to be discussed. Always present in published data: `[]` when there are none.
   */
  topics: Text[];
  /**
   * Each side's official account of the meeting. Always present in published data: `[]` when there are none.
   */
  readouts: Readout[];
  /**
   * What happened, in a few sentences.
   */
  summary?: LongText;
  /**
   * Identifiers for this meeting in other datasets. Always present in published data: `[]` when there are none.
   */
  identifiers: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree. Always present in published data: `[]` when there are none.
   */
  claims: Claims;
  /**
   * Editorial notes. Always present in published data: `[]` when there are none.
   */
  notes: Notes;
  /**
   * Fields not verified against a cited source. Always present in published data: `[]` when there are none.
   */
  unverified: UnverifiedFields;
  /**
   * Derived: the CAMEO event code of the meeting's current `status`, by the rules of `status_history[].cameo`: for a held meeting, how it was held (041 call, 042 visit, 044 third location, 040 other); `null` for no-response and postponed.
   */
  cameo: string | null;
  /**
   * Derived: whether, on the meeting's date, a participant was the target of a sanction in effect that had been imposed on behalf of the state another participant represented. The date is `date`, else the start of the forum edition in `sidelines_of`, else the date of the last status change; `null` when there is none. A sanction is in effect from `effective` (else `listed`, else `announced`) until `ended`, judged by day ranges so that partial dates count only when certain. The states a participant represents are its `on_behalf_of`, the participant itself when it is a state, and the states whose `country` equals the participant's `country` or `citizenship`; a sanction imposed on behalf of an international organisation (the European Union) counts for each of those states that was a member of it on that date (the state's `memberships`).
   */
  participant_sanctioned: boolean | null;
  /**
   * Derived: the ids of the participants that make `participant_sanctioned` true: each was, on the meeting's date, the target of a sanction in effect imposed on behalf of a state another participant represented, or of an organisation that state was a member of (the rules of `participant_sanctioned`). Sorted, each id once, so the list never holds more than the participants. Which sanctions those were is not copied here (a person can be under hundreds of sanctions and take part in thousands of meetings): they are the sanctions whose `targets` name the participant (`csv/sanction_targets.csv`, one row per target, published once), that were in effect on the meeting's date and whose `on_behalf_of` is a state another participant represented or an organisation it was a member of.
   */
  sanctioned_participants: Reference[];
}

/**
 * One step in a meeting's history.
 */
export interface PublishedStatusChange {
  /**
   * The status the meeting entered.
   */
  status: "proposed" | "invited" | "accepted" | "declined" | "no-response" | "postponed" | "cancelled" | "held";
  /**
   * When it happened or was made known.
   */
  date: PartialDate;
  /**
   * The actor who proposed, invited, accepted, declined, postponed or cancelled.
   */
  by?: Reference;
  /**
   * How the step was made or made known.
   */
  channel?: "diplomatic-channel" | "letter" | "statement" | "press-briefing" | "readout" | "testimony" | "media-report" | "other";
  /**
   * The reason given, in the words of the source where possible.
   */
  reason?: LongText;
  /**
   * The sanction cited as the reason, when one was.
   */
  sanction?: Reference;
  /**
   * The incidents cited as the reason (an arms sale, a visit, an exercise…), when any were.
   *
   * @minItems 1
   */
  incidents?: Reference[];
  /**
   * The `key` of the record source that reports this step.
   */
  source?: SourceKey;
  /**
   * Whom the report attributes the step to when not on the record.
   */
  attribution?: Text;
  /**
   * Context for this step.
   */
  note?: LongText;
  /**
   * Derived: the CAMEO event code for this step, or `null` when no code fits (no-response, postponed): proposed, invited and accepted → 036; declined and cancelled → 125; held → 041 for a call or video call, 042 for a visit, 044 for a meeting away from every participant's country, else 040. Codes: 036 Express intent to meet or negotiate; 040 Consult, not specified below; 041 Discuss by telephone; 042 Make a visit; 044 Meet at a third location; 125 Reject proposal to meet, discuss, or negotiate.
   */
  cameo: string | null;
}

/**
 * A recurring conference or standing dialogue, such as the Shangri-La Dialogue, with its editions. Stored as `data/forums/<id>.yaml`; each edition has its own id and can be referenced like a record. This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked `x-derived`) appended.
 */
export interface PublishedForum {
  /**
   * The forum's id; equal to the file name.
   */
  id: RecordId;
  /**
   * The forum's name in English.
   */
  name: Text;
  /**
   * The name in its own language and script. Always present in published data: `[]` when there are none.
   */
  native_names: NamesInOtherScripts;
  /**
   * Other names and former names. Always present in published data: `[]` when there are none.
   */
  aliases: Aliases;
  /**
   * The actors that organise or co-host the forum.
   *
   * @minItems 1
   */
  organisers: Reference[];
  /**
   * Diplomatic track: 1 for officials, 2 for non-officials, 1.5 for a mix.
   */
  track?: 1 | 1.5 | 2;
  /**
   * When the first edition was held.
   */
  first_held?: PartialDate;
  /**
   * How often the forum meets.
   */
  frequency?: "annual" | "biennial" | "triennial" | "irregular";
  /**
   * Where the forum is usually held.
   */
  venue?: Place;
  /**
   * The forum's editions, oldest first. Always present in published data: `[]` when there are none.
   */
  editions: ForumEdition[];
  /**
   * What the forum is, in a few sentences.
   */
  summary?: LongText;
  /**
   * Identifiers for this forum in other datasets. Always present in published data: `[]` when there are none.
   */
  identifiers: ExternalIdentifiers;
  /**
   * Documents that support this record.
   */
  sources: Sources;
  /**
   * Per-field claims where sources disagree. Always present in published data: `[]` when there are none.
   */
  claims: Claims;
  /**
   * Editorial notes. Always present in published data: `[]` when there are none.
   */
  notes: Notes;
  /**
   * Fields not verified against a cited source. Always present in published data: `[]` when there are none.
   */
  unverified: UnverifiedFields;
}

/**
 * What is left of a record that was renamed, split or removed, so that consumers holding the old id can follow it. Stored as `data/tombstones/<old-id>.yaml`. This is the published form: keys in schema order, text trimmed, every top-level list present, and derived fields (marked `x-derived`) appended.
 */
export interface PublishedTombstone {
  /**
   * The id that is no longer used; equal to the file name.
   */
  id: RecordId;
  /**
   * The record type the id belonged to.
   */
  type: "actor" | "sanction" | "incident" | "meeting" | "forum";
  /**
   * `moved`: renamed to one id; `split`: divided into several; `removed`: withdrawn with no successor.
   */
  change: "moved" | "split" | "removed";
  /**
   * The id or ids that replace this one. Always present in published data: `[]` when there are none.
   */
  to: Reference[];
  /**
   * When the change was made.
   */
  date: PartialDate;
  /**
   * Why the record was renamed, split or removed.
   */
  reason: LongText;
}

/**
 * The whole release in one file (`dataset.json`): metadata and every record of every type.
 */
export interface Dataset {
  metadata: DatasetMetadata;
  /**
   * Every actor record, sorted by id; also published alone as `json/actors.json`.
   */
  actors: PublishedActor[];
  /**
   * Every sanction record, sorted by id; also published alone as `json/sanctions.json`.
   */
  sanctions: PublishedSanction[];
  /**
   * Every incident record, sorted by id; also published alone as `json/incidents.json`.
   */
  incidents: PublishedIncident[];
  /**
   * Every meeting record, sorted by id; also published alone as `json/meetings.json`.
   */
  meetings: PublishedMeeting[];
  /**
   * Every forum record, sorted by id; also published alone as `json/forums.json`.
   */
  forums: PublishedForum[];
  /**
   * Every tombstone record, sorted by id; also published alone as `json/tombstones.json`.
   */
  tombstones: PublishedTombstone[];
}

/**
 * What the release is and what it was built from.
 */
export interface DatasetMetadata {
  name: "sidelines";
  title: string;
  /**
   * The dataset version (the package version).
   */
  version: string;
  /**
   * SPDX identifier of the data licence (the records and every data file of the release; full text in LICENSE-DATA).
   */
  license: string;
  /**
   * SPDX identifier of the code licence (the compiled package in lib/; full text in LICENSE).
   */
  code_license: string;
  /**
   * The git commit of the data the release was built from; `unknown` outside a git checkout or when data/ or schemas/ had uncommitted changes.
   */
  source_commit: string;
  /**
   * The commit time (UTC) of the checked-out commit, or SOURCE_DATE_EPOCH when set; `unknown` when neither is known. Builds never read the clock, so two builds of one commit are identical.
   */
  source_date: string;
  record_counts: RecordCounts;
  citation: DatasetCitation;
}
/**
 * How to cite this release, ready to paste; made from the release's CITATION.cff (Citation File Format 1.2.0).
 */
export interface DatasetCitation {
  /**
   * A BibTeX entry.
   */
  bibtex: string;
  /**
   * The reference in APA style, as plain text.
   */
  apa: string;
}

/**
 * How many records of each type the release holds.
 */
export interface RecordCounts {
  actor: number;
  sanction: number;
  incident: number;
  meeting: number;
  forum: number;
  tombstone: number;
}

/**
 * What a release contains (`manifest.json`): version, provenance, record counts and the SHA-256 of every other file. `SHA256SUMS` lists the same hashes, and that of manifest.json, for `sha256sum -c`.
 */
export interface Manifest {
  name: "sidelines";
  version: string;
  /**
   * The git commit of the data the release was built from; `unknown` outside a git checkout or when data/ or schemas/ had uncommitted changes.
   */
  source_commit: string;
  /**
   * The commit time (UTC) of the checked-out commit, or SOURCE_DATE_EPOCH when set; `unknown` when neither is known. Builds never read the clock, so two builds of one commit are identical.
   */
  source_date: string;
  record_counts: RecordCounts;
  /**
   * How the records cite their sources, overall; per record type and per record in quality.json.
   */
  quality: SourcingFigures;
  /**
   * Every file of the release except manifest.json and SHA256SUMS, by path relative to the release folder, sorted.
   */
  files: {
    [k: string]: ManifestFile | undefined;
  };
}

export interface ManifestFile {
  sha256: string;
  bytes: number;
}

/**
 * How the release's records cite their sources (`quality.json`), overall and per record type, and each record's sourcing. `npm run report` prints the same figures.
 */
export interface SourcingQuality {
  /**
   * Every record together.
   */
  overall: SourcingFigures;
  /**
   * The same figures for each record type.
   */
  by_type: {
    actor: SourcingFigures;
    sanction: SourcingFigures;
    incident: SourcingFigures;
    meeting: SourcingFigures;
    forum: SourcingFigures;
  };
  /**
   * Each record's sourcing, by id: `official` (cites a page on an official host), else `secondary-only` (every source is `basis: secondary`), else `single-source`, else `several-sources`.
   */
  records: {
    [k: string]: "official" | "secondary-only" | "single-source" | "several-sources" | undefined;
  };
}

export interface SourcingFigures {
  /**
   * Records measured (every type but tombstones).
   */
  records: number;
  /**
   * Sources cited, the records' own and their forum editions'.
   */
  citations: number;
  /**
   * Citations with a URL.
   */
  citations_with_url: number;
  /**
   * Share of citations with a URL, from 0 to 1 (rounded to four places); null when there are no citations.
   */
  share_with_url: number | null;
  /**
   * Citations on a host the publishers registry (`data/publishers.yaml`) lists as `official` or `intergovernmental`.
   */
  citations_official: number;
  /**
   * Share of citations from official hosts, from 0 to 1 (rounded to four places); null when there are no citations.
   */
  share_official: number | null;
  /**
   * Citations of a host the registry marks `blocked` (content farms, rewrite sites, mirrors).
   */
  citations_blocked: number;
  /**
   * Records that cite at least one page on an official host.
   */
  records_citing_official: number;
  /**
   * Records whose every source is `basis: secondary`.
   */
  records_secondary_only: number;
  /**
   * Records with exactly one source.
   */
  records_single_source: number;
  /**
   * Entries of `unverified`: fields not verified against a cited source.
   */
  unverified_paths: number;
  /**
   * Recorded conflicts: `claims` entries, one per source version of a disputed field.
   */
  claims: number;
}
