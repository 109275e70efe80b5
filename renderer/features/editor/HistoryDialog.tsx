import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellVersion, Segment, TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';
import { ChangeKeys } from './change-keys';
import { DiffText } from './DiffText';
import './history.css';

/** A restore tried again after no answer (the dialog stays open) is the same change to the host. */
const restoreKeys = new ChangeKeys();

/**
 * Every recorded version of one cell, newest first: when, who, what did it (typing, approval, machine, memory…),
 * the status and the text with what changed. Restoring one is itself a recorded, undoable change; the dialog
 * closes only once the Node side has stored it.
 */
export function HistoryDialog(props: {
  projectId: string;
  segmentId: string;
  lang: TargetLang;
  row: number;
  onRestored(segment: Segment): void;
  onClose(): void;
}) {
  const { projectId, segmentId, lang } = props;
  const { t, i18n } = useTranslation(['editor', 'review', 'common']);
  const message = useMessage();
  const history = useApi(
    () => api.cellHistory({ projectId, segmentId, lang }).then(distinct),
    [projectId, segmentId, lang],
  );
  const versions = valueOf(history) ?? null;
  const restore = useRestore(props);
  // A failed read, or a failed restore (cleared when another is tried).
  const error = history.state === 'failed' ? message(history.error) : restore.error;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <Dialog
      title={t('editor:history.title', { lang: t(`common:lang.${lang}`), row: props.row })}
      onClose={props.onClose}
      wide
      testId="history-dialog"
      footer={
        <button type="button" onClick={props.onClose} data-autofocus>
          {t('common:actions.close')}
        </button>
      }
    >
      {error && (
        <p className="cell-error" role="alert">
          {error}
        </p>
      )}
      {versions === null && !error && <p className="muted">{t('editor:history.loading')}</p>}
      {versions?.length === 0 && <p className="muted">{t('editor:history.empty')}</p>}
      <ol className="history-list">
        {versions?.map((v, i) => (
          <HistoryVersion
            key={v.id}
            version={v}
            current={i === 0}
            when={date.format(new Date(v.at))}
            lang={lang}
            busy={restore.busy}
            onRestore={() => void restore.run(v)}
          />
        ))}
      </ol>
    </Dialog>
  );
}

/** Restoring a version: the dialog closes once the host has stored it; a failure is shown in the dialog. */
function useRestore(props: {
  projectId: string;
  segmentId: string;
  lang: TargetLang;
  onRestored(segment: Segment): void;
  onClose(): void;
}) {
  const { projectId, segmentId, lang } = props;
  const message = useMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: CellVersion) => {
    setBusy(true);
    setError(null);
    try {
      const ask = (key: string) =>
        api.restoreCellVersion({ projectId, segmentId, lang, versionId: v.id, key });
      props.onRestored(await restoreKeys.send(`${projectId}:${segmentId}:${lang}:${v.id}`, null, ask));
      props.onClose();
    } catch (e) {
      setError(message(toApiError(e)));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** One version: its cause, status, who and when, Restore (or "current"), and its text with what changed. */
function HistoryVersion(props: {
  version: CellVersion;
  current: boolean;
  when: string;
  lang: TargetLang;
  busy: boolean;
  onRestore(): void;
}) {
  const { t } = useTranslation(['editor', 'review', 'common']);
  const { version: v, when, lang } = props;
  return (
    <li data-testid="history-version">
      <div className="history-meta">
        <strong>{t(`editor:history.origin.${v.origin}`)}</strong>
        <span className={`chip chip-${v.status}`}>{t(`review:status.${v.status}`)}</span>
        <span className="muted">{t('editor:history.by', { name: v.by || '–', date: when })}</span>
        <span className="spacer" />
        {props.current ? (
          <span className="chip">{t('editor:history.current')}</span>
        ) : (
          <button
            type="button"
            className="small"
            disabled={props.busy}
            aria-label={t('editor:history.restoreLabel', { date: when })}
            onClick={props.onRestore}
          >
            {t('editor:history.restore')}
          </button>
        )}
      </div>
      <p className="history-text" lang={lang}>
        {v.previousText !== v.text ? (
          <DiffText before={v.previousText} after={v.text} lang={lang} />
        ) : (
          v.text || <span className="muted">{t('editor:history.emptyText')}</span>
        )}
      </p>
    </li>
  );
}

/**
 * Adjacent versions that show the same thing (same text, status and cause: e.g. a machine translation stored in
 * two steps) are listed once, the newer kept; restoring either would give the same cell.
 */
function distinct(versions: CellVersion[]): CellVersion[] {
  return versions.filter((v, i) => {
    const older = versions[i + 1];
    return !older || older.text !== v.text || older.status !== v.status || older.origin !== v.origin;
  });
}
