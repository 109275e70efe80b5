import { afterEach, describe, expect, it, vi } from 'vitest';
import { USAGE, UsageError, parseCommandLine } from './cli-args';
import { runCli } from './cli';

const COMMANDS = ['translate', 'export', 'import-xliff', 'qa', 'tm', 'desk'];

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the command line grammar (util.parseArgs)', () => {
  it('answers --help, -h and help with every command on stdout, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { out, err } = capture();
      expect(await runCli(argv, {})).toBe(0);
      expect(err).toEqual([]);
      for (const c of COMMANDS) expect(out.join('\n')).toContain(`cli ${c} `);
      vi.restoreAllMocks();
    }
  });

  it('answers help <command> and <command> --help with that command alone', async () => {
    for (const c of COMMANDS) {
      const { out } = capture();
      expect(await runCli(['help', c], {})).toBe(0);
      expect(await runCli([c, '--help'], {})).toBe(0);
      expect(out[0]).toBe(out[1]);
      expect(out[0]).toContain(`cli ${c} `);
      for (const other of COMMANDS.filter((o) => o !== c && !o.startsWith(c) && !c.startsWith(o)))
        expect(out[0]).not.toContain(`cli ${other} `);
      vi.restoreAllMocks();
    }
  });

  it('refuses an unknown command, an unknown option or a missing value with exit 2 and the usage', async () => {
    for (const argv of [
      ['help', 'nope'],
      ['nope'],
      [],
      ['export', 'p.json', '--lang'],
      ['qa', 'p', '--jsn'],
    ]) {
      const { err } = capture();
      expect(await runCli(argv, {})).toBe(2);
      expect(err.at(-1)).toMatch(/^error: .+\nusage:/);
      expect(err.at(-1)).toContain(USAGE);
      vi.restoreAllMocks();
    }
  });

  it("reads each command's own options: values, switches, -o and --name=value", () => {
    const line = parseCommandLine([
      'export',
      'p.json',
      '--lang=vi',
      '--format',
      'md',
      '-o',
      'out.md',
      '--force',
    ]);
    expect(line).toEqual({
      parsed: {
        positional: ['export', 'p.json'],
        flags: new Map<string, string | true>([
          ['lang', 'vi'],
          ['format', 'md'],
          ['out', 'out.md'],
          ['force', true],
        ]),
      },
    });
    // A switch of another command is not an option here.
    expect(() => parseCommandLine(['translate', 'a.txt', '--json'])).toThrow(UsageError);
    // A value that looks like an option is refused rather than taken as the value.
    expect(() => parseCommandLine(['export', 'p.json', '--lang', '--force'])).toThrow(UsageError);
  });
});
