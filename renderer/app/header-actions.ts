import type { EnglishVariant, Project, TranslateRequest, UiLang } from '../../electron/contract';
import type { Can } from '../features/desk/permissions';
import type { useArticleImport } from '../features/projects/use-article-import';
import type { QaReview } from '../features/qa/use-qa-review';
import type { HeaderActions } from '../features/review/Header';
import type { DialogName } from './AppDialogs';

/**
 * The header's buttons. What the person's role cannot do on a desk is left out (the header then hides its button),
 * so a reviewer is never offered an editor's action that would only be refused. A hook by name only, so the React
 * compiler treats its arguments as frozen and keeps the app's memoization.
 */
export function useHeaderActions(o: {
  can: Can;
  setVariant(v: EnglishVariant): void;
  maySettings: boolean;
  project: Project | null;
  articles: ReturnType<typeof useArticleImport>;
  setDialog(d: DialogName): void;
  closeProject(): void;
  startTranslation(req: TranslateRequest): Promise<unknown>;
  qa: QaReview;
  uiLanguage(lng: UiLang): void;
}): HeaderActions {
  const { project, articles, setDialog, startTranslation, qa } = o;
  const mayOpen = o.can('importArticle');
  const mayTranslate = o.can('translate');
  const translate = (refresh: boolean) =>
    project &&
    void startTranslation({ projectId: project.id, langs: ['vi', 'en'], ...(refresh ? { refresh } : {}) });
  return {
    openFile: mayOpen ? (file) => void articles.importFile(file) : undefined,
    openRevised: mayOpen
      ? (file) => {
          if (project) void articles.importFile(file, { intoProjectId: project.id });
        }
      : undefined,
    paste: mayOpen ? () => setDialog('paste') : undefined,
    projects: () => setDialog('projects'),
    closeProject: o.closeProject,
    translate: mayTranslate ? () => translate(false) : undefined,
    refresh: mayTranslate ? () => translate(true) : undefined,
    variant: o.can('setEnglishVariant') ? o.setVariant : undefined,
    terms: () => setDialog('terms'),
    qa: () => project && qa.openPanel(),
    exportFile: () => {
      qa.refreshOpenErrors();
      setDialog('export');
    },
    settings: o.maySettings ? () => setDialog('settings') : undefined,
    help: () => setDialog('about'),
    uiLanguage: o.uiLanguage,
  };
}

/** Translate again the rows where either language failed (one run for both languages). */
export function retryFailed(
  project: Project | null,
  startTranslation: (req: TranslateRequest) => Promise<unknown>,
): void {
  if (!project) return;
  const failed = (lang: 'vi' | 'en') =>
    project.segments.filter((s) => s.targets[lang].status === 'error').map((s) => s.id);
  const segmentIds = [...new Set([...failed('vi'), ...failed('en')])];
  if (segmentIds.length) void startTranslation({ projectId: project.id, langs: ['vi', 'en'], segmentIds });
}
