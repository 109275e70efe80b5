import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, EnglishVariant, SettingsPatch, SettingsView, TargetLang } from '../electron/contract';
import { api } from './api';
import { AppDialogs, type DialogName } from './app/AppDialogs';
import { useHeaderActions, retryFailed } from './app/header-actions';
import { useDropTarget } from './app/use-drop-target';
import { useNotices } from './app/use-notices';
import { useSession } from './app/use-session';
import { useCellFeatures } from './app/use-cell-features';
import { useConfirm } from './components/ConfirmDialog';
import { InfoNote, NoticeArea } from './components/Notices';
import { notice } from './components/notices';
import { DeskBar } from './features/desk/DeskBar';
import { DeskLinkBanner } from './features/desk/DeskLinkBanner';
import { useDeskLink } from './features/desk/use-desk-link';
import { loadDeskMe, useCan, useDeskMe } from './features/desk/desk-session';
import { canCall } from './features/desk/permissions';
import { EditorPane, type EditorDialog } from './features/editor/EditorPane';
import { SaveIndicator, useMachineTotals } from './features/editor/EditorStatus';
import { ReviewerPrompt } from './features/editor/ReviewerPrompt';
import { useDensity } from './features/editor/density';
import { useEditor } from './features/editor/use-editor';
import { DropOverlay } from './features/projects/DropOverlay';
import { ImportBar } from './features/projects/ImportBar';
import { SourceInfo } from './features/projects/SourceInfo';
import { useArticleImport } from './features/projects/use-article-import';
import { Header } from './features/review/Header';
import { needsMachineTranslation, progressOf } from './features/review/review-state';
import { NoKeyBanner } from './features/translate/NoKeyBanner';
import { EstimateBar } from './features/translate/EstimateBar';
import { TranslateBar, TranslateSummaryNote } from './features/translate/TranslateBar';
import { useTranslationRun } from './features/translate/use-translation-run';
import { pickUiLanguage, startLanguage } from './i18n';

