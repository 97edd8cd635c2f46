import type { Check } from "../types.ts";

/** ID003: one id, one thing — across record types, forum editions and tombstones. */
export const uniqueIds: Check = {
  code: "ID003",
  severity: "error",
  scope: "dataset",
  reads: {},
  description: "Ids are unique across the whole dataset, including forum edition ids and tombstones.",
  run(ctx) {
    for (const r of ctx.records) {
      // Each id with the index pointer of its own entry ("" for the record, /editions/i for an edition).
      const mine = [{ id: r.fileId, at: "" }];
      if (r.type === "forum") {
        (r.data.editions as Array<{ id: string }> | undefined)?.forEach((e, i) => mine.push({ id: e.id, at: `/editions/${i}` }));
      }
      for (const { id, at } of mine) {
        const entries = ctx.index.get(id);
        if (!entries || entries.length < 2) continue;
        const pointer = `${at}/id`;
        const others = entries.filter((e) => !(e.file === r.file && e.pointer === at));
        if (others.length > 0) {
          const where = others.map((o) => (o.pointer ? `${o.file} (${o.pointer.slice(1)})` : o.file)).join(", ");
          ctx.report(r, pointer, `id \`${id}\` is also used by ${where}`, { tip: "every record and forum edition needs its own id" });
        }
      }
    }
  },
};
