import type { Check } from "../types.ts";
import { forEachValueOf } from "../helpers.ts";
import { plainUrlHost } from "../../url-host.ts";

/** Top-level names that never reach a public web site: local networks and names reserved for tests. */
const PRIVATE_TOP_LEVEL = new Set(["localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "corp", "test", "example", "invalid"]);

/**
 * Why a URL's host is not the name of a public web site, or undefined when it is one: a host name of
 * two or more labels (letters, digits, hyphens; underscores below the top level), whose last label is
 * a real top-level name (letters, or an `xn--` name), written without the root's trailing dot. IP
 * addresses are refused: a source is cited by its publisher's name, which outlives the address, and an
 * address can point inside a network.
 */
export function hostProblem(url: URL): string | undefined {
  if (url.username || url.password) return "holds a user name or password";
  return hostNameProblem(url.hostname);
}

/** hostProblem of a URL's host name as the URL parser gives it. */
export function hostNameProblem(hostname: string): string | undefined {
  return PUBLIC_HOST.test(hostname) ? undefined : hostNameProblemInDetail(hostname);
}

/** hostNameProblem, rule by rule. */
export function hostNameProblemInDetail(hostname: string): string | undefined {
  const host = hostname.replace(/\.$/, "");
  if (host.startsWith("[") || /^\d+(?:\.\d+){3}$/.test(host)) return "names an IP address, not a host";
  const labels = host.split(".");
  if (labels.length < 2) return "has no proper host name (no dot)";
  if (labels.some((l) => l.length === 0 || l.length > 63)) return "has an empty or overlong part in its host name";
  const top = labels[labels.length - 1]!;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(top)) return `has no real top-level domain (\`.${top}\`)`;
  if (PRIVATE_TOP_LEVEL.has(top)) return `is a local or reserved address (\`.${top}\`)`;
  if (labels.slice(0, -1).some((l) => !/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/.test(l))) return "has a host name with characters a host name cannot hold";
  // `example.org.` names the same host, but it is not the address a reader types, and some sites refuse it.
  if (hostname.endsWith(".")) return `ends its host name with a dot (\`${hostname}\`)`;
  return undefined;
}

/**
 * Host names hostNameProblem passes without a closer look, in one test: labels of up to 63 characters
 * that pass its test of a label, under a top-level name of letters that is not a private one.
 */
const PUBLIC_HOST = new RegExp(`^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\\.)+(?!(?:${[...PRIVATE_TOP_LEVEL].join("|")})$)[a-z]{2,63}$`);

/**
 * Why a URL is not an http(s) address of a public host written as a reader types it, or undefined:
 * what the check reports after the URL's text. Plain URLs (plainUrlHost) are judged by their host alone,
 * without the URL parser, which costs more than the rest of the check.
 */
export function urlProblem(value: string): string | undefined {
  const host = plainUrlHost(value);
  return host !== undefined ? hostNameProblem(host) : parsedUrlProblem(value);
}

/** urlProblem by way of the URL parser, whatever the URL's form. */
export function parsedUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return NOT_A_URL;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return NOT_A_URL;
  return hostProblem(url) ?? defaultPortProblem(value, url);
}

const NOT_A_URL = "is not a valid http(s) URL";

/**
 * Why a URL is not written as a reader types it, or undefined: it writes out its scheme's default port
 * (`https://example.org:443/`), the same page as without it but not an address a publisher gives. The URL
 * parser drops a default port, so it is read from the text: once `hostProblem` has passed the URL
 * (no user name, no bracketed address), a colon before the path can only start a port.
 */
function defaultPortProblem(value: string, url: URL): string | undefined {
  const port = url.port === "" ? /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(:\d*)(?:[/?#]|$)/i.exec(value)?.[1] : undefined;
  return port === undefined ? undefined : `writes out its scheme's default port (\`${port}\`)`;
}

/** SRC002: beyond the schema's pattern, a URL parses and names a public host. */
export const sourceUrls: Check = {
  code: "SRC002",
  severity: "error",
  scope: "record",
  description: "Every URL parses as an `http:` or `https:` address, writes out no default port (`:443`), and names a public host: two or more labels, a real top-level domain, no trailing dot, not `localhost`, a reserved name (`.test`, `.local`…) or an IP address.",
  run(ctx) {
    for (const r of ctx.records) {
      forEachValueOf(ctx, r, "urls", (value, pointer) => {
        if (typeof value !== "string") return;
        const problem = urlProblem(value);
        if (problem === NOT_A_URL) ctx.report(r, pointer(), `\`${value}\` ${problem}`);
        else if (problem) ctx.report(r, pointer(), `\`${value}\` ${problem}`, { tip: "cite the page at its public address, as a reader would open it" });
      });
    }
  },
};
