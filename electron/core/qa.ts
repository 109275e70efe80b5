import type { ApiHandlers, QaContext } from '../contract';
import { AppError } from '../services/errors';
import { checkProject } from '../services/qa';
import { QaRepository } from '../services/qa/repository';
import { cleanTerm } from '../services/qa/repository';
import { parseTermFile, writeTermFile } from '../services/qa/termfiles';
import type { CoreContext } from './context';

type QaHandlers = Pick<
  ApiHandlers,
  | 'runQa'
  | 'qaContext'
  | 'dismissQaIssue'
  | 'setQaCheck'
  | 'listTerms'
  | 'saveTerm'
  | 'deleteTerm'
  | 'importTerms'
  | 'exportTerms'
>;

/**
 * Quality checks across the Korean source and both targets, "not an error" marks, and the termbase of the caller's
 * desk (`ctx.actor().desk`, passed to the repository on every call: another desk's terms are never listed,
 * exported, checked against, changed or deleted; which checks are switched off is the desk's too).
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

  /**
   * One terminology tool: a project's glossary (kept by older versions beside the termbase) becomes the project's
   * own terms the first time its terms are listed — a term already there with the same Korean wins — and the
   * glossary is emptied, so DeepL, the checks and the highlight read one list.
   */
  async function adoptGlossary(projectId: string): Promise<void> {
    const project = await store.get(projectId);
    if (project.glossary.length === 0) return;
    for (const g of project.glossary) {
      if (await repo.findByKo(desk(), 'project', projectId, g.ko)) continue;
      const term = {
        scope: 'project' as const,
        projectId,
        ko: g.ko,
        vi: g.vi,
        en: g.en,
        forbiddenVi: [],
        forbiddenEn: [],
      };
      await repo.saveTerm(desk(), term, ctx.actor().name, iso());
    }
    await store.update(projectId, (p) => {
      p.glossary = [];
    });
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

    async listTerms(projectId) {
      if (projectId) await adoptGlossary(projectId);
      return repo.terms(desk(), projectId);
    },

    async saveTerm(input) {
      if (input.scope === 'project') await store.get(input.projectId ?? '');
      return repo.saveTerm(desk(), input, ctx.actor().name, iso());
    },

    deleteTerm: (termId) => repo.deleteTerm(desk(), termId, iso()),

    async importTerms(req) {
      if (req.scope === 'project') await store.get(req.projectId ?? '');
      const parsed = parseTermFile(req.fileName, Buffer.from(req.dataBase64, 'base64'));
      let imported = 0;
      let skipped = 0;
      for (const p of parsed) {
        const input = { ...p, scope: req.scope, ...(req.projectId ? { projectId: req.projectId } : {}) };
        try {
          cleanTerm(input);
        } catch {
          skipped++;
          continue;
        }
        const existing = await repo.findByKo(desk(), req.scope, req.projectId, p.ko);
        const term = { ...input, ...(existing ? { id: existing.id } : {}) };
        await repo.saveTerm(desk(), term, ctx.actor().name, iso());
        imported++;
      }
      return { imported, skipped };
    },

    async exportTerms({ projectId, format }) {
      const terms = await repo.terms(desk(), projectId);
      const { fileName, data } = writeTermFile(terms, format, projectId ? 'termbase-project' : 'termbase');
      return { fileName, dataBase64: Buffer.from(data, 'utf8').toString('base64') };
    },
  };
}
