// Global setup of both test runners (vitest and Playwright): every temp folder a test makes — a core's data folder,
// a throwaway PostgreSQL cluster, a file handed to xmllint or OmegaT — goes under one folder of this run, removed
// when the run ends. Tests make their folders with os.tmpdir(), which reads TMPDIR; workers and the processes tests
// start inherit it. Without this, each run left thousands of folders in /tmp.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'review-tests-'));
  // A PostgreSQL cluster runs as the postgres user: it must be able to reach its folder inside this one.
  chmodSync(root, 0o755);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
