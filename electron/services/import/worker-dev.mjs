// Runs the import worker from TypeScript source (tests, the CLI under tsx): Node 20 does not apply `--import tsx`
// to a worker's entry, so the loader is registered here first. Built apps use dist/electron/import-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
