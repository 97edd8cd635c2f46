/**
 * What every command shares: one argument parser (node:util parseArgs, strict: unknown options are
 * usage errors), `--help`, paths taken from where the user ran `npm run` (npm sets INIT_CWD), and one
 * way to end: a usage error or a failure is one line on stderr and exit 2, never a stack trace; a
 * reader that closes the pipe early (`| head`) ends the command quietly.
 */
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { visible } from "./report/visible.ts";

/** A mistake in how a command was called, or an output it refuses: reported in one line, exit 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandLine<O extends Options> {
  values: { [K in keyof O]?: O[K] extends { type: "boolean" } ? boolean : string };
  positionals: string[];
}

/**
 * Parses a command line strictly. Returns undefined after printing `help` for `-h`/`--help`.
 * `positionals` is how many arguments the command takes besides options: [min, max].
 */
export function parseCommandLine<O extends Options>(argv: readonly string[], spec: { options: O; help: string; positionals?: [number, number] }): CommandLine<O> | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...spec.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const option = /'(-[^' ]*)/.exec(e.message)?.[1];
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option \`${option ?? e.message}\``);
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`option \`${option ?? "?"}\` needs a value`);
    throw new UsageError(e.message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(spec.help);
    return undefined;
  }
  const [min, max] = spec.positionals ?? [0, 0];
  const n = parsed.positionals.length;
  if (n > max) throw new UsageError(max === 0 ? `unexpected argument \`${parsed.positionals[0]}\`` : `unexpected argument \`${parsed.positionals[max]}\` (at most ${max})`);
  if (n < min) throw new UsageError(`expected ${min} argument${min === 1 ? "" : "s"}, got ${n}`);
  return parsed as unknown as CommandLine<O>;
}

/**
 * The folder the user ran the command from. npm runs scripts from the package root and says where it
 * was started in INIT_CWD; that is used only when npm started this very script (the variables are
 * inherited by every child process, which may run elsewhere).
 */
export function userCwd(): string {
  const { INIT_CWD, npm_package_json: pkg, npm_lifecycle_script: script } = process.env;
  const self = process.argv[1] ? path.basename(process.argv[1]) : undefined;
  const startedByNpm = INIT_CWD && pkg && self && script?.includes(self) && path.dirname(path.resolve(pkg)) === process.cwd();
  return startedByNpm ? path.resolve(INIT_CWD) : process.cwd();
}

/** A path as the user typed it, made absolute from where they typed it. */
export function userPath(p: string): string {
  return path.resolve(userCwd(), p);
}

/** Turns a path the user gave into one relative to `root`, with forward slashes. */
export function relativeToRoot(root: string, p: string): string {
  return path.relative(root, userPath(p)).split(path.sep).join("/");
}

/** One line for an error: the message of a usage error, "internal error: …" otherwise (the stack with SIDELINES_DEBUG=1). */
export function describeFailure(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split("\n")[0]}${process.env.SIDELINES_DEBUG && error instanceof Error ? `\n${error.stack}` : " (set SIDELINES_DEBUG=1 for details)"}`;
}

/** Ends the process quietly when the reader of stdout or stderr goes away (`npm run validate | head`). */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

/**
 * Writes pieces of text to a stream, waiting whenever it asks to (`write` returns false): written to a
 * pipe whose reader is slower than the writer, a report of tens of megabytes was otherwise queued whole
 * in memory (a warm validation of 100,000 files peaked 290 MB higher piped than written to a file).
 */
export async function writeAll(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!stream.write(piece)) await drained(stream);
}

/** Resolves when the stream drains, or closes or fails (which other handlers deal with); at once if it is destroyed. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  if ((stream as { destroyed?: boolean }).destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}

/**
 * Runs a command's main function: its result is the exit status; a thrown error is one line on
 * stderr, prefixed with the command's name, and exit 2.
 */
export function runCommand(name: string, main: () => number | Promise<number>): void {
  exitQuietlyOnClosedPipe();
  const fail = (error: unknown): void => {
    const hint = error instanceof UsageError && /^(unknown option|option|unexpected argument|expected)/.test(error.message) ? " (run with --help for usage)" : "";
    console.error(`${name}: ${visible(describeFailure(error))}${hint}`);
    process.exitCode = 2;
  };
  try {
    Promise.resolve(main()).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
