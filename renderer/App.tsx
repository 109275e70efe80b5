import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppInfo,
  ImportOutcome,
  Project,
  QaIssue,
  Segment,
  SettingsPatch,
  SettingsView,
  TargetLang,
  UiLang,
} from '../electron/contract';
import { api, toApiError } from './api';
import { useConfirm } from './components/ConfirmDialog';
import { Notices } from './components/Notices';
import { MAX_NOTICES, notice, type Notice } from './components/notices';
import { DeskBar } from './features/desk/DeskBar';
import { ExportDialog } from './features/export/ExportDialog';
import { GlossaryDialog } from './features/glossary/GlossaryDialog';
import { DropOverlay } from './features/projects/DropOverlay';
import { PasteDialog } from './features/projects/PasteDialog';
import { ProjectsDialog } from './features/projects/ProjectsDialog';
import { SourceInfo } from './features/projects/SourceInfo';
import { useArticleImport } from './features/projects/use-article-import';
import type { CellActions } from './features/review/Cell';
import { Header, type HeaderActions } from './features/review/Header';
import { QaDialog } from './features/review/QaDialog';
import { ReviewGrid } from './features/review/ReviewGrid';
import {
  mergeSegments,
  needsMachineTranslation,
  neighbourCell,
  nextUnapproved,
  progressOf,
  rowNumbers,
} from './features/review/review-state';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { NoKeyBanner } from './features/translate/NoKeyBanner';
import { TranslateBar } from './features/translate/TranslateBar';
import { useTranslationRun } from './features/translate/use-translation-run';
import { pickUiLanguage, startLanguage } from './i18n';

type DialogName = 'export' | 'settings' | 'paste' | 'projects' | 'qa' | 'glossary' | null;

