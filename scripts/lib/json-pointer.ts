/** JSON Pointer (RFC 6901) segments: `~` is written `~0` and `/` is written `~1`. */
export const escapeSegment = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");
export const unescapeSegment = (segment: string): string => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** Splits a JSON pointer into unescaped segments (`""` and `/` give none). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer.slice(1).split("/").map(unescapeSegment);
}
