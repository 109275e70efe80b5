import type { ApiHandlers, QaContext } from '../contract';
import { AppError } from '../services/errors';
import { checkProject } from '../services/qa';
import { QaRepository } from '../services/qa/repository';
import type { CoreContext } from './context';

type QaHandlers = Pick<ApiHandlers, 'runQa' | 'qaContext' | 'dismissQaIssue' | 'setQaCheck'>;

/**
 * Quality checks across the Korean source and both targets and "not an error" marks, against the termbase of the
 * caller's desk (`ctx.actor().desk`, passed to the repository on every call: another desk's terms are never checked
 * against; which checks are switched off is the desk's too). The termbase itself: `core/terms.ts`.
 */
export function qaHandlers(ctx: CoreContext): QaHandlers {
  const { store, iso } = ctx;
  const repo = new QaRepository(ctx.database);
  const desk = () => ctx.actor().desk;

  async function context(projectId: string): Promise<QaContext> {
    await store.get(projectId); // a clear error for an unknown project
    const [terms, disabledChecks, dismissals] = await Promise.all([
      repo.terms(desk(), projectId),
      repo.disabledChecks(desk()),
      repo.dismissals(projectId),
    ]);
    return { terms, disabledChecks, dismissals };
  }

  return {
    async runQa(projectId) {
      const project = await store.get(projectId);
      const c = await context(projectId);
      return checkProject(project, { terms: c.terms, disabled: c.disabledChecks, dismissals: c.dismissals });
    },

    qaContext: context,

    async dismissQaIssue({ projectId, issueId, reason }) {
      await store.get(projectId);
      if (reason === null) await repo.undismiss(projectId, issueId);
      else {
        const why = reason.normalize('NFC').trim();
        if (!why) throw new AppError('qa.reasonRequired');
        await repo.dismiss(projectId, issueId, { by: ctx.actor().name, at: iso(), reason: why });
      }
      return context(projectId);
    },

    setQaCheck: ({ check, enabled }) => repo.setCheck(desk(), check, enabled),
  };
}
