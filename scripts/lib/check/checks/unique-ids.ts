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
      const mine = [{ id: r.fileId, pointer: "/id" }];
      if (r.type === "forum") {
        (r.data.editions as Array<{ id: string }> | undefined)?.forEach((e, i) => mine.push({ id: e.id, pointer: `/editions/${i}/id` }));
      }
      for (const { id, pointer } of mine) {
        const others = (ctx.index.get(id) ?? []).filter((e) => !(e.file === r.file && e.pointer === pointer.replace(/\/id$/, "")));
        if (others.length > 0) {
          const where = others.map((o) => (o.pointer ? `${o.file} (${o.pointer.slice(1)})` : o.file)).join(", ");
          ctx.report(r, pointer, `id \`${id}\` is also used by ${where}`, { tip: "every record and forum edition needs its own id" });
        }
      }
    }
  },
};
