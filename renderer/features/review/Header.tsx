import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGS, type LanguageProgress, type UiLang } from '../../../electron/contract';
import { useNumberFormat } from '../../i18n/format';

/** Each UI language is offered under its own name, whatever the current UI language. */
const UI_NAMES: Record<UiLang, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };
const ACCEPT = '.txt,.md,.html,.htm,.docx';

/**
 * What the header's buttons do; each is disabled when it cannot run. An optional action left out hides its button
 * (on a team desk, what the person's role cannot do: a reviewer neither opens articles nor starts machine
 * translation, only an admin changes the desk's settings).
 */
export interface HeaderActions {
  openFile?(file: File): void;
  openRevised?(file: File): void;
  paste?(): void;
  projects(): void;
  /** Close the open project (back to the start screen). */
  closeProject(): void;
  translate?(): void;
  refresh?(): void;
  glossary(): void;
  /** The desk and project termbase (issue #10). */
  termbase?(): void;
  qa(): void;
  exportFile(): void;
  settings?(): void;
  /** Help: about, versions, licences and keyboard shortcuts (the desktop menu's Help, in both modes). */
  help(): void;
  uiLanguage(lng: UiLang): void;
}

/** Project name and source, approval progress per language, and the tool bar. */
export function Header(props: {
  projectName: string | null;
  sourceInfo: ReactNode;
  progress: LanguageProgress[];
  /** The editor's save state, English variant and totals against the machine text. */
  status?: ReactNode;
  hasKey: boolean;
  translating: boolean;
  uiLanguage: UiLang;
  actions: HeaderActions;
}) {
  const { t } = useTranslation(['common', 'projects', 'menu', 'editor']);
  const n = useNumberFormat();
  const { actions } = props;
  const open = props.projectName !== null;
  const mtDisabled = !open || props.translating || !props.hasKey;
  const mtTitle = props.hasKey ? undefined : t('header.translateNoKey');

  return (
    <header className="topbar">
      <div className="topbar-main">
        <div className="title-block">
          <h1 lang={open ? 'ko' : undefined} title={props.projectName ?? undefined}>
            {props.projectName ?? t('app.title')}
          </h1>
          <div className="subline">{props.sourceInfo}</div>
        </div>
        <div className="meters">
          {props.progress.map((p) => {
            const name = t(`lang.${p.lang}`);
            const ratio = p.total ? p.approved / p.total : 0;
            return (
              <div
                key={p.lang}
                className={ratio === 1 ? 'meter complete' : 'meter'}
                data-testid={`progress-${p.lang}`}
                title={t('header.progressLabel', { lang: name, approved: n(p.approved), total: n(p.total) })}
              >
                <span className="lang-code" aria-hidden="true">
                  {p.lang.toUpperCase()}
                </span>
                <span className="sr-only">{name}:</span>
                <span className="meter-text">
                  {t('header.progress', { approved: n(p.approved), total: n(p.total) })}
                </span>
                <span className="meter-track" aria-hidden="true">
                  <span className="meter-fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {props.status && <div className="editor-status">{props.status}</div>}
      <div className="toolbar" role="toolbar" aria-label={t('header.toolbar')}>
        <div className="tool-group">
          {actions.openFile && (
            <FileButton
              label={t('header.open')}
              title={t('header.openHint')}
              testId="file-input"
              onFile={actions.openFile}
            />
          )}
          {actions.paste && (
            <button type="button" title={t('header.pasteHint')} onClick={actions.paste}>
              {t('header.paste')}
            </button>
          )}
          <button type="button" onClick={actions.projects}>
            {t('header.projects')}
          </button>
          <button type="button" disabled={!open} onClick={actions.closeProject}>
            {t('editor:projects.close')}
          </button>
          {actions.openRevised && (
            <FileButton
              label={t('projects:revised')}
              title={t('projects:revisedHint')}
              testId="revised-input"
              disabled={!open}
              onFile={actions.openRevised}
            />
          )}
        </div>
        <div className="tool-group">
          {actions.translate && (
            <button
              type="button"
              disabled={mtDisabled}
              title={mtTitle ?? t('header.translateHint')}
              onClick={actions.translate}
            >
              {t('header.translate')}
            </button>
          )}
          {actions.refresh && (
            <button
              type="button"
              disabled={mtDisabled}
              title={mtTitle ?? t('header.refreshHint')}
              onClick={actions.refresh}
            >
              {t('header.refresh')}
            </button>
          )}
          <button type="button" disabled={!open} onClick={actions.glossary}>
            {t('header.glossary')}
          </button>
          {actions.termbase && (
            <button type="button" disabled={!open} onClick={actions.termbase}>
              {t('header.termbase')}
            </button>
          )}
        </div>
        <div className="tool-group">
          <button type="button" disabled={!open} title={t('header.qaHint')} onClick={actions.qa}>
            {t('header.qa')}
          </button>
          <button type="button" className="primary" disabled={!open} onClick={actions.exportFile}>
            {t('header.export')}
          </button>
        </div>
        <span className="spacer" />
        <div className="tool-group">
          {actions.settings && (
            <button type="button" onClick={actions.settings}>
              {t('header.settings')}
            </button>
          )}
          <button type="button" onClick={actions.help} data-testid="help-button">
            {t('menu:aboutDialog.button')}
          </button>
          <select
            aria-label={t('header.uiLanguage')}
            title={t('header.uiLanguage')}
            value={props.uiLanguage}
            onChange={(e) => actions.uiLanguage(e.target.value as UiLang)}
          >
            {UI_LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {UI_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </header>
  );
}

/** A button that picks an article file (the hidden input is what the file dialog and tests drive). */
function FileButton(props: {
  label: string;
  title: string;
  testId: string;
  disabled?: boolean;
  onFile(file: File): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        disabled={props.disabled}
        title={props.title}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
