import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TARGET_LANGS,
  UI_LANGS,
  type AppInfo,
  type ImportOutcome,
  type Project,
  type QaIssue,
  type Segment,
  type SettingsPatch,
  type SettingsView,
  type TargetLang,
  type UiLang,
} from '../electron/contract';
import { api, toApiError } from './api';
import { fileToBase64 } from './components/base64';
import { notice, type Notice } from './components/notices';
import { ExportDialog } from './features/export/ExportDialog';
import { GlossaryDialog } from './features/glossary/GlossaryDialog';
import { PasteDialog } from './features/projects/PasteDialog';
import { ProjectsDialog } from './features/projects/ProjectsDialog';
import type { CellActions } from './features/review/Cell';
import { QaDialog } from './features/review/QaDialog';
import { ReviewGrid } from './features/review/ReviewGrid';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { pickUiLanguage } from './i18n';
import { useMessage } from './i18n/messages';

const UI_NAMES: Record<UiLang, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };
type DialogName = 'export' | 'settings' | 'paste' | 'projects' | 'qa' | 'glossary' | null;
type Progress = Partial<Record<TargetLang, { done: number; total: number }>>;

const reviewable = (s: Segment) => s.translate && s.kind !== 'caption';
const needsMt = (p: Project) =>
  p.segments.some((s) => reviewable(s) && TARGET_LANGS.some((l) => s.targets[l].status === 'empty'));

