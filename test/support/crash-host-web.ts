// A loopback host for the crash test and bench, bundled by crash-driver.ts and started with
// a runner module that imports the bundle (so web.ts's own command-line entry does not run), the
// folders in CRASH_DATA_DIR and CRASH_RENDERER_DIR. Prints `READY <url>`; the driver kills it with SIGKILL.
import { startWebHost } from '../../electron/web';

const dataDir = process.env.CRASH_DATA_DIR!;
const rendererDir = process.env.CRASH_RENDERER_DIR!;
startWebHost({ dataDir, rendererDir, port: 0, env: {} }).then(
  (host) => console.log(`READY ${host.url}`),
  (e: unknown) => {
    console.log(`FAILED ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
