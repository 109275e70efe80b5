import type { AppInfo } from './model';

// Shell: about, desktop.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** Help › About: the app's and the runtime's versions, and the licence of every shipped component. */
export interface AboutInfo {
  name: string;
  version: string;
  mode: AppInfo['mode'];
  /** Electron, Chromium, Node.js, V8 (whichever run this app). */
  runtime: Array<{ name: string; version: string }>;
  /** Every runtime dependency the app ships, with its version and SPDX licence. */
  components: Array<{ name: string; version: string; license: string }>;
}
