import type { ApiHandlers } from '../contract';
import { readAboutInfo } from '../services/about';
import { findAppRoot } from '../services/paths';
import type { CoreContext } from './context';
import { dirname } from 'node:path';

type AboutHandlers = Pick<ApiHandlers, 'getAbout'>;

/** Help › About: versions and licences (read once, they do not change while the app runs). */
export function aboutHandlers(ctx: CoreContext): AboutHandlers {
  let cached: ReturnType<typeof readAboutInfo> | null = null;
  return {
    getAbout: () =>
      (cached ??= readAboutInfo({
        appRoot: findAppRoot(dirname(ctx.opts.samplePath)),
        appVersion: ctx.opts.appVersion,
        mode: ctx.opts.mode,
        versions: process.versions,
      })),
  };
}
