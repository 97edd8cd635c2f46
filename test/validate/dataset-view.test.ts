/** Dataset views keep what dataset checks declare they read, and no more. */
import { describe, expect, it } from "vitest";
import { checkEnv, project } from "../../scripts/lib/check/run-checks.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";

describe("dataset views", () => {
  it("keep a source's registry fields and only the presence of its quote", () => {
    const env = checkEnv(loadSchemaSet());
    const source = { key: "a", url: "https://example.org/x", title: "A long title", publisher: "Example", published: "2024-01-02", quote: "A long quote of the page.", basis: "secondary" };
    const view = project({ id: "m", sources: [source, { url: "https://example.org/y", publisher: "Example" }] }, env.datasetShape.meeting) as { sources: Array<Record<string, unknown>> };
    expect(view.sources).toEqual([{ key: "a", url: "https://example.org/x", publisher: "Example", quote: true, basis: "secondary" }, { url: "https://example.org/y", publisher: "Example" }]);
  });

  it("a field read whole by one path and for its presence by another is kept whole", () => {
    expect(project({ a: { b: "text" } }, { a: "present" })).toEqual({ a: true });
    expect(project({ a: { b: "text" } }, { a: true })).toEqual({ a: { b: "text" } });
  });
});
