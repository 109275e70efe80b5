import { useTranslation } from 'react-i18next';
import type { Project } from '../../electron/contract';
import { SaveIndicator, useMachineTotals } from '../features/editor/EditorStatus';
import type { ReviewStore } from '../features/editor/store';
import { SourceInfo } from '../features/projects/SourceInfo';
import type { useArticleImport } from '../features/projects/use-article-import';
import { Header, type HeaderActions } from '../features/review/Header';
import { progressOf } from '../features/review/review-state';
import { pickUiLanguage } from '../i18n';

/** The header for the open project (or none): its name and source file, progress, save state and the menus. */
export function AppHeader(props: {
  project: Project | null;
  store: ReviewStore;
  articles: ReturnType<typeof useArticleImport>;
  hasKey: boolean;
  translating: boolean;
  actions: HeaderActions;
}) {
  const { i18n } = useTranslation();
  const { project, articles } = props;
  const totals = useMachineTotals(project?.segments);
  return (
    <Header
      projectName={project?.name ?? null}
      sourceInfo={
        project && (
          <SourceInfo
            project={project}
            lastFile={articles.lastFile}
            onReopen={(file, encoding) => void articles.importFile(file, { encoding })}
          />
        )
      }
      progress={project ? progressOf(project.segments) : []}
      totals={totals}
      status={project && <SaveIndicator store={props.store} />}
      variant={project?.englishVariant}
      hasKey={props.hasKey}
      translating={props.translating}
      uiLanguage={pickUiLanguage(i18n.language)}
      actions={props.actions}
    />
  );
}
