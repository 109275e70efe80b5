/**
 * The command line's grammar: each command's options for `util.parseArgs`, and its help. `cli --help`, `cli help`
 * and `cli help <command>` (or `cli <command> --help`) print help and exit 0; bad usage exits 2 with the reason.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXPORT_FORMATS } from './contract';
import { DESK_USAGE } from './desk/cli-desk';

type Options = NonNullable<ParseArgsConfig['options']>;

const out = { type: 'string', short: 'o' } as const;
const force = { type: 'boolean' } as const;

/** Per command: its options, its usage line(s) and what it does. */
const COMMANDS = {
  translate: {
    options: {
      out,
      langs: { type: 'string' },
      'en-variant': { type: 'string' },
      'memory-only': force,
      'max-characters': { type: 'string' },
      yes: force,
      force,
    },
    usage: `cli translate <article> -o <project.json> [--langs vi,en] [--en-variant en-US|en-GB] [--memory-only]
                [--max-characters N] [--yes] [--force]`,
    about: `Import an article (text, HTML, DOCX) and pre-translate it into a project file: exact matches from the
translation memory first, then DeepL (DEEPL_AUTH_KEY).
  --memory-only         take only translation-memory matches, send nothing to DeepL
  --max-characters N    stop before sending DeepL more than N characters
  --yes                 open an article without Hangul (the app asks first)
  --force               replace an existing project file`,
  },
  export: {
    options: {
      out,
      lang: { type: 'string' },
      format: { type: 'string' },
      'include-unapproved': force,
      segmentation: { type: 'string' },
      name: { type: 'string' },
      data: { type: 'string' },
      'ui-lang': { type: 'string' },
      force,
    },
    usage: `cli export <project.json> --lang vi|en|all --format ${EXPORT_FORMATS.join('|')} [--include-unapproved]
                [--segmentation paragraph|sentence] [--name <name>] [--data <dir>] [--ui-lang en|ko|vi]
                -o <file | folder> [--force]`,
    about: `Write a project's translation as a publish or interchange file (one file per language for --lang all).
  Only approved paragraphs unless --include-unapproved; an existing file is replaced only with --force.
  -o <folder>     write into an existing folder under the app's file names:
                  <name>.<lang>.<ext> (e.g. busan-2030.vi.xliff20.xlf)
  --name <name>   the export's name, as in the app's export dialog (default: the project's name): the file
                  names take its safe slug, and so do the names inside an OmegaT package
  --data <dir>    the app's data folder, whose termbase (desk terms and this project's) goes into the OmegaT
                  package's glossary (default: the app's own)
  --ui-lang <l>   the language of the review DOCX and the reports, as the app's interface language would
                  give them: en (default), ko or vi`,
  },
  'import-xliff': {
    options: { 'dry-run': force, 'take-theirs': force },
    usage: 'cli import-xliff <project.json> <file.xlf> [--dry-run] [--take-theirs]',
    about: `Bring back an XLIFF file edited in a CAT tool into the project it was exported from.
  --dry-run      say what would change, change nothing
  --take-theirs  where both sides changed a cell, keep the file's text`,
  },
  qa: {
    options: { json: force, data: { type: 'string' } },
    usage: 'cli qa <project.json | project id> [--json] [--data <dir>]',
    about: `Check a project (numbers, terms, tags, omissions…); exits 1 when an error finding is open.
  --data <dir>  the app's data folder, for terms and "not an error" marks (default: the app's own)`,
  },
  tm: {
    options: { out, force },
    usage: 'cli tm import <file.tmx>\n  cli tm export -o <file.tmx> [--force]',
    about: "Import a TMX file into the app's translation memory, or export the memory as TMX.",
  },
  desk: {
    options: {
      role: { type: 'string' },
      desk: { type: 'string' },
      database: { type: 'string' },
      'password-stdin': force,
    },
    usage: DESK_USAGE.trim(),
    about: 'Create an account on a team desk database.',
  },
} satisfies Record<string, { options: Options; usage: string; about: string }>;

export type CommandName = keyof typeof COMMANDS;

/** Every command's usage, as `--help` and a usage error print it. */
export const USAGE = `usage:\n${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}\n  cli help [<command>]`;

/** A problem with how the CLI was called (exit code 2). */
export class UsageError extends Error {}

/** A command line as the commands read it. */
export interface Parsed {
  /** The command, then its positional arguments. */
  positional: string[];
  flags: Map<string, string | true>;
}

/** What to do: print help, or run a command. */
export type CommandLine = { help: string } | { parsed: Parsed };

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

function helpOf(name: string | undefined): string {
  if (name === undefined) return USAGE;
  if (!isCommand(name)) throw new UsageError(`unknown command '${name}'`);
  const c = COMMANDS[name];
  return `usage:\n  ${c.usage}\n\n${c.about}`;
}

/** Parse `argv` (without node and the script) with `util.parseArgs`, against the command's own options. */
export function parseCommandLine(argv: string[]): CommandLine {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command');
  if (command === 'help' || command === '--help' || command === '-h') return { help: helpOf(rest[0]) };
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  if (rest.includes('--help') || rest.includes('-h')) return { help: helpOf(command) };
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    const options: Options = COMMANDS[command].options;
    ({ values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'string' || value === true) flags.set(name, value);
  return { parsed: { positional: [command, ...positionals], flags } };
}

/** A flag's value, when it takes one. */
export function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
