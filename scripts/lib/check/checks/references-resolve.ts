import type { Check, CheckContext, IndexEntry } from "../types.ts";
import { unusualRefs } from "../helpers.ts";
import { nearest } from "../suggest.ts";

/**
 * The forum whose edition an id would be, by the `<forum-id>-<year>` convention: a known forum id
 * followed by a four-digit year. A nearby year of the same forum is then the wrong suggestion.
 */
function forumOfEdition(ctx: CheckContext, id: string): IndexEntry | undefined {
  const m = /^(.+)-\d{4}$/.exec(id);
  return m ? ctx.index.get(m[1]!)?.find((e) => e.type === "forum") : undefined;
}

/** REF001: a reference names an id that exists. Suggests the nearest id for typos, or how to add a missing edition. */
export const referencesResolve: Check = {
  code: "REF001",
  severity: "error",
  scope: "dataset",
  reads: {},
  description: "Every reference names an id that exists in the dataset.",
  run(ctx) {
    let ids: string[] | undefined;
    for (const { record, pointer, value, targets } of unusualRefs(ctx)) {
      if (ctx.index.has(value)) continue;
      const forum = targets.includes("edition") ? forumOfEdition(ctx, value) : undefined;
      if (forum?.unparsed) {
        ctx.report(record, pointer, `\`${value}\` cannot be found because the file of forum \`${forum.id}\`, ${forum.file}, could not be read or parsed, so its editions are unknown`, { tip: `fix ${forum.file} first (npm run validate -- ${forum.file}), then validate again` });
        continue;
      }
      if (forum) {
        ctx.report(record, pointer, `forum \`${forum.id}\` has no edition \`${value}\`: add it (npm run new -- edition ${forum.id} ${value})`, { tip: `an edition is an entry of \`editions\` in ${forum.file}; see CONTRIBUTING.md, "Adding a forum edition"` });
        continue;
      }
      ids ??= [...ctx.index.keys()];
      const guess = nearest(value, ids.filter((id) => ctx.index.get(id)!.some((e) => targets.includes(e.type))));
      ctx.report(record, pointer, `\`${value}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ""}`, { tip: `expected the id of ${targets.length === 1 ? `${/^[aeiou]/.test(targets[0]!) ? "an" : "a"} ${targets[0]}` : `one of: ${targets.join(", ")}`}` });
    }
  },
};
