import type {
  AppInfo,
  DeskConnection,
  SettingsPatch,
  SettingsView,
  TargetLang,
} from '../../electron/contract';
import type { Notice } from '../components/notices';
import type { ReviewStore } from '../features/editor/store';
import { useProject } from '../features/editor/use-store';
import { AboutDialog, type HelpTopic } from '../features/about/AboutDialog';
import { DeskSettings } from '../features/desk/DeskSettings';
import { ExportDialog } from '../features/export/ExportDialog';
import { PasteDialog } from '../features/projects/PasteDialog';
import { ProjectsDialog } from '../features/projects/ProjectsDialog';
import type { useArticleImport } from '../features/projects/use-article-import';
import { rowNumbers } from '../features/review/review-state';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { HouseStyleSection } from '../features/settings/HouseStyleSection';
import { TermsDialog } from '../features/qa/TermsDialog';
import type { QaReview } from '../features/qa/use-qa-review';

/** The app-level dialogs (one at a time). */
export type DialogName = 'export' | 'settings' | 'paste' | 'projects' | 'terms' | HelpTopic | null;

/** What the app gives its dialogs. */
interface AppDialogsProps {
  dialog: DialogName;
  setDialog(d: DialogName): void;
  info: AppInfo;
  settings: SettingsView;
  saveSettings(patch: SettingsPatch): Promise<boolean>;
  store: ReviewStore;
  /** The QA feature: export warning, Settings switches, termbase changes. */
  qa: QaReview;
  articles: ReturnType<typeof useArticleImport>;
  push(n: Notice): void;
  fail(e: unknown): void;
  jump(segmentId: string, lang?: TargetLang): void;
  /** Resolves once the project is shown (or the failure was reported). */
  openProject(id: string): Promise<void>;
  closeProject(): void;
  /** Settings › Desk: the link to a team desk, and the restart once the app switched desk or went local. */
  desk: { link: DeskConnection | null; onSwitched(): void };
}

/** Renders the open app-level dialog; each closes itself through `setDialog(null)`. */
export function AppDialogs(props: AppDialogsProps) {
  const { dialog, store, push, fail } = props;
  const project = useProject(store);
  const close = () => props.setDialog(null);
  switch (dialog) {
    case 'export':
      return project ? (
        <ExportDialog
          projectId={project.id}
          projectName={project.name}
          mode={props.info.mode}
          onClose={close}
          onNotice={push}
          onJump={props.jump}
          onProject={(p) => store.applySegments(p.id, p.segments)}
          rowOf={(id) => rowNumbers(project.segments).get(id) ?? 0}
          warning={props.qa.exportWarning}
        />
      ) : null;
    case 'settings':
      return <AppSettingsDialog {...props} onClose={close} />;
    case 'paste':
      return <PasteDialog onCreate={props.articles.importText} onClose={close} />;
    case 'projects':
      return <AppProjectsDialog {...props} currentId={project?.id ?? null} onClose={close} />;
    case 'terms':
      return project ? (
        <TermsDialog
          projectId={project.id}
          onClose={close}
          onChanged={() => void props.qa.reload()}
          onError={fail}
        />
      ) : null;
    case 'about':
    case 'shortcuts':
      return <AboutDialog topic={dialog} onClose={close} onNotice={push} />;
    default:
      return null;
  }
}

/** Settings, with the app's own sections: house style, the QA checks, the desk; the checks run again on close. */
function AppSettingsDialog(props: AppDialogsProps & { onClose(): void }) {
  const { qa } = props;
  return (
    <SettingsDialog
      settings={props.settings}
      onSave={props.saveSettings}
      onClose={() => {
        props.onClose();
        void qa.reload();
      }}
      extra={
        <>
          <HouseStyleSection onError={props.fail} />
          {qa.settingsSection}
          <DeskSettings link={props.desk.link} onSwitched={props.desk.onSwitched} />
        </>
      }
    />
  );
}

/** The project list: opening one closes it; renaming or deleting the open project updates or closes it. */
function AppProjectsDialog(props: AppDialogsProps & { currentId: string | null; onClose(): void }) {
  const { currentId, store, onClose } = props;
  return (
    <ProjectsDialog
      currentId={currentId}
      onClose={onClose}
      onNotice={props.push}
      onRenamed={(id, name) => currentId === id && store.patchProject({ name })}
      onDeleted={(id) => currentId === id && props.closeProject()}
      onOpen={(id) => {
        onClose();
        props.openProject(id);
      }}
      onImported={(p) => {
        onClose();
        return props.openProject(p.id);
      }}
    />
  );
}
