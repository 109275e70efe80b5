/**
 * The tools a user would open our files with, run from tests: translate-toolkit and python-docx (Debian python3
 * packages, `/usr/bin/python3`), OmegaT 3.6 in console mode. `npm run setup -- --test` installs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';

export const PYTHON = '/usr/bin/python3';
export const OMEGAT_JAR = '/usr/share/omegat/OmegaT.jar';
const PROBE = resolve(import.meta.dirname, 'omegat/GlossaryProbe.java');

/** Run a Python snippet with arguments; its stdout (stderr must be empty, exit 0). */
export function python(code: string, args: string[] = [], input?: string): string {
  expect(existsSync(PYTHON)).toBe(true);
  const run = spawnSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Unzip a package into `dir`; returns the folder holding `omegat.project`. */
export async function unzipTo(data: Uint8Array, dir: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  let root = '';
  for (const entry of Object.values(zip.files)) {
    const path = join(dir, entry.name);
    if (entry.dir) await mkdir(path, { recursive: true });
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, await entry.async('uint8array'));
      if (entry.name.endsWith('/omegat.project')) root = dirname(path);
    }
  }
  return root;
}

/** Unzip an OmegaT package and translate it in console mode; the target article and the seconds taken. */
export async function omegatConsoleTranslate(
  pkg: Uint8Array,
): Promise<{ text: string; seconds: number; root: string }> {
  expect(existsSync(OMEGAT_JAR)).toBe(true);
  const root = await unzipTo(pkg, await mkdtemp(join(tmpdir(), 'omegat-')));
  const started = performance.now();
  const run = spawnSync('java', ['-jar', OMEGAT_JAR, root, '--mode=console-translate'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: root }, // OmegaT writes its preferences under the home folder
  });
  const seconds = (performance.now() - started) / 1000;
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  const { readdir } = await import('node:fs/promises');
  const [target] = await readdir(join(root, 'target'));
  return { text: await readFile(join(root, 'target', target!), 'utf8'), seconds, root };
}

/**
 * The entries OmegaT reads from a glossary file (TBX or tab-separated) in a loaded project, with its own readers:
 * `[source, target, comment]` per entry.
 */
export async function omegatGlossary(projectRoot: string, file: string): Promise<string[][]> {
  const out = join(projectRoot, 'glossary-probe.txt');
  const run = spawnSync('java', ['-cp', OMEGAT_JAR, PROBE, projectRoot, file, out], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: projectRoot },
  });
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  const text = await readFile(out, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}
