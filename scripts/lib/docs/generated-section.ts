/**
 * Generated sections inside hand-written Markdown: the text between
 * `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->` belongs to a generator.
 */
export function replaceSection(markdown: string, name: string, body: string, command: string): string {
  const begin = `<!-- BEGIN GENERATED: ${name} (do not edit; run ${command}) -->`;
  const end = `<!-- END GENERATED: ${name} -->`;
  const re = new RegExp(`<!-- BEGIN GENERATED: ${name}[^>]*-->[\\s\\S]*?<!-- END GENERATED: ${name} -->`);
  if (!re.test(markdown)) throw new Error(`the markers for the generated section "${name}" are missing`);
  return markdown.replace(re, () => `${begin}\n${body}\n${end}`);
}
