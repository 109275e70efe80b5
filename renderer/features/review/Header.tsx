import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  UI_LANGS,
  type EnglishVariant,
  type LanguageProgress,
  type UiLang,
} from '../../../electron/contract';
import { Menu, type MenuItem } from '../../components/Menu';
import { useNumberFormat } from '../../i18n/format';

/** Each UI language is offered under its own name, whatever the current UI language. */
const UI_NAMES: Record<UiLang, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };
const ACCEPT = '.txt,.md,.html,.htm,.docx';

/**
 * What the header's commands do; each is disabled when it cannot run. An optional action left out hides its
 * command (on a team desk, what the person's role cannot do: a reviewer neither opens articles nor starts machine
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
  /** The English variant of the open project; left out where the role cannot set it. */
  variant?(v: EnglishVariant): void;
  /** Terms: this article's and the desk's (one tool: highlighted, checked and sent to DeepL). */
  terms(): void;
  qa(): void;
  exportFile(): void;
  settings?(): void;
  /** Help: about, versions, licences and keyboard shortcuts (the desktop menu's Help, in both modes). */
  help(): void;
  uiLanguage(lng: UiLang): void;
}

/**
 * One line: project name and source, approval progress per language, the save state, then the commands — the
 * article's and the machine's in two menus, the review's own (Terms, Check, Export) as buttons.
 */
export function Header(props: {
  projectName: string | null;
  sourceInfo: ReactNode;
  progress: LanguageProgress[];
  /** Per-language totals against the machine text, shown with the progress. */
  totals?: Record<string, string>;
  /** The editor's save state. */
  status?: ReactNode;
  variant?: EnglishVariant;
  hasKey: boolean;
  translating: boolean;
  uiLanguage: UiLang;
  actions: HeaderActions;
}) {
  const { t } = useTranslation(['common', 'projects', 'menu', 'editor']);
  const { actions } = props;
  const open = props.projectName !== null;
  const file = useRef<HTMLInputElement>(null);
  const revised = useRef<HTMLInputElement>(null);
  const articleItems = useArticleItems(props, { file, revised });
  const machineItems = useMachineItems(props);

  return (
    <header className="topbar">
      <div className="title-block">
        <h1 lang={open ? 'ko' : undefined} title={props.projectName ?? undefined}>
          {props.projectName ?? t('app.title')}
        </h1>
        <div className="subline">{props.sourceInfo}</div>
      </div>
      <Meters progress={props.progress} totals={props.totals} />
      {props.status}
      <span className="spacer" />
      <div className="toolbar" role="toolbar" aria-label={t('header.toolbar')}>
        <Menu
          name={t('header.articleMenu')}
          label={t('header.articleMenu')}
          testId="article-menu"
          items={articleItems}
        />
        {(actions.translate || actions.refresh || actions.variant) && (
          <Menu
            name={t('header.machineMenu')}
            label={t('header.machineMenu')}
            testId="machine-menu"
            items={machineItems}
          />
        )}
        <button type="button" disabled={!open} title={t('header.termsHint')} onClick={actions.terms}>
          {t('header.terms')}
        </button>
        <button type="button" disabled={!open} title={t('header.qaHint')} onClick={actions.qa}>
          {t('header.qa')}
        </button>
        <button type="button" className="primary" disabled={!open} onClick={actions.exportFile}>
          {t('header.export')}
        </button>
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
      <FileInput ref={file} testId="file-input" onFile={actions.openFile} />
      <FileInput ref={revised} testId="revised-input" onFile={actions.openRevised} />
    </header>
  );
}

type HeaderProps = Parameters<typeof Header>[0];

/** Open, paste, revised version, projects, close: what is done to articles. */
function useArticleItems(
  props: HeaderProps,
  inputs: {
    file: React.RefObject<HTMLInputElement | null>;
    revised: React.RefObject<HTMLInputElement | null>;
  },
): MenuItem[] {
  const { t } = useTranslation(['common', 'projects', 'editor']);
  const { actions } = props;
  const open = props.projectName !== null;
  const items: MenuItem[] = [];
  if (actions.openFile)
    items.push({
      label: t('header.open'),
      title: t('header.openHint'),
      run: () => inputs.file.current?.click(),
    });
  if (actions.paste)
    items.push({ label: t('header.paste'), title: t('header.pasteHint'), run: actions.paste });
  if (actions.openRevised)
    items.push({
      label: t('projects:revised'),
      title: t('projects:revisedHint'),
      disabled: !open,
      run: () => inputs.revised.current?.click(),
    });
  items.push({ label: t('header.projects'), run: actions.projects });
  items.push({ label: t('editor:projects.close'), disabled: !open, run: actions.closeProject });
  return items;
}

/** Translate, new suggestions and the English variant: what DeepL is asked, and how. */
function useMachineItems(props: HeaderProps): MenuItem[] {
  const { t } = useTranslation(['common', 'editor']);
  const { actions } = props;
  const off = props.projectName === null || props.translating || !props.hasKey;
  const noKey = props.hasKey ? undefined : t('header.translateNoKey');
  const items: MenuItem[] = [];
  if (actions.translate)
    items.push({
      label: t('header.translate'),
      title: noKey ?? t('header.translateHint'),
      disabled: off,
      run: actions.translate,
    });
  if (actions.refresh)
    items.push({
      label: t('header.refresh'),
      title: noKey ?? t('header.refreshHint'),
      disabled: off,
      run: actions.refresh,
    });
  for (const v of ['en-US', 'en-GB'] as const)
    items.push({
      label: t(`editor:variant.${v}`),
      title: t('editor:variant.label'),
      checked: props.variant === v,
      disabled: props.projectName === null || !actions.variant,
      run: () => actions.variant?.(v),
    });
  return items;
}

/** Approved / total per language, with the edit rate and time against the machine text in the title. */
function Meters(props: { progress: LanguageProgress[]; totals?: Record<string, string> }) {
  const { t } = useTranslation('common');
  const n = useNumberFormat();
  return (
    <div className="meters">
      {props.progress.map((p) => {
        const name = t(`lang.${p.lang}`);
        const ratio = p.total ? p.approved / p.total : 0;
        const label = t('header.progressLabel', { lang: name, approved: n(p.approved), total: n(p.total) });
        const extra = props.totals?.[p.lang];
        return (
          <div
            key={p.lang}
            className={ratio === 1 ? 'meter complete' : 'meter'}
            data-testid={`progress-${p.lang}`}
            title={extra ? `${label}\n${extra}` : label}
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
  );
}

/** The hidden file input a menu command clicks (the file dialog and the tests drive it). */
function FileInput({
  ref,
  testId,
  onFile,
}: {
  ref: React.Ref<HTMLInputElement>;
  testId: string;
  onFile?(file: File): void;
}) {
  if (!onFile) return null;
  return (
    <input
      ref={ref}
      type="file"
      hidden
      accept={ACCEPT}
      data-testid={testId}
      onChange={(e) => {
        const picked = e.target.files?.[0];
        e.target.value = '';
        if (picked) onFile(picked);
      }}
    />
  );
}
