// A desk server for the crash test, bundled by crash-driver.ts and started through a runner
// module (so server.ts's own command-line entry does not run): database in DESK_DATABASE_URL, folders in CRASH_DATA_DIR and CRASH_RENDERER_DIR. Prints `READY <url>`; the
// driver kills it with SIGKILL.
import { startDeskServer } from '../../electron/desk/server';

startDeskServer({
  databaseUrl: process.env.DESK_DATABASE_URL!,
  listen: '127.0.0.1:0',
  dataDir: process.env.CRASH_DATA_DIR!,
  rendererDir: process.env.CRASH_RENDERER_DIR!,
  env: {},
}).then(
  (server) => console.log(`READY ${server.url}`),
  (e: unknown) => {
    console.log(`FAILED ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
