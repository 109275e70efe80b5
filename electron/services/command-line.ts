/**
 * The entry of a command-line program (the loopback host, the desk server, the try-out desk): flags parsed with
 * `util.parseArgs` by the program, `--help` answered here. Exit codes: 0 after help, 2 for bad usage (with the
 * reason and the usage), 1 for any other failure (with the program's name and the reason).
 */

/** Whether `err` is `util.parseArgs` refusing the command line (unknown option, missing value…). */
function isParseError(err: unknown): err is Error {
  return err instanceof Error && /^ERR_PARSE_ARGS_/.test((err as NodeJS.ErrnoException).code ?? '');
}

/** Run `main` with the program's arguments; see the module's comment for help and exit codes. */
export function runCommandLine(
  name: string,
  usage: string,
  main: (argv: string[]) => Promise<void>,
  options: { argv?: string[]; describe?: (err: unknown) => string | undefined } = {},
): void {
  const argv = options.argv ?? process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  main(argv).catch((err: unknown) => {
    if (isParseError(err)) {
      console.error(`${name}: ${err.message}\nusage: ${usage}`);
      process.exit(2);
    }
    console.error(options.describe?.(err) ?? `${name}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
