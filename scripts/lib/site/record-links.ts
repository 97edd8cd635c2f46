/**
 * Where a record lives outside its page: its YAML file in the repository (to edit it), the repository's
 * correction form prefilled with that file, and its own JSON published beside its page. The repository's
 * address comes from SIDELINES_REPO_URL when the site is generated (the release workflow sets it); without
 * it the page names the file and the form instead of linking them.
 */
import type { SiteModel } from "./model.ts";

/** The environment variable the release workflow sets to the repository's web address. */
export const REPO_URL_ENV = "SIDELINES_REPO_URL";
/** The branch the edit links open. */
export const EDIT_BRANCH = "main";
/** The repository's issue form for corrections (`.github/ISSUE_TEMPLATE/<name>`). */
export const CORRECTION_FORM = "report-correction.yml";

/** The record's YAML file in the repository: an edition lives in its forum's file. */
export function recordFile(model: SiteModel, id: string): string | undefined {
  const target = model.targets.get(id);
  if (!target) return undefined;
  if (target.type === "edition") {
    const forum = model.editions.get(id)?.forum.id;
    return forum ? `data/forums/${forum}.yaml` : undefined;
  }
  return `data/${target.path.split("/")[0]}/${id}.yaml`;
}

/** The path (from the site root) of the record's published JSON: beside its page. */
export function recordJsonPath(pagePath: string): string {
  return pagePath.replace(/\.html$/, ".json");
}

/** A repository web address as a base without a trailing `/`, or undefined when none or not https. */
export function repoBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" ? u.href.replace(/\/+$/, "") : undefined;
  } catch {
    return undefined;
  }
}

export function editUrl(repo: string, file: string): string {
  return `${repo}/edit/${EDIT_BRANCH}/${file.split("/").map(encodeURIComponent).join("/")}`;
}

/** The correction form, its `record` field and title prefilled (GitHub issue forms read both from the query). */
export function correctionUrl(repo: string, id: string, file: string): string {
  const q = new URLSearchParams({ template: CORRECTION_FORM, title: `Correction: ${id}`, record: file });
  return `${repo}/issues/new?${q.toString()}`;
}
