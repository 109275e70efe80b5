import { extname, isAbsolute, resolve } from 'node:path';

/**
 * The portable project file's extension (a whole project, its history and glossary, in one file; written by
 * File › Save project file as…, registered with the OS by the installers so a double click opens it here).
 */
export const PROJECT_EXTENSION = '.brproj';
/** Article files the app opens from a file manager or the command line. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx'];

/** What opening a file means: restore a portable project, or import an article as a new project. */
export type OpenKind = 'project' | 'article';

/** The kind of a file by its extension, or null for files the app does not open. */
export function kindOfFile(path: string): OpenKind | null {
  const ext = extname(path).toLowerCase();
  if (ext === PROJECT_EXTENSION) return 'project';
  return ARTICLE_EXTENSIONS.includes(ext) ? 'article' : null;
}

/**
 * The files named on a command line (ours, or the one a second start hands over): skips the executable, the
 * app's script when running unpackaged, Chromium's and our own `--flags`, and `.`; resolves relative paths
 * against the folder the command ran in.
 */
export function filesFromArgv(argv: readonly string[], opts: { packaged: boolean; cwd: string }): string[] {
  return argv
    .slice(opts.packaged ? 1 : 2)
    .filter((a) => a && !a.startsWith('-') && a !== '.')
    .map((a) => (isAbsolute(a) ? a : resolve(opts.cwd, a)));
}

/** What the coordinator needs from the desktop shell. */
export interface InstanceShell {
  /** Bring the existing window to the front (restore it if minimised). */
  focus(): void;
  /** Open a file in the running app (reports its own errors to the UI). */
  open(path: string, kind: OpenKind): Promise<void>;
  /** Tell the person a file was not opened because the app does not open that type. */
  unsupported(path: string): void;
}

/**
 * One running app per user: the first start takes the lock and owns the window and the data folder; a later start
 * hands its files to the first (Electron's `second-instance`) and quits, so two processes never write the same
 * folder. Files that arrive before the window is ready (command line, macOS `open-file`) wait in a queue.
 */
export class InstanceCoordinator {
  private ready = false;
  private readonly queue: string[] = [];

  constructor(private readonly shell: InstanceShell) {}

  /** What a start does with the single-instance lock: run, or hand over and quit. */
  static decide(gotLock: boolean): 'run' | 'quit' {
    return gotLock ? 'run' : 'quit';
  }

  /** Open a file now, or once the window is ready. */
  request(path: string): void {
    if (this.ready) void this.openOne(path);
    else this.queue.push(path);
  }

  /** The window is ready: open what was waiting, in order. */
  async markReady(): Promise<void> {
    this.ready = true;
    for (const path of this.queue.splice(0)) await this.openOne(path);
  }

  /** Another start of the app: focus this window and open the files it was given. */
  secondInstance(argv: readonly string[], cwd: string, packaged: boolean): void {
    this.shell.focus();
    for (const path of filesFromArgv(argv, { packaged, cwd })) this.request(path);
  }

  private async openOne(path: string): Promise<void> {
    const kind = kindOfFile(path);
    if (!kind) return this.shell.unsupported(path);
    await this.shell.open(path, kind);
  }
}