/** The review desk: header, machine-translation bar, notices, the editor (filter bar and grid), and the dialogs. */
export function App(props: { info: AppInfo; initialSettings: SettingsView }) {
  const { t, i18n } = useTranslation(['common', 'projects']);
  const [settings, setSettings] = useState(props.initialSettings);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [editorDialog, setEditorDialog] = useState<EditorDialog>(null);
  // Rows with a finding as the grid shows them, kept live by the QA feature as the reviewer types.
  const [qaRows, setQaRows] = useState<ReadonlySet<string>>(() => new Set());
  const [noKeyDismissed, setNoKeyDismissed] = useState(false);
  const [askReviewer, setAskReviewer] = useState(props.initialSettings.reviewerName.trim() === '');
  const [confirm, confirmElement] = useConfirm();
  const { notices, push, fail, dismiss, clear: clearNotices } = useNotices();
  const searchRef = useRef<HTMLInputElement>(null);
  const hasKey = settings.keySource !== 'none';
  const density = useDensity();
  // On a team desk, what the person's role cannot do is neither offered nor started (see desk/permissions.ts).
  const desk = useDeskMe();
  const can = useCan();
  const deskLink = useDeskLink();
  // In a browser on the desk's own page, settings are the desk server's (an admin's); the app (desktop or its
  // browser mode, also while it works on a desk) keeps its own.
  const maySettings =
    props.info.mode !== 'browser' || deskLink?.canConnect !== false || can('updateSettings');

  // The grid's features are wired after the editor exists; the editor reaches them through this ref.
  const features = useRef<ReturnType<typeof useCellFeatures> | null>(null);
  const translationStart = useRef<(r: Parameters<typeof api.translate>[0]) => Promise<unknown>>(
    async () => undefined,
  );
  const editor = useEditor({
    onNotice: push,
    onCommand: (command) =>
      command === 'search' ? searchRef.current?.focus() : setEditorDialog({ kind: command }),
    onComment: (ref) => setEditorDialog({ kind: 'comment', ref }),
    onCellMenu: (ref) => setEditorDialog({ kind: 'cellMenu', ref }),
    onHistory: (ref) => setEditorDialog({ kind: 'history', ref }),
    beforeApprove: (id, langs) => features.current?.beforeApprove(id, langs) ?? true,
    confirmSuggestion: (id, lang) => features.current?.confirmSuggestion(id, lang) ?? Promise.resolve(true),
    retry: (segmentId, lang) =>
      void translationStart.current({
        projectId: editor.project?.id ?? '',
        langs: [lang],
        segmentIds: [segmentId],
      }),
    qaRows,
  });
  const { project, store } = editor;
  // The app switched between a desk and this computer (or must sign in again): save what was typed, start over.
  const restart = () => void editor.queue.flush().finally(() => window.location.reload());

  const translation = useTranslationRun({
    projectId: project?.id ?? null,
    onNotice: push,
    // Pushed updates may still be in flight when the run's answer arrives; read the project once more.
    onFinished: (summary) => {
      api.openProject(summary.projectId).then((p) => store.applySegments(p.id, p.segments), fail);
    },
  });
  const { start: startTranslation } = translation;
  useEffect(() => {
    translationStart.current = startTranslation;
  }, [startTranslation]);

  const session = useSession({
    show: editor.show,
    applySegments: (id, segments) => store.applySegments(id, segments),
    hasKey,
    push,
    fail,
    clearNotices,
    // Filling empty cells at start is an editor's machine translation: a reviewer's app leaves it to them.
    startTranslation: async (req) =>
      canCall(await loadDeskMe(), 'translate') ? startTranslation(req) : undefined,
    help: (topic) => setDialog(topic),
  });
  const articles = useArticleImport({ confirm, onOpened: session.opened, onNotice: push });
  const drop = useDropTarget((file) => void articles.importFile(file), can('importArticle'));

  const systemLanguage = () =>
    props.info.mode === 'browser'
      ? startLanguage(null, navigator.language, props.info.systemLocale)
      : startLanguage(null, props.info.systemLocale, navigator.language);

  const saveSettings = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      const next = await api.updateSettings(patch);
      setSettings(next);
      await i18n.changeLanguage(next.uiLanguage ?? systemLanguage());
      push(notice('info', { code: 'settings:saved' }));
      // A key was just added: fill the empty cells now rather than waiting for the next article.
      const current = store.getProject();
      if (!hasKey && next.keySource !== 'none' && current && needsMachineTranslation(current))
        void startTranslation({ projectId: current.id, langs: ['vi', 'en'] });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const setVariant = (variant: EnglishVariant) => {
    if (!project) return;
    api.setEnglishVariant({ projectId: project.id, variant }).then((p) => {
      store.patchProject({ englishVariant: p.englishVariant });
      push(notice('info', { code: 'editor:variant.changed', params: { variant } }));
    }, fail);
  };

  const { focusCell } = editor;
  const jump = useCallback(
    (segmentId: string, lang: TargetLang = 'vi') => {
      setDialog(null);
      requestAnimationFrame(() => {
        focusCell(segmentId, lang);
        // A closing dialog gives the focus back to what opened it; the cell takes it after that.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`)?.focus(),
        );
      });
    },
    [focusCell],
  );

  const cellFeatures = useCellFeatures({
    editor,
    confirm,
    fail,
    jump,
    onLiveRows: setQaRows,
  });
  useEffect(() => {
    features.current = cellFeatures;
  });
  const { qa } = cellFeatures;

  const totals = useMachineTotals(project?.segments);
  const headerActions = useHeaderActions({
    can,
    setVariant,
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
      if (maySettings) api.updateSettings({ uiLanguage: lng }).then(setSettings, fail);
    },
  });

  return (
    <div className={`app density-${density}`} {...drop.handlers}>
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
        status={project && <SaveIndicator store={store} />}
        variant={project?.englishVariant}
        hasKey={hasKey}
        translating={translation.run !== null}
        uiLanguage={pickUiLanguage(i18n.language)}
        actions={headerActions}
      />
      <DeskBar
        projectId={project?.id ?? null}
        segments={project?.segments ?? []}
        signOut={deskLink?.address ? () => editor.queue.flush().then(() => api.deskDisconnect()) : undefined}
      />
      <DeskLinkBanner link={deskLink} onSignIn={restart} />
      <ImportBar name={articles.opening} onCancel={articles.cancel} />
      {translation.estimate && (
        <EstimateBar estimate={translation.estimate} onAnswer={translation.answerEstimate} />
      )}
      <TranslateBar
        run={translation.run}
        summary={translation.summary}
        onCancel={translation.cancel}
        onDismiss={translation.dismissSummary}
        onRetryFailed={() => retryFailed(store.getProject(), startTranslation)}
      />
      {!hasKey && !noKeyDismissed && maySettings && (
        <NoKeyBanner onOpenSettings={() => setDialog('settings')} onDismiss={() => setNoKeyDismissed(true)} />
      )}
      {/* On a desk the name is the account's: nothing to ask. */}
      {askReviewer && desk.known && !desk.me && (
        <ReviewerPrompt
          onLater={() => setAskReviewer(false)}
          onSave={async (reviewerName) => {
            const ok = await saveSettings({ reviewerName });
            if (ok) setAskReviewer(false);
            return ok;
          }}
        />
      )}

      <NoticeArea notices={notices} onDismiss={dismiss} />

      <main className="workspace">
        {project ? (
          <EditorPane
            editor={editor}
            dialog={editorDialog}
            setDialog={setEditorDialog}
            searchRef={searchRef}
            awaitingMachine={hasKey}
            onNotice={push}
            aside={cellFeatures.aside}
            limits={settings.lengthLimits}
            decor={cellFeatures.decor}
          />
        ) : (
          <div className="empty-state">
            <p>{session.loading ? t('app.loading') : t('projects:dropHint')}</p>
          </div>
        )}
      </main>

      <footer className="statusbar">
        <InfoNote notices={notices} onDismiss={dismiss} />
        <TranslateSummaryNote summary={translation.summary} />
        <span className="statusbar-hint">{t('statusbar.shortcuts')}</span>
        <span className="spacer" />
        <span>
          {props.info.mode === 'electron' ? t('statusbar.desktopMode') : t('statusbar.browserMode')}
        </span>
        <span>{t('statusbar.version', { version: props.info.version })}</span>
      </footer>

      {drop.active && <DropOverlay />}
      <AppDialogs
        dialog={dialog}
        setDialog={setDialog}
        info={props.info}
        settings={settings}
        saveSettings={saveSettings}
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
