import type { Check } from "./types.ts";
import { idMatchesFile } from "./checks/id-matches-file.ts";
import { fileNameIsId } from "./checks/file-name-is-id.ts";
import { uniqueIds } from "./checks/unique-ids.ts";
import { referencesResolve } from "./checks/references-resolve.ts";
import { referencesType } from "./checks/references-type.ts";
import { referencesTombstone } from "./checks/references-tombstone.ts";
import { tombstoneTargets } from "./checks/tombstone-targets.ts";
import { realDates } from "./checks/real-dates.ts";
import { dateOrder } from "./checks/date-order.ts";
import { sidelinesDates } from "./checks/sidelines-dates.ts";
import { incidentDates } from "./checks/incident-dates.ts";
import { positionsOrder } from "./checks/positions-order.ts";
import { statusHistoryEnds, statusHistoryOrder } from "./checks/status-history.ts";
import { participantPositions } from "./checks/participant-positions.ts";
import { sanctionTargets } from "./checks/sanction-targets.ts";
import { sourceUrls } from "./checks/source-urls.ts";
import { duplicateSources } from "./checks/duplicate-sources.ts";
import { sourceKeys } from "./checks/source-keys.ts";
import { countryCodes } from "./checks/country-codes.ts";
import { fieldPathsExist } from "./checks/field-paths.ts";
import { textCharacters } from "./checks/text-characters.ts";
import { invisibleCharacters } from "./checks/invisible-characters.ts";
import { distinctNames } from "./checks/distinct-names.ts";
import { sidelinesStatus } from "./checks/sidelines-status.ts";
import { participantsOnce } from "./checks/participants-once.ts";
import { delegationsOnce } from "./checks/delegations-once.ts";
import { parentCycles } from "./checks/parent-cycles.ts";
import { offlineCitations } from "./checks/offline-citations.ts";
import { sourceDates } from "./checks/source-dates.ts";
import { claimQuotes } from "./checks/claim-quotes.ts";
import { secondaryOnly } from "./checks/secondary-only.ts";
import { refusalEvidence } from "./checks/refusal-evidence.ts";
import { blockedHosts } from "./checks/blocked-hosts.ts";
import { publisherMatchesHost } from "./checks/publisher-matches-host.ts";
import { officialBasis } from "./checks/official-basis.ts";
import { aggregatorBasis } from "./checks/aggregator-basis.ts";
import { unknownHosts } from "./checks/unknown-hosts.ts";
import { standaloneText } from "./checks/standalone-text.ts";

/** Every check beyond the schema, in the order they run. Codes are stable; add new ones at the end of a group. */
export const CHECKS: readonly Check[] = [
  idMatchesFile,
  fileNameIsId,
  uniqueIds,
  referencesResolve,
  referencesType,
  referencesTombstone,
  tombstoneTargets,
  realDates,
  dateOrder,
  sidelinesDates,
  positionsOrder,
  statusHistoryOrder,
  incidentDates,
  statusHistoryEnds,
  participantPositions,
  sanctionTargets,
  sourceUrls,
  duplicateSources,
  sourceKeys,
  offlineCitations,
  sourceDates,
  claimQuotes,
  secondaryOnly,
  refusalEvidence,
  blockedHosts,
  publisherMatchesHost,
  officialBasis,
  unknownHosts,
  aggregatorBasis,
  countryCodes,
  fieldPathsExist,
  textCharacters,
  invisibleCharacters,
  distinctNames,
  sidelinesStatus,
  participantsOnce,
  parentCycles,
  delegationsOnce,
  standaloneText,
];
