/**
 * A URL's host name as the URL parser gives it, read from the text for the common form: the URL parser
 * costs more than the checks that ask for the host (SRC002, and the publishers registry's lookups).
 */

/**
 * A URL that the URL parser reads with no user name, password or port, and with the host name exactly
 * as it is written (the capture): `http://` or `https://`, lower-case letters, digits, hyphens and dots,
 * a last label of letters (never read as an IPv4 address), then the end, a path, a query or a fragment.
 * The parser fails on none of these, and reads any other text after the host as the path, query and
 * fragment. (An `xn--` label is left out by plainUrlHost: the parser checks its Punycode.)
 */
export const PLAIN_URL = /^https?:\/\/((?:[a-z0-9-]*\.)*[a-z]+)(?=[/?#]|$)/;

/** The host name of a URL of the plain form (PLAIN_URL, no `xn--` label), as the parser would give it; undefined for any other URL, which only the parser can read. */
export function plainUrlHost(value: string): string | undefined {
  const host = PLAIN_URL.exec(value)?.[1];
  return host !== undefined && !host.includes("xn--") ? host : undefined;
}
