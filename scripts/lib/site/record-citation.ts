/**
 * A record's own citation, BibTeX and APA, made by citation-js (the library the release's citation
 * uses) from the record's title, id and stable address and the release's metadata. BibTeX is formatted
 * per record; APA (citeproc, about 10 ms an entry) is formatted once per release with placeholders that
 * each record's title and address then replace, so a large release stays quick to render.
 */
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import type { SiteModel } from "./model.ts";

export interface RecordCitation {
  bibtex: string;
  apa: string;
}

const TITLE = "\u0001title\u0001";
const ADDRESS = "https://placeholder.invalid/address";

/** The BibTeX key of a record: letters, digits and `_` only (citation-js's safe label characters). */
export const bibtexKey = (id: string): string => `sidelines_${id.replace(/[^A-Za-z0-9]+/g, "_")}`;

/** The CSL-JSON of a record of the release (its title, stable address when known and the release's metadata). */
function csl(model: SiteModel, id: string, title: string, address: string | undefined): Record<string, unknown> {
  const meta = model.dataset.metadata;
  const year = Number(/^\d{4}/.exec(meta.source_date)?.[0]);
  return {
    id: bibtexKey(id),
    "citation-key": bibtexKey(id),
    type: "dataset",
    title,
    author: [{ literal: "The Sidelines contributors" }],
    ...(Number.isFinite(year) ? { issued: { "date-parts": [[year]] } } : {}),
    "container-title": meta.title,
    version: meta.version,
    ...(address ? { URL: address } : {}),
    note: `Version ${meta.version}; record ${id}`,
  };
}

const apaTemplates = new WeakMap<SiteModel, Map<boolean, string>>();

/** The record's citation; `address` is its stable URL where the site is published, when known. */
export function recordCitation(model: SiteModel, id: string, title: string, address: string | undefined): RecordCitation {
  const bibtex = (new Cite(csl(model, id, title, address)).format("bibtex") as string).trim();
  const templates = apaTemplates.get(model) ?? new Map<boolean, string>();
  apaTemplates.set(model, templates);
  let template = templates.get(address !== undefined);
  if (template === undefined) {
    template = (new Cite(csl(model, "x", TITLE, address === undefined ? undefined : ADDRESS)).format("bibliography", { format: "text", template: "apa", lang: "en-US" }) as string).trim();
    if (!template.includes(TITLE) || (address !== undefined && !template.endsWith(ADDRESS))) throw new Error("citation-js's APA style left out the record's title, or does not end with its address");
    templates.set(address !== undefined, template);
  }
  const apa = template.replace(TITLE, () => title).replace(ADDRESS, () => address ?? "");
  return { bibtex, apa };
}
