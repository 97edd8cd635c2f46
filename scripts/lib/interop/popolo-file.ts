/**
 * The Popolo export written as the actors pass, without holding the document: each person,
 * organisation and membership goes, as the text it has in the indented document, into a scratch file
 * of its section; `writeTo` copies the sections into the export in the document's order, with the posts
 * (few, and listed by id) between them. The bytes are those of `jsonText(document, 2)`: an item's text
 * is its own indented text moved in by two levels (JSON text has line breaks only between its tokens,
 * and the escapes jsonText makes are within strings, the same in an item as in the whole).
 */
import path from "node:path";
import type { OutputFile } from "../publish/output-file.ts";
import type { PublishedRecords } from "../publish/records.ts";
import { jsonText } from "../json-text.ts";
import { ScratchFile } from "../scratch-file.ts";
import { PopoloMaker, type Popolo, type PopoloSection } from "./popolo.ts";

/** The document's keys, in its order. */
const SECTIONS: ReadonlyArray<keyof Popolo> = ["persons", "organizations", "posts", "memberships"];
const STREAMED: readonly PopoloSection[] = ["persons", "organizations", "memberships"];
/** An item's text inside the document: indented by two levels (four spaces). */
const itemText = (item: unknown): string => `    ${jsonText(item, 2).replaceAll("\n", "\n    ")}`;

export class PopoloFile {
  /** Each section's items, as their text in the document joined by ",\n". */
  private readonly sections = new Map<PopoloSection, ScratchFile>();
  private readonly maker: PopoloMaker;

  /** Its scratch files are made in `dir` (the release's temporary folder), and removed by writeTo or abandon. */
  constructor(dir: string) {
    try {
      for (const s of STREAMED) this.sections.set(s, new ScratchFile(path.join(dir, `.popolo-${s}`)));
    } catch (error) {
      this.abandon();
      throw error;
    }
    this.maker = new PopoloMaker((section, item) => {
      const scratch = this.sections.get(section)!;
      scratch.put(`${scratch.length === 0 ? "" : ",\n"}${itemText(item)}`);
    });
  }

  actor(a: PublishedRecords["actor"][number]): void {
    this.maker.actor(a);
  }

  /** Writes the document to `output`, then removes the scratch files. */
  writeTo(output: OutputFile): void {
    try {
      output.write("{\n");
      SECTIONS.forEach((name, i) => {
        output.write(`${i === 0 ? "" : ",\n"}  ${JSON.stringify(name)}: `);
        if (name === "posts") {
          const posts = this.maker.sortedPosts();
          output.write(posts.length === 0 ? "[]" : `[\n${posts.map(itemText).join(",\n")}\n  ]`);
          return;
        }
        const scratch = this.sections.get(name)!;
        if (scratch.length === 0) {
          output.write("[]");
          return;
        }
        output.write("[\n");
        scratch.copyTo((bytes) => output.writeBytes(bytes));
        output.write("\n  ]");
      });
      output.write("\n}\n");
    } finally {
      this.abandon();
    }
  }

  /** Removes the scratch files (also when the build failed). */
  abandon(): void {
    for (const scratch of this.sections.values()) scratch.remove();
  }
}
