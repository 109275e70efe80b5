// `npm run bench`: every benchmark in turn, each in its own process so peak-memory figures do not mix.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const name of ['import.ts', 'hostile.ts', 'mt.ts', 'export.ts', 'storage.ts', 'tm.ts', 'qa.ts']) {
  console.log(`\n=== bench/${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
