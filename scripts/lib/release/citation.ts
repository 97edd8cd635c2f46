/**
 * The dataset's citation. CITATION.cff (Citation File Format 1.2.0) at the repository's top is the one
 * source; each release carries a copy with the release's version and date, and its dataset.json and site
 * give the same citation ready to paste, as BibTeX and APA, made by citation-js from that copy.
 */
import fs from "node:fs";
import path from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-cff";

export const CITATION_FILE = "CITATION.cff";

export interface Citation {
  /** The CITATION.cff of the release. */
  cff: string;
  bibtex: string;
  apa: string;
}

/** The top-level `key: value` line of a CFF file, or undefined. */
export function cffField(text: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, "m").exec(text);
  return m?.[1]?.replace(/^(["'])(.*)\1$/, "$2");
}

/** The release's copy of CITATION.cff: `version` and `date-released` (the day of `date`, when known) set. */
export function releaseCff(text: string, version: string, date: string | undefined): string {
  const set = (t: string, key: string, value: string): string => {
    if (cffField(t, key) === undefined) throw new Error(`${CITATION_FILE} has no top-level ${key}`);
    return t.replace(new RegExp(`^${key}:.*$`, "m"), `${key}: ${value}`);
  };
  let out = set(text, "version", version);
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) out = set(out, "date-released", date.slice(0, 10));
  return out;
}

/** BibTeX and APA for a CITATION.cff text (citation-js reads the CFF; the output is deterministic). */
export async function formatCitation(cff: string): Promise<Citation> {
  const cite = await Cite.async(cff);
  const version = cffField(cff, "version") ?? "";
  // citation-js leaves the version out of BibTeX and writes the month with its day ("dec 1"); a note and
  // the year keep the entry plain and exact.
  const [entry] = cite.data as Array<Record<string, unknown>>;
  const csl = { ...entry, id: `sidelines-${version}`, note: `Version ${version}`, _graph: undefined };
  const plain = new Cite(csl);
  const bibtex = (plain.format("bibtex") as string).replace(/\n\tmonth = \{[^}]*\},/, "").trim();
  const apa = (plain.format("bibliography", { format: "text", template: "apa", lang: "en-US" }) as string).trim();
  return { cff, bibtex, apa };
}

/** The release's citation, from the repository's CITATION.cff. */
export async function releaseCitation(repoRoot: string, version: string, date: string | undefined): Promise<Citation> {
  const text = fs.readFileSync(path.join(repoRoot, CITATION_FILE), "utf8");
  return formatCitation(releaseCff(text, version, date));
}
