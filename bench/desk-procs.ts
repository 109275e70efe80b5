// Desk server processes for `npm run bench:desk`: real OS processes (each its own event loop, pool and copy of the
// projects), as behind a load balancer.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A running desk server process. */
export interface DeskProcess {
  url: string;
  /** The process started (tsx, whose child runs the server: count its descendants too). */
  pid: number;
  stop(): Promise<void>;
}

/** Start `npm run desk` on a free loopback port; resolves once it says where it listens. */
export function startDeskProcess(
  root: string,
  databaseUrl: string,
  dataDir: string,
  env: Record<string, string>,
): Promise<DeskProcess> {
  const child: ChildProcess = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'electron', 'desk', 'server.ts'), '--database', databaseUrl, '--listen', '127.0.0.1:0'],
    { env: { ...process.env, ...env, DESK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((ok, fail) => {
    let out = '';
    child.once('exit', (code) => fail(new Error(`desk process exited (${code}) before listening`)));
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const m = /team desk at (\S+)/.exec(out);
      if (!m) return;
      child.removeAllListeners('exit');
      ok({
        url: m[1]!,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
