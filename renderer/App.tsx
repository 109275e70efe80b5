import type { AppInfo, SettingsView } from '../electron/contract';
import { AppBars } from './app/AppBars';
import { AppHeader } from './app/AppHeader';
import { AppDialogs } from './app/AppDialogs';
import { StatusBar } from './app/StatusBar';
import { Workspace } from './app/Workspace';
import { useAppState } from './app/use-app-state';
import { NoticeArea } from './components/Notices';
import { useDensity } from './features/editor/density';
import { DropOverlay } from './features/projects/DropOverlay';

/** The review desk: header, bars, notices, the editor (filter bar and grid), the status bar and the dialogs. */
export function App(props: { info: AppInfo; initialSettings: SettingsView }) {
  const app = useAppState(props);
  const density = useDensity();
  const { editor, translation, cellFeatures, prefs, session, articles, deskLink } = app;
  const { project, store } = editor;
  const { notices, dismiss, push, fail } = app.notices;
  return (
    <div className={`app density-${density}`} {...app.drop.handlers}>
      <AppHeader
        project={project}
        store={store}
        articles={articles}
        hasKey={prefs.hasKey}
        translating={translation.run !== null}
        actions={app.headerActions}
      />
      <AppBars
        project={project}
        store={store}
        articles={articles}
        translation={translation}
        deskLink={deskLink}
        restart={app.restart}
        flush={() => editor.queue.flush()}
        offerKey={!prefs.hasKey && app.maySettings}
        openSettings={() => app.setDialog('settings')}
        askReviewer={props.initialSettings.reviewerName.trim() === ''}
        saveSettings={prefs.saveSettings}
      />
      <NoticeArea notices={notices} onDismiss={dismiss} />
      <Workspace
        editor={editor}
        features={cellFeatures}
        dialog={app.editorDialog}
        setDialog={app.setEditorDialog}
        searchRef={app.searchRef}
        awaitingMachine={prefs.hasKey && translation.awaitingMachine}
        limits={prefs.settings.lengthLimits}
        loading={session.loading}
        onNotice={push}
      />
      <StatusBar info={props.info} notices={notices} onDismiss={dismiss} summary={translation.summary} />
      {app.drop.active && <DropOverlay />}
      <AppDialogs
        dialog={app.dialog}
        setDialog={app.setDialog}
        info={props.info}
        settings={prefs.settings}
        saveSettings={prefs.saveSettings}
        store={store}
        qa={cellFeatures.qa}
        articles={articles}
        push={push}
        fail={fail}
        jump={app.jump}
        openProject={app.openProject}
        closeProject={app.closeProject}
        desk={{ link: deskLink, onSwitched: app.restart }}
      />
      {cellFeatures.qa.panel}
      {app.confirmElement}
    </div>
  );
}