/** The review desk: header, notices, the three-column grid, and the dialogs. */
export function App(props: { info: AppInfo; initialSettings: SettingsView }) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const [project, setProject] = useState<Project | null>(null);
  const [settings, setSettings] = useState(props.initialSettings);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [qaIssues, setQaIssues] = useState<QaIssue[]>([]);
  const [noKeyDismissed, setNoKeyDismissed] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const revisedInput = useRef<HTMLInputElement>(null);
  const [lastFile, setLastFile] = useState<File | null>(null);
  const projectRef = useRef<Project | null>(null);
  useEffect(() => {
    projectRef.current = project;
  }, [project]);

  const push = useCallback((n: Notice) => setNotices((list) => [...list.slice(-3), n]), []);
  const fail = useCallback((e: unknown) => push(notice('error', toApiError(e))), [push]);

  const mergeSegments = useCallback((projectId: string, segments: Segment[]) => {
    setProject((p) => {
      if (!p || p.id !== projectId) return p;
      const byId = new Map(segments.map((s) => [s.id, s]));
      return { ...p, segments: p.segments.map((s) => byId.get(s.id) ?? s) };
    });
  }, []);

  const translate = useCallback(
    async (p: Project, segmentIds?: string[], langs: TargetLang[] = ['vi', 'en'], refresh = false) => {
      setProgress({});
      try {
        const summary = await api.translate({
          projectId: p.id,
          langs,
          ...(segmentIds ? { segmentIds } : {}),
          ...(refresh ? { refresh } : {}),
        });
        if (summary.error) push(notice('error', summary.error));
        else if (summary.cancelled) push(notice('info', { code: 'common:translate.cancelled' }));
        else {
          const sum = (k: 'translated' | 'fromCache' | 'requests' | 'billedCharacters') =>
            summary.perLang.reduce((n, l) => n + l[k], 0);
          push(
            notice('info', {
              code: 'common:translate.done',
              params: {
                count: sum('translated'),
                cached: sum('fromCache'),
                requests: sum('requests'),
                chars: sum('billedCharacters'),
              },
            }),
          );
        }
        // Warn before the account runs dry, not after.
        const usage = await api.getUsage().catch(() => null);
        if (usage?.nearLimit && usage.characterLimit !== null)
          push(
            notice('error', {
              code: 'common:usage.near',
              params: { left: usage.characterLimit - usage.characterCount },
            }),
          );
      } catch (e) {
        fail(e);
      } finally {
        setProgress(null);
      }
    },
    [fail, push],
  );

  const show = useCallback(
    (p: Project, autoTranslate: boolean) => {
      setProject(p);
      setQaIssues([]);
      if (autoTranslate && settings.keySource !== 'none' && needsMt(p)) void translate(p);
    },
    [settings.keySource, translate],
  );

  // First start: the last project, or the sample article as a new one.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api
      .openLastProject()
      .then((p) => show(p, true))
      .catch(fail);
  }, [show, fail]);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'segments-updated') mergeSegments(event.projectId, event.segments);
        else if (event.type === 'mt-progress')
          setProgress((p) => ({ ...(p ?? {}), [event.lang]: { done: event.done, total: event.total } }));
        else if (event.type === 'project-opened') show(event.outcome.project, true);
        else if (event.type === 'error') push(notice('error', event.error));
      }),
    [mergeSegments, show, push],
  );

  const opened = useCallback(
    (outcome: ImportOutcome) => {
      show(outcome.project, true);
      push(
        notice('info', {
          code: 'common:projects.opened',
          params: { name: outcome.project.name, encoding: outcome.encoding },
        }),
      );
      for (const w of outcome.warnings) push(notice('error', { code: w }));
      if (outcome.reimport) {
        const { new: added, changed, unchanged, removed } = outcome.reimport;
        push(
          notice('info', {
            code: 'common:projects.reimported',
            params: { new: added, changed, unchanged, removed },
          }),
        );
      }
    },
    [show, push],
  );

  /**
   * Open an article file: as a new project, as a revised version of the open one (`intoProjectId`), or again with
   * an encoding the user picked. The file is kept for this session so "Reopen as" can send it again.
   */
  const importFile = async (
    file: File,
    opts: { acceptNonKorean?: boolean; intoProjectId?: string; encoding?: string } = {},
  ) => {
    try {
      const dataBase64 = await fileToBase64(file);
      opened(await api.importArticle({ fileName: file.name, dataBase64, ...opts }));
      setLastFile(file);
    } catch (e) {
      const error = toApiError(e);
      if (
        error.code === 'import.notKorean' &&
        !opts.acceptNonKorean &&
        window.confirm(t('projects.notKoreanConfirm'))
      )
        return importFile(file, { ...opts, acceptNonKorean: true });
      push(notice('error', error));
    }
  };

  const importText = async (text: string, acceptNonKorean = false): Promise<boolean> => {
    try {
      opened(await api.importText({ text, ...(acceptNonKorean ? { acceptNonKorean } : {}) }));
      return true;
    } catch (e) {
      const error = toApiError(e);
      if (
        error.code === 'import.notKorean' &&
        !acceptNonKorean &&
        window.confirm(t('projects.notKoreanConfirm'))
      )
        return importText(text, true);
      push(notice('error', error));
      return false;
    }
  };

  const focusCell = (segmentId: string, lang: TargetLang = 'vi') => {
    const el = document.querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`);
    (el ?? document.querySelector<HTMLElement>(`[data-testid="row-${segmentId}"]`))?.scrollIntoView({
      block: 'center',
    });
    el?.focus();
  };

  const replaceSegment = useCallback((s: Segment) => {
    setProject((p) => (p ? { ...p, segments: p.segments.map((x) => (x.id === s.id ? s : x)) } : p));
  }, []);

  const actions: CellActions = useMemo(() => {
    const withProject = () => projectRef.current!;
    return {
      async save(segmentId, lang, text, elapsedMs) {
        try {
          replaceSegment(
            await api.updateCell({
              projectId: withProject().id,
              segmentId,
              lang,
              text,
              elapsedMs: Math.round(elapsedMs),
            }),
          );
          return true;
        } catch (e) {
          fail(e);
          return false;
        }
      },
      async approve(segmentId, lang) {
        try {
          const updated = await api.approveCell({ projectId: withProject().id, segmentId, lang });
          replaceSegment(updated);
          // Move on to the next cell of this language that still needs the reviewer.
          const segments = withProject().segments;
          const from = segments.findIndex((s) => s.id === segmentId);
          const order = [...segments.slice(from + 1), ...segments.slice(0, from)];
          const next = order.find((s) => reviewable(s) && s.targets[lang].status !== 'approved');
          if (next) requestAnimationFrame(() => focusCell(next.id, lang));
        } catch (e) {
          fail(e);
        }
      },
      async unapprove(segmentId, lang) {
        await api.unapproveCell({ projectId: withProject().id, segmentId, lang }).then(replaceSegment, fail);
      },
      async useSuggestion(segmentId, lang) {
        await api
          .acceptSuggestion({ projectId: withProject().id, segmentId, lang })
          .then(replaceSegment, fail);
      },
      async retry(segmentId, lang) {
        await translate(withProject(), [segmentId], [lang]);
      },
    };
  }, [fail, replaceSegment, translate]);

  const saveSettings = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      const next = await api.updateSettings(patch);
      setSettings(next);
      await i18n.changeLanguage(next.uiLanguage ?? pickUiLanguage(props.info.systemLocale));
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const changeUiLanguage = (lng: UiLang) => {
    void i18n.changeLanguage(lng);
    void api.updateSettings({ uiLanguage: lng }).then(setSettings, fail);
  };

  const runQa = async () => {
    if (!project) return;
    try {
      setQaIssues(await api.runQa(project.id));
      setDialog('qa');
    } catch (e) {
      fail(e);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  const counts = project
    ? TARGET_LANGS.map((lang) => {
        const rows = project.segments.filter(reviewable);
        return {
          lang,
          approved: rows.filter((s) => s.targets[lang].status === 'approved').length,
          total: rows.length,
        };
      })
    : [];

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="topbar">
        <div className="title">
          <h1 lang="ko">{project?.name ?? t('app.title')}</h1>
          <div className="progress-counts">
            {project && (
              <span className="source-info" data-testid="source-info">
                {t('projects.source', { file: project.source.fileName, encoding: project.source.encoding })}
                {lastFile?.name === project.source.fileName && project.source.format !== 'docx' && (
                  <select
                    aria-label={t('projects.reopenAs')}
                    value=""
                    onChange={(e) => {
                      if (lastFile && e.target.value) void importFile(lastFile, { encoding: e.target.value });
                    }}
                  >
                    <option value="">{t('projects.reopenAs')}…</option>
                    {['utf-8', 'euc-kr', 'utf-16le', 'utf-16be'].map((enc) => (
                      <option key={enc} value={enc}>
                        {enc.toUpperCase()}
                      </option>
                    ))}
                  </select>
                )}
              </span>
            )}
            {counts.map((c) => (
              <span key={c.lang} className="count" data-testid={`progress-${c.lang}`}>
                {t(`lang.${c.lang}`)}: {t('header.progress', { approved: c.approved, total: c.total })}
              </span>
            ))}
          </div>
        </div>
        <nav className="toolbar">
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('header.open')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".txt,.md,.html,.htm,.docx"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <button
            type="button"
            disabled={!project}
            title={t('projects.revisedHint')}
            onClick={() => revisedInput.current?.click()}
          >
            {t('projects.revised')}
          </button>
          <input
            ref={revisedInput}
            type="file"
            hidden
            accept=".txt,.md,.html,.htm,.docx"
            data-testid="revised-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file && project) void importFile(file, { intoProjectId: project.id });
            }}
          />
          <button type="button" onClick={() => setDialog('paste')}>
            {t('header.paste')}
          </button>
          <button type="button" onClick={() => setDialog('projects')}>
            {t('header.projects')}
          </button>
          <button
            type="button"
            disabled={!project || progress !== null || settings.keySource === 'none'}
            onClick={() => project && void translate(project)}
          >
            {t('header.translate')}
          </button>
          <button
            type="button"
            title={t('header.refreshHint')}
            disabled={!project || progress !== null || settings.keySource === 'none'}
            onClick={() => project && void translate(project, undefined, ['vi', 'en'], true)}
          >
            {t('header.refresh')}
          </button>
          <button type="button" disabled={!project} onClick={() => setDialog('glossary')}>
            {t('header.glossary')}
          </button>
          <button type="button" disabled={!project} onClick={() => void runQa()}>
            {t('header.qa')}
          </button>
          <button type="button" className="primary" disabled={!project} onClick={() => setDialog('export')}>
            {t('header.export')}
          </button>
          <button type="button" onClick={() => setDialog('settings')}>
            {t('header.settings')}
          </button>
          <label className="ui-lang">
            <span className="sr-only">{t('header.uiLanguage')}</span>
            <select
              aria-label={t('header.uiLanguage')}
              value={pickUiLanguage(i18n.language)}
              onChange={(e) => changeUiLanguage(e.target.value as UiLang)}
            >
              {UI_LANGS.map((l) => (
                <option key={l} value={l}>
                  {UI_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </header>

      {progress && (
        <div className="mt-progress" role="status" aria-label={t('translate.running')}>
          {TARGET_LANGS.map((lang) => {
            const p = progress[lang];
            return (
              <label key={lang}>
                {t('translate.progress', {
                  lang: t(`lang.${lang}`),
                  done: p?.done ?? 0,
                  total: p?.total ?? 0,
                })}
                <progress max={p?.total || 1} value={p?.done ?? 0} />
              </label>
            );
          })}
          <button type="button" onClick={() => project && void api.cancelTranslation(project.id)}>
            {t('translate.cancel')}
          </button>
        </div>
      )}

      <div className="notices" aria-live="polite">
        {settings.keySource === 'none' && !noKeyDismissed && (
          <div className="notice warn" role="note" data-testid="no-key-banner">
            <span>{t('banner.noKey')}</span>
            <button type="button" className="link" onClick={() => setDialog('settings')}>
              {t('banner.openSettings')}
            </button>
            <button type="button" className="link" onClick={() => setNoKeyDismissed(true)}>
              {t('banner.dismiss')}
            </button>
          </div>
        )}
        {notices.map((n) => (
          <div
            key={n.id}
            className={n.kind === 'error' ? 'notice error' : 'notice info'}
            role={n.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{message(n.message)}</span>
            <button
              type="button"
              className="link"
              onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}
            >
              {t('banner.dismiss')}
            </button>
          </div>
        ))}
      </div>

      <main>
        {project ? (
          <ReviewGrid
            segments={project.segments}
            actions={actions}
            onToggleTranslate={(s) =>
              void api
                .setTranslatable({ projectId: project.id, segmentId: s.id, translate: !s.translate })
                .then(replaceSegment, fail)
            }
          />
        ) : (
          <p className="loading">{t('app.loading')}</p>
        )}
        <p className="drop-hint">{t('projects.dropHint')}</p>
      </main>

      {dialog === 'export' && project && (
        <ExportDialog
          projectId={project.id}
          mode={props.info.mode}
          onClose={() => setDialog(null)}
          onNotice={push}
          onJump={(id) => {
            setDialog(null);
            requestAnimationFrame(() => focusCell(id));
          }}
          onProject={setProject}
          rowOf={(id) => project.segments.findIndex((s) => s.id === id) + 1}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog settings={settings} onSave={saveSettings} onClose={() => setDialog(null)} />
      )}
      {dialog === 'paste' && (
        <PasteDialog onCreate={(text) => importText(text)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'projects' && (
        <ProjectsDialog
          currentId={project?.id ?? null}
          onClose={() => setDialog(null)}
          onOpen={(id) => {
            setDialog(null);
            void api.openProject(id).then((p) => show(p, false), fail);
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
                notice('info', { code: 'common:glossary.saved', params: { count: next.glossary.length } }),
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
          onJump={(id) => {
            setDialog(null);
            requestAnimationFrame(() => focusCell(id));
          }}
        />
      )}
    </div>
  );
}
