import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planReplace, type ReplaceCell } from '../../../common/replace';
import { TARGET_LANGS, type ReplaceRequest, type TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { useNumberFormat } from '../../i18n/format';
import { DiffText } from './DiffText';

/** How many changes the preview lists (the count covers all of them). */
const LISTED = 50;

type ReplaceSpec = Omit<ReplaceRequest, 'projectId'>;

/**
 * Find & replace within one target language. As the reviewer types, it shows how many matches and cells would
 * change (approved cells are left alone unless included) and lists each change with its row: one can be replaced
 * on its own or looked at in the grid, or all at once (one undoable step either way).
 */
export function ReplaceDialog(props: {
  initialFind: string;
  initialLang: TargetLang;
  /** The cells of a language, with their row numbers, as the grid has them now. */
  cells(lang: TargetLang): Array<ReplaceCell & { row: number }>;
  onReplace(req: ReplaceSpec): Promise<boolean>;
  /** Close the dialog and put the focus in that cell. */
  onGoTo(segmentId: string, lang: TargetLang): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['editor', 'common']);
  const n = useNumberFormat();
  const [spec, setSpec] = useState<ReplaceSpec>({
    lang: props.initialLang,
    find: props.initialFind,
    replace: '',
    matchCase: false,
    wholeWord: false,
    includeApproved: false,
  });
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ReplaceSpec>) => setSpec((s) => ({ ...s, ...patch }));
  const { cells } = props;
  const cellsOfLang = useMemo(() => cells(spec.lang), [cells, spec.lang]);
  const plan = useMemo(() => planReplace(cellsOfLang, spec), [cellsOfLang, spec]);
  const rowOf = useMemo(() => new Map(cellsOfLang.map((c) => [c.id, c.row])), [cellsOfLang]);

  const run = async (only?: string[]) => {
    if (spec.find === '') return setError(true);
    setBusy(true);
    const ok = await props.onReplace(only ? { ...spec, segmentIds: only } : spec);
    setBusy(false);
    if (ok && !only) props.onClose();
  };
  return (
    <Dialog
      title={t('editor:replace.title')}
      onClose={props.onClose}
      wide
      testId="replace-dialog"
      footer={
        <>
          <span className="replace-count" role="status" data-testid="replace-count">
            {spec.find === ''
              ? ''
              : t('editor:replace.preview', {
                  matches: n(plan.replaced),
                  cells: n(plan.hits.length),
                  skipped: n(plan.skippedApproved),
                })}
          </span>
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || plan.hits.length === 0}
            onClick={() => void run()}
          >
            {t('editor:replace.runCount', { cells: n(plan.hits.length) })}
          </button>
        </>
      }
    >
      <ReplaceFields spec={spec} set={set} error={error} clearError={() => setError(false)} />
      <ReplaceList
        hits={plan.hits}
        lang={spec.lang}
        rowOf={rowOf}
        busy={busy}
        onGoTo={props.onGoTo}
        onReplace={(id) => void run([id])}
      />
    </Dialog>
  );
}

/** The changes the replacement would make (the first {@link LISTED}), each with Go to and Replace this one. */
function ReplaceList(props: {
  hits: ReturnType<typeof planReplace>['hits'];
  lang: TargetLang;
  rowOf: ReadonlyMap<string, number>;
  busy: boolean;
  onGoTo(segmentId: string, lang: TargetLang): void;
  onReplace(segmentId: string): void;
}) {
  const { t } = useTranslation(['editor', 'common']);
  const { hits, lang } = props;
  if (hits.length === 0) return null;
  return (
    <ol className="replace-list" aria-label={t('editor:replace.listLabel')} data-testid="replace-list">
      {hits.slice(0, LISTED).map((h) => (
        <li key={h.id}>
          <span className="replace-row">{t('editor:replace.row', { row: props.rowOf.get(h.id) ?? 0 })}</span>
          <span className="replace-diff" lang={lang}>
            <DiffText before={h.before} after={h.after} lang={lang} />
          </span>
          <button type="button" className="small" onClick={() => props.onGoTo(h.id, lang)}>
            {t('editor:replace.goTo')}
          </button>
          <button type="button" className="small" disabled={props.busy} onClick={() => props.onReplace(h.id)}>
            {t('editor:replace.one')}
          </button>
        </li>
      ))}
      {hits.length > LISTED && (
        <li className="muted">{t('editor:replace.more', { count: hits.length - LISTED })}</li>
      )}
    </ol>
  );
}

/** Language, find, replace-with and the three options. */
function ReplaceFields(props: {
  spec: ReplaceSpec;
  set(patch: Partial<ReplaceSpec>): void;
  error: boolean;
  clearError(): void;
}) {
  const { t } = useTranslation(['editor', 'common']);
  const { spec, set } = props;
  const check = (key: 'matchCase' | 'wholeWord' | 'includeApproved') => (
    <label className="check">
      <input
        type="checkbox"
        checked={spec[key] ?? false}
        onChange={(e) => set({ [key]: e.target.checked })}
      />
      {t(`editor:replace.${key}`)}
    </label>
  );
  return (
    <div className="replace-fields">
      <label className="field">
        <span>{t('editor:replace.lang')}</span>
        <select value={spec.lang} onChange={(e) => set({ lang: e.target.value as TargetLang })}>
          {TARGET_LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`common:lang.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('editor:replace.find')}</span>
        <input
          data-autofocus
          value={spec.find}
          aria-invalid={props.error}
          onChange={(e) => {
            set({ find: e.target.value });
            props.clearError();
          }}
        />
      </label>
      {props.error && (
        <p className="field-error" role="alert">
          {t('editor:replace.empty')}
        </p>
      )}
      <label className="field">
        <span>{t('editor:replace.with')}</span>
        <input value={spec.replace} onChange={(e) => set({ replace: e.target.value })} />
      </label>
      {check('matchCase')}
      {check('wholeWord')}
      {check('includeApproved')}
    </div>
  );
}
