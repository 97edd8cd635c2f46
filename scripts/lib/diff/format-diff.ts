import type { DatasetDiff, FieldChange } from "./diff-records.ts";
import { jsonText } from "../json-text.ts";
import { visible } from "../report/visible.ts";

const show = (v: unknown): string => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  const short = s.length > 80 ? `${s.slice(0, 77)}...` : s;
  return `\`${short.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\n/g, " ")}\``;
};

function fieldLine(c: FieldChange): string {
  if (c.before === undefined) return `  - \`${c.path}\` added: ${show(c.after)}`;
  if (c.after === undefined) return `  - \`${c.path}\` removed (was ${show(c.before)})`;
  return `  - \`${c.path}\`: ${show(c.before)} → ${show(c.after)}`;
}

/** Release notes in Markdown. */
export function diffMarkdown(diff: DatasetDiff, from: string, to: string): string {
  const out = [`## Changes from ${from} to ${to}`, "", `Suggested version bump: **${diff.bump}**${diff.reasons.length ? ` (${diff.reasons.join("; ")})` : ""}.`, ""];
  const section = (title: string, lines: string[]): void => {
    if (lines.length === 0) return;
    out.push(`### ${title}`, "", ...lines, "");
  };
  section(`Added (${diff.added.length})`, diff.added.map((r) => `- ${r.type}: \`${r.id}\``));
  section(`Removed without tombstone (${diff.removed.length}) — breaking`, diff.removed.map((r) => `- ${r.type}: \`${r.id}\``));
  section(`Renamed, split or withdrawn (${diff.retired.length})`, diff.retired.map((r) => `- ${r.type}: \`${r.id}\` ${r.change}${r.to.length ? ` → ${r.to.map((t) => `\`${t}\``).join(", ")}` : ""}`));
  section(
    `Tombstones removed or re-pointed (${diff.tombstones.length}) — breaking`,
    diff.tombstones.map((t) => `- ${t.type}: \`${t.id}\` ${t.change === "removed" ? `removed (was ${t.before.change} → ${t.before.to.map((x) => `\`${x}\``).join(", ") || "nothing"})` : `re-pointed: ${t.before.change} → ${t.before.to.map((x) => `\`${x}\``).join(", ")} became ${t.after!.change} → ${t.after!.to.map((x) => `\`${x}\``).join(", ")}`}`),
  );
  section(`Changed (${diff.changed.length})`, diff.changed.flatMap((r) => [`- ${r.type}: \`${r.id}\``, ...r.changes.slice(0, 50).map(fieldLine), ...(r.changes.length > 50 ? [`  - … and ${r.changes.length - 50} more`] : [])]));
  // Derived fields, one line per distinct change with every record it applies to.
  const groups = new Map<string, string[]>();
  for (const d of diff.derived) {
    const key = `${d.type}\u0000${d.summary}`;
    groups.set(key, [...(groups.get(key) ?? []), d.id]);
  }
  section(
    `Derived fields updated (${new Set(diff.derived.map((d) => `${d.type}/${d.id}`)).size})`,
    [...groups].map(([key, ids]) => {
      const [type, summary] = key.split("\u0000") as [string, string];
      return `- ${type}: ${ids.map((id) => `\`${id}\``).join(", ")}: ${summary.replace(/`/g, "'")}`;
    }),
  );
  section(`Public schema changes (${diff.schemaChanges.length})`, diff.schemaChanges.map((c) => `- ${c.breaking ? "**breaking**: " : ""}${c.schema} \`${c.path}\`: ${c.description}`));
  if (diff.added.length + diff.removed.length + diff.retired.length + diff.changed.length + diff.derived.length + diff.tombstones.length + diff.schemaChanges.length === 0) out.push("No changes.", "");
  // Record text, ids and refs are the data's and the caller's: nothing in them may act on a terminal.
  return visible(out.join("\n"), { lines: true });
}

/** The machine-readable changelog. */
export function diffJson(diff: DatasetDiff, from: string, to: string): string {
  return `${jsonText({ version: 1, from, to, ...diff }, 2)}\n`;
}
