/** Dataset views keep what dataset checks declare they read, and no more. */
import { describe, expect, it } from "vitest";
import { checkEnv, project } from "../../scripts/lib/check/run-checks.ts";
import { loadSchemaSet } from "../../scripts/lib/schemas.ts";

describe("dataset views", () => {
  it("leave out sources: the checks of sources run per file, where the record loads", () => {
    const env = checkEnv(loadSchemaSet());
    const source = { key: "a", url: "https://example.org/x", title: "A long title", publisher: "Example", published: "2024-01-02", quote: "A long quote of the page.", basis: "secondary" };
    const meeting = { id: "m", date: "2024-01-02", sources: [source], status_history: [{ date: "2024-01-01", status: "declined", source: "a" }] };
    const view = project(meeting, env.datasetShape.meeting) as Record<string, unknown>;
    expect(view).toEqual({ id: "m", date: "2024-01-02", status_history: [{ date: "2024-01-01" }] });
  });

  it("a field read whole by one path and for its presence by another is kept whole", () => {
    expect(project({ a: { b: "text" } }, { a: "present" })).toEqual({ a: true });
    expect(project({ a: { b: "text" } }, { a: true })).toEqual({ a: { b: "text" } });
  });
});
