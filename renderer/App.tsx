import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SettingsView } from '../electron/contract';
import { api } from './api';
import { AppBars } from './app/AppBars';
import { AppHeader } from './app/AppHeader';
import { AppDialogs, type DialogName } from './app/AppDialogs';
import { StatusBar } from './app/StatusBar';
import { Workspace } from './app/Workspace';
import { useHeaderActions } from './app/header-actions';
import { useAppSettings } from './app/use-app-settings';
import { useDropTarget } from './app/use-drop-target';
import { useNotices } from './app/use-notices';
import { useReviewWiring } from './app/use-review-wiring';
import { useSession } from './app/use-session';
import { useConfirm } from './components/ConfirmDialog';
import { NoticeArea } from './components/Notices';
import { useDeskLink } from './features/desk/use-desk-link';
import { useCan } from './features/desk/desk-session';
import type { EditorDialog } from './features/editor/EditorDialogs';
import { useDensity } from './features/editor/density';
import { DropOverlay } from './features/projects/DropOverlay';
import { useArticleImport } from './features/projects/use-article-import';

/** The review desk: header, bars, notices, the editor (filter bar and grid), the status bar and the dialogs. */
export function App(props: { info: AppInfo; initialSettings: SettingsView }) {
  const { i18n } = useTranslation();
  const [dialog, setDialog] = useState<DialogName>(null);
  const [editorDialog, setEditorDialog] = useState<EditorDialog>(null);
  const [confirm, confirmElement] = useConfirm();
  const { notices, push, fail, dismiss, clear: clearNotices } = useNotices();
  const searchRef = useRef<HTMLInputElement>(null);
  const density = useDensity();
  // On a team desk, what the person's role cannot do is neither offered nor started (see desk/permissions.ts).
  const can = useCan();
  const deskLink = useDeskLink();
  // In a browser on the desk's own page, settings are the desk server's (an admin's); the app (desktop or its
  // browser mode, also while it works on a desk) keeps its own.
  const maySettings =
    props.info.mode !== 'browser' || deskLink?.canConnect !== false || can('updateSettings');
  const closeDialog = useCallback(() => setDialog(null), []);
  const wiring = useReviewWiring({ push, fail, confirm, searchRef, setEditorDialog, closeDialog });
  const { editor, translation, cellFeatures, jump } = wiring;
  const { project, store } = editor;
  const startTranslation = translation.start;
  const prefs = useAppSettings({
    info: props.info,
    initial: props.initialSettings,
    store,
    push,
    fail,
    startTranslation,
  });
  // The app switched between a desk and this computer (or must sign in again): save what was typed, start over.
  const restart = () => void editor.queue.flush().finally(() => window.location.reload());

  const session = useSession({
    show: editor.show,
    applySegments: (id, segments) => store.applySegments(id, segments),
    hasKey: prefs.hasKey,
    push,
    fail,
    clearNotices,
    startTranslation,
    help: (topic) => setDialog(topic),
  });
  const articles = useArticleImport({ confirm, onOpened: session.opened, onNotice: push });
  const drop = useDropTarget((file) => void articles.importFile(file), can('importArticle'));
  const { qa } = cellFeatures;
  const headerActions = useHeaderActions({
    can,
    setVariant: prefs.setVariant,
    maySettings,
    project,
    articles,
    setDialog,
    closeProject: () => void session.show(null),
    startTranslation,
    qa,
    uiLanguage: (lng) => {
      void i18n.changeLanguage(lng);
      // The desk's settings are an admin's: anyone else switches their own screen only.
      if (maySettings) api.updateSettings({ uiLanguage: lng }).then(prefs.setSettings, fail);
    },
  });

  return (
    <div className={`app density-${density}`} {...drop.handlers}>
      <AppHeader
        project={project}
        store={store}
        articles={articles}
        hasKey={prefs.hasKey}
        translating={translation.run !== null}
        actions={headerActions}
      />
      <AppBars
        project={project}
        store={store}
        articles={articles}
        translation={translation}
        deskLink={deskLink}
        restart={restart}
        flush={() => editor.queue.flush()}
        offerKey={!prefs.hasKey && maySettings}
        openSettings={() => setDialog('settings')}
        askReviewer={props.initialSettings.reviewerName.trim() === ''}
        saveSettings={prefs.saveSettings}
      />
      <NoticeArea notices={notices} onDismiss={dismiss} />
      <Workspace
        editor={editor}
        features={cellFeatures}
        dialog={editorDialog}
        setDialog={setEditorDialog}
        searchRef={searchRef}
        hasKey={prefs.hasKey}
        limits={prefs.settings.lengthLimits}
        loading={session.loading}
        onNotice={push}
      />
      <StatusBar info={props.info} notices={notices} onDismiss={dismiss} summary={translation.summary} />
      {drop.active && <DropOverlay />}
      <AppDialogs
        dialog={dialog}
        setDialog={setDialog}
        info={props.info}
        settings={prefs.settings}
        saveSettings={prefs.saveSettings}
        store={store}
        qa={qa}
        articles={articles}
        push={push}
        fail={fail}
        jump={jump}
        openProject={(id) => api.openProject(id).then(session.show, fail)}
        closeProject={() => void session.show(null)}
        desk={{ link: deskLink, onSwitched: restart }}
      />
      {qa.panel}
      {confirmElement}
    </div>
  );
}
