import type { ApiHandlers } from '../contract';
import { AppError } from '../services/errors';
import type { CoreContext } from './context';

type TmHandlers = Pick<ApiHandlers, 'tmLookup' | 'importTmx' | 'exportTmx'>;

// Placeholder until the translation memory lands (issue #8): every method refuses with a clear code.
export function tmHandlers(_ctx: CoreContext): TmHandlers {
  const missing = async (): Promise<never> => {
    throw new AppError('api.notImplemented');
  };
  return { tmLookup: missing, importTmx: missing, exportTmx: missing };
}
