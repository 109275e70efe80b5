import type { ApiHandlers } from '../contract';
import { cleanTerm, QaRepository } from '../services/qa/repository';
import { parseTermFile, writeTermFile } from '../services/qa/termfiles';
import type { CoreContext } from './context';

type TermHandlers = Pick<
  ApiHandlers,
  'listTerms' | 'saveTerm' | 'deleteTerm' | 'importTerms' | 'exportTerms'
>;
type ImportTermsRequest = Parameters<ApiHandlers['importTerms']>[0];

/**
 * One terminology tool: a project's glossary (kept by older versions beside the termbase) becomes the project's
 * own terms the first time its terms are listed — a term already there with the same Korean wins — and the
 * glossary is emptied, so DeepL, the checks and the highlight read one list.
 */
async function adoptGlossary(ctx: CoreContext, repo: QaRepository, projectId: string): Promise<void> {
  const { store, iso } = ctx;
  const desk = ctx.actor().desk;
  const project = await store.get(projectId);
  if (project.glossary.length === 0) return;
  for (const g of project.glossary) {
    if (await repo.findByKo(desk, 'project', projectId, g.ko)) continue;
    const term = {
      scope: 'project' as const,
      projectId,
      ko: g.ko,
      vi: g.vi,
      en: g.en,
      forbiddenVi: [],
      forbiddenEn: [],
    };
    await repo.saveTerm(desk, term, ctx.actor().name, iso());
  }
  await store.update(projectId, (p) => {
    p.glossary = [];
  });
}

/** Read a term file into the termbase: a term with the same Korean is updated, an invalid one skipped. */
async function importTermFile(ctx: CoreContext, repo: QaRepository, req: ImportTermsRequest) {
  const desk = () => ctx.actor().desk;
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
    await repo.saveTerm(desk(), term, ctx.actor().name, ctx.iso());
    imported++;
  }
  return { imported, skipped };
}

/**
 * The termbase of the caller's desk (`ctx.actor().desk`, passed to the repository on every call: another desk's
 * terms are never listed, exported, changed or deleted).
 */
export function termHandlers(ctx: CoreContext): TermHandlers {
  const { store, iso } = ctx;
  const repo = new QaRepository(ctx.database);
  const desk = () => ctx.actor().desk;
  return {
    async listTerms(projectId) {
      if (projectId) await adoptGlossary(ctx, repo, projectId);
      return repo.terms(desk(), projectId);
    },

    async saveTerm(input) {
      if (input.scope === 'project') await store.get(input.projectId ?? '');
      return repo.saveTerm(desk(), input, ctx.actor().name, iso());
    },

    deleteTerm: (termId) => repo.deleteTerm(desk(), termId, iso()),

    async importTerms(req) {
      if (req.scope === 'project') await store.get(req.projectId ?? '');
      return importTermFile(ctx, repo, req);
    },

    async exportTerms({ projectId, format }) {
      const terms = await repo.terms(desk(), projectId);
      const { fileName, data } = writeTermFile(terms, format, projectId ? 'termbase-project' : 'termbase');
      return { fileName, dataBase64: Buffer.from(data, 'utf8').toString('base64') };
    },
  };
}
