import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers, ImportOutcome, Project } from '../contract';
import { readAboutInfo } from '../services/about';
import { InstanceCoordinator, filesFromArgv, kindOfFile } from './instance';
import { openFromDisk } from './open-file';
import { DEFAULT_WINDOW, fitToDisplays, loadWindowState, saveWindowState } from './window-state';

describe('single instance', () => {
  it('runs the first start and hands a second start over', () => {
    expect(InstanceCoordinator.decide(true)).toBe('run');
    expect(InstanceCoordinator.decide(false)).toBe('quit');
  });

  it('focuses the running window and opens the files a second start was given, in order', async () => {
    const log: string[] = [];
    const c = new InstanceCoordinator({
      focus: () => log.push('focus'),
      open: async (p, kind) => void log.push(`${kind}:${p}`),
      unsupported: (p) => log.push(`unsupported:${p}`),
    });
    // Before the window is ready (macOS open-file at launch, our own command line): queued.
    c.request('/a/first.brproj');
    expect(log).toEqual([]);
    await c.markReady();
    expect(log).toEqual(['project:/a/first.brproj']);
    c.secondInstance(
      ['/opt/app/bilingual-review', '--no-sandbox', 'story.TXT', '/x/p.brproj', 'x.exe'],
      '/home/u',
      true,
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(log.slice(1)).toEqual([
      'focus',
      'article:/home/u/story.TXT',
      'project:/x/p.brproj',
      'unsupported:/home/u/x.exe',
    ]);
  });

  it('reads files from a command line, packaged or not', () => {
    expect(
      filesFromArgv(['electron', 'dist/electron/main.mjs', '.', '--inspect', 'a.md'], {
        packaged: false,
        cwd: '/w',
      }),
    ).toEqual(['/w/a.md']);
    expect(filesFromArgv(['app.exe', 'C.brproj'], { packaged: true, cwd: '/w' })).toEqual(['/w/C.brproj']);
    expect(kindOfFile('x.Brproj')).toBe('project');
    expect(kindOfFile('x.docx')).toBe('article');
    expect(kindOfFile('x.pdf')).toBeNull();
  });
});

describe('window state', () => {
  it('is remembered in the data folder and survives damage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'win-'));
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
    await saveWindowState(dir, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    await writeFile(join(dir, 'window-state.json'), '{"width":"huge"');
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
  });

  it('never opens off screen or larger than the screen', () => {
    const laptop = [{ x: 0, y: 0, width: 1366, height: 740 }];
    // Saved on a second monitor that is gone: position dropped (centred), size clamped.
    expect(fitToDisplays({ x: 2500, y: 100, width: 1920, height: 1000, maximized: false }, laptop)).toEqual({
      width: 1366,
      height: 740,
      maximized: false,
    });
    expect(fitToDisplays({ x: 100, y: 50, width: 1000, height: 600, maximized: false }, laptop)).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 600,
      maximized: false,
    });
    expect(fitToDisplays({ width: 300, height: 200, maximized: false }, laptop)).toMatchObject({
      width: 900,
      height: 560,
    });
  });
});

describe('opening files from the desktop', () => {
  const project = { id: 'p1', name: 'n' } as Project;
  const handlers = {
    importArticle: async () => ({ project, encoding: 'utf-8', warnings: [] }) as ImportOutcome,
    importProjectFile: async () => project,
  } satisfies Pick<ApiHandlers, 'importArticle' | 'importProjectFile'>;

  it('opens articles and project files, and reports failures without paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-'));
    await writeFile(join(dir, 'a.txt'), '기사');
    expect(await openFromDisk(join(dir, 'a.txt'), 'article', handlers)).toMatchObject({
      type: 'project-opened',
    });
    await writeFile(join(dir, 'p.brproj'), '{}');
    expect(await openFromDisk(join(dir, 'p.brproj'), 'project', handlers)).toEqual({
      type: 'project-opened',
      outcome: { project, encoding: 'utf-8', warnings: [] },
    });
    expect(await openFromDisk(join(dir, 'gone.txt'), 'article', handlers)).toEqual({
      type: 'error',
      error: { code: 'import.notFound' },
    });
    const failing = {
      ...handlers,
      importArticle: async () => Promise.reject(new Error(`EIO reading ${dir}/a.txt`)),
    };
    const event = await openFromDisk(join(dir, 'a.txt'), 'article', failing);
    expect(JSON.stringify(event)).not.toContain(dir);
    expect(event).toMatchObject({ type: 'error', error: { code: 'unknown' } });
  });
});

describe('About', () => {
  it('lists every shipped component with its version and licence', async () => {
    const appRoot = dirname(dirname(import.meta.dirname));
    const about = await readAboutInfo({
      appRoot,
      appVersion: '9.9.9',
      mode: 'electron',
      versions: { node: '20.1.0', electron: '41.0.0' },
    });
    expect(about.version).toBe('9.9.9');
    expect(about.runtime).toEqual([
      { name: 'Electron', version: '41.0.0' },
      { name: 'Node.js', version: '20.1.0' },
    ]);
    const react = about.components.find((c) => c.name === 'react');
    expect(react).toMatchObject({ license: 'MIT' });
    expect(react?.version).toMatch(/^\d+\.\d+/);
    expect(about.components.length).toBeGreaterThan(10);
  });
});
