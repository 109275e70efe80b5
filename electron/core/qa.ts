import type { ApiHandlers } from '../contract';
import { checkProject } from '../services/qa';
import type { CoreContext } from './context';

type QaHandlers = Pick<ApiHandlers, 'runQa'>;

/** Quality checks across the Korean source and both targets. */
export function qaHandlers(ctx: CoreContext): QaHandlers {
  const { store } = ctx;
  return {
    async runQa(projectId) {
      return checkProject(await store.get(projectId));
    },
  };
}