/** Put the cursor in a target cell (or on its row when the row has none) and bring it into view. */
function focusCell(segmentId: string, lang: TargetLang, block: ScrollLogicalPosition = 'nearest') {
  const cell = document.querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`);
  const target = cell ?? document.querySelector<HTMLElement>(`[data-testid="row-${segmentId}"]`);
  target?.scrollIntoView({ block });
  cell?.focus({ preventScroll: true });
}

/** The review desk: header, machine-translation bar, notices, the three-column grid, and the dialogs. */
export function App(props: { info: AppInfo; initialSettings: SettingsView }) {
  const { t, i18n } = useTranslation(['common', 'projects']);
  const [project, setProjectState] = useState<Project | null>(null);
  const [loading, setLoading] = useState(true);
  const [settings, setSettings] = useState(props.initialSettings);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [qaIssues, setQaIssues] = useState<QaIssue[]>([]);
  const [noKeyDismissed, setNoKeyDismissed] = useState(false);
  const [dragDepth, setDragDepth] = useState(0);
  const [confirm, confirmElement] = useConfirm();
  // The project as of the last change, for handlers that run after an await (state would be stale there).
  const projectRef = useRef<Project | null>(null);
  const hasKey = settings.keySource !== 'none';

  const setProject = useCallback((next: Project | null) => {
    projectRef.current = next;
    setProjectState(next);
  }, []);
  const merge = useCallback(
    (projectId: string, segments: Segment[]) => {
      const current = projectRef.current;
      if (current && current.id === projectId) setProject(mergeSegments(current, segments));
    },
    [setProject],
  );

  const push = useCallback((n: Notice) => setNotices((list) => [...list.slice(1 - MAX_NOTICES), n]), []);
  const fail = useCallback((e: unknown) => push(notice('error', toApiError(e))), [push]);

  const translation = useTranslationRun({
    projectId: project?.id ?? null,
    onNotice: push,
    // Pushed updates may still be in flight when the run's answer arrives; read the project once more.
    onFinished: (summary) => {
      api.openProject(summary.projectId).then((p) => merge(p.id, p.segments), fail);
    },
  });
  const { start: startTranslation } = translation;

  /** Show a project; machine-translate its empty cells at once when a key is configured. */
  const show = useCallback(
    (p: Project) => {
      setProject(p);
      setQaIssues([]);
      setLoading(false);
      if (hasKey && needsMachineTranslation(p))
        void startTranslation({ projectId: p.id, langs: ['vi', 'en'] });
    },
    [hasKey, setProject, startTranslation],
  );

  const opened = useCallback(
    (outcome: ImportOutcome) => {
      show(outcome.project);
      push(
        notice('info', {
          code: 'projects:opened',
          params: { name: outcome.project.name, encoding: outcome.encoding },
        }),
      );
      for (const w of outcome.warnings) push(notice('warning', { code: w }));
      if (outcome.reimport) {
        const { new: added, changed, unchanged, removed } = outcome.reimport;
        push(
          notice('info', {
            code: 'projects:reimported',
            params: { new: added, changed, unchanged, removed },
          }),
        );
        if (removed > 0) push(notice('warning', { code: 'projects:removed', params: { count: removed } }));
      }
    },
    [show, push],
  );

  const articles = useArticleImport({ confirm, onOpened: opened, onNotice: push });

  // First start: the last project, or the sample article as a new one.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.openLastProject().then(show, (e: unknown) => {
      setLoading(false);
      fail(e);
    });
  }, [show, fail]);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'segments-updated') merge(event.projectId, event.segments);
        else if (event.type === 'project-opened') opened(event.outcome);
        else if (event.type === 'error') push(notice('error', event.error));
      }),
    [merge, opened, push],
  );

  const replaceSegment = useCallback(
    (s: Segment) => {
      const current = projectRef.current;
      if (current) setProject(mergeSegments(current, [s]));
    },
    [setProject],
  );

  const actions: CellActions = useMemo(() => {
    const projectId = () => projectRef.current?.id ?? '';
    return {
      async save(segmentId, lang, text, elapsedMs) {
        try {
          replaceSegment(await api.updateCell({ projectId: projectId(), segmentId, lang, text, elapsedMs }));
          return true;
        } catch (e) {
          fail(e);
          return false;
        }
      },
      async approve(segmentId, lang) {
        try {
          replaceSegment(await api.approveCell({ projectId: projectId(), segmentId, lang }));
          // Move on to the next cell of this language that still needs the reviewer.
          const next = nextUnapproved(projectRef.current?.segments ?? [], segmentId, lang);
          if (next) requestAnimationFrame(() => focusCell(next.id, lang));
        } catch (e) {
          fail(e);
        }
      },
      async unapprove(segmentId, lang) {
        await api.unapproveCell({ projectId: projectId(), segmentId, lang }).then(replaceSegment, fail);
      },
      async useSuggestion(segmentId, lang) {
        await api.acceptSuggestion({ projectId: projectId(), segmentId, lang }).then(replaceSegment, fail);
      },
      async retry(segmentId, lang) {
        await startTranslation({ projectId: projectId(), langs: [lang], segmentIds: [segmentId] });
      },
      navigate(segmentId, lang, direction) {
        const next = neighbourCell(projectRef.current?.segments ?? [], segmentId, direction);
        if (next) focusCell(next.id, lang);
      },
    };
  }, [fail, replaceSegment, startTranslation]);

  const toggleTranslate = useCallback(
    (s: Segment) => {
      const current = projectRef.current;
      if (!current) return;
      api
        .setTranslatable({ projectId: current.id, segmentId: s.id, translate: !s.translate })
        .then(replaceSegment, fail);
    },
    [replaceSegment, fail],
  );

  const systemLanguage = () => startLanguage(null, props.info.systemLocale, navigator.language);

  const saveSettings = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      const next = await api.updateSettings(patch);
      setSettings(next);
      await i18n.changeLanguage(next.uiLanguage ?? systemLanguage());
      push(notice('info', { code: 'settings:saved' }));
      // A key was just added: fill the empty cells now rather than waiting for the next article.
      const current = projectRef.current;
      if (!hasKey && next.keySource !== 'none' && current && needsMachineTranslation(current))
        void startTranslation({ projectId: current.id, langs: ['vi', 'en'] });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const changeUiLanguage = (lng: UiLang) => {
    void i18n.changeLanguage(lng);
    api.updateSettings({ uiLanguage: lng }).then(setSettings, fail);
  };

  const jump = (segmentId: string, lang: TargetLang = 'vi') => {
    setDialog(null);
    requestAnimationFrame(() => focusCell(segmentId, lang, 'center'));
  };

  const headerActions: HeaderActions = {
    openFile: (file) => void articles.importFile(file),
    openRevised: (file) => {
      if (project) void articles.importFile(file, { intoProjectId: project.id });
    },
    paste: () => setDialog('paste'),
    projects: () => setDialog('projects'),
    translate: () => project && void startTranslation({ projectId: project.id, langs: ['vi', 'en'] }),
    refresh: () =>
      project && void startTranslation({ projectId: project.id, langs: ['vi', 'en'], refresh: true }),
    glossary: () => setDialog('glossary'),
    qa: () => {
      if (!project) return;
      api.runQa(project.id).then((issues) => {
        setQaIssues(issues);
        setDialog('qa');
      }, fail);
    },
    exportFile: () => setDialog('export'),
    settings: () => setDialog('settings'),
    uiLanguage: changeUiLanguage,
  };

  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

  return (
    <div
      className="app"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragDepth((d) => d + 1);
      }}
      onDragOver={(e) => {
        if (hasFiles(e)) e.preventDefault();
      }}
      onDragLeave={(e) => {
        if (hasFiles(e)) setDragDepth((d) => Math.max(0, d - 1));
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragDepth(0);
        const file = e.dataTransfer.files[0];
        if (file) void articles.importFile(file);
      }}
    >
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
        hasKey={hasKey}
        translating={translation.run !== null}
        uiLanguage={pickUiLanguage(i18n.language)}
        actions={headerActions}
      />
      <DeskBar projectId={project?.id ?? null} segments={project?.segments ?? []} />
      <TranslateBar
        run={translation.run}
        summary={translation.summary}
        onCancel={translation.cancel}
        onDismiss={translation.dismissSummary}
        onRetryFailed={() => {
          const current = projectRef.current;
          if (!current) return;
          const failed = (lang: TargetLang) =>
            current.segments.filter((s) => s.targets[lang].status === 'error').map((s) => s.id);
          // One run per call: both languages, limited to the rows where either failed.
          const segmentIds = [...new Set([...failed('vi'), ...failed('en')])];
          if (segmentIds.length)
            void startTranslation({ projectId: current.id, langs: ['vi', 'en'], segmentIds });
        }}
      />
      {!hasKey && !noKeyDismissed && (
        <NoKeyBanner onOpenSettings={() => setDialog('settings')} onDismiss={() => setNoKeyDismissed(true)} />
      )}

      <main className="workspace">
        {project ? (
          <ReviewGrid segments={project.segments} actions={actions} onToggleTranslate={toggleTranslate} />
        ) : (
          <div className="empty-state">
            <p>{loading ? t('app.loading') : t('projects:dropHint')}</p>
          </div>
        )}
      </main>

      <footer className="statusbar">
        <span>{t('statusbar.shortcuts')}</span>
        <span className="spacer" />
        <span>
          {props.info.mode === 'electron' ? t('statusbar.desktopMode') : t('statusbar.browserMode')}
        </span>
        <span>{t('statusbar.version', { version: props.info.version })}</span>
      </footer>

      <Notices notices={notices} onDismiss={(id) => setNotices((list) => list.filter((n) => n.id !== id))} />
      {dragDepth > 0 && <DropOverlay />}

      {dialog === 'export' && project && (
        <ExportDialog
          projectId={project.id}
          mode={props.info.mode}
          onClose={() => setDialog(null)}
          onNotice={push}
          onJump={jump}
          onProject={setProject}
          rowOf={(id) => rowNumbers(project.segments).get(id) ?? 0}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog settings={settings} onSave={saveSettings} onClose={() => setDialog(null)} />
      )}
      {dialog === 'paste' && <PasteDialog onCreate={articles.importText} onClose={() => setDialog(null)} />}
      {dialog === 'projects' && (
        <ProjectsDialog
          currentId={project?.id ?? null}
          onClose={() => setDialog(null)}
          onNotice={push}
          onOpen={(id) => {
            setDialog(null);
            api.openProject(id).then(show, fail);
          }}
        />
      )}
      {dialog === 'glossary' && project && (
        <GlossaryDialog
          entries={project.glossary}
          onClose={() => setDialog(null)}
          onSave={async (entries) => {
            try {
              const next = await api.updateGlossary({ projectId: project.id, entries });
              setProject(next);
              push(
                notice('info', { code: 'translate:glossary.saved', params: { count: next.glossary.length } }),
              );
              return true;
            } catch (e) {
              fail(e);
              return false;
            }
          }}
        />
      )}
      {dialog === 'qa' && project && (
        <QaDialog
          issues={qaIssues}
          segments={project.segments}
          onClose={() => setDialog(null)}
          onJump={jump}
        />
      )}
      {confirmElement}
    </div>
  );
}
