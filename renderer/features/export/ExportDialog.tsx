import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  type ApprovalPolicy,
  type ExportFormat,
  type ExportPreview,
  type ExportRequest,
  type InterchangeImportSummary,
  type Project,
  type TargetLang,
  type TmxSegmentation,
} from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { downloadBase64, fileToBase64 } from '../../components/base64';
import { Dialog } from '../../components/Dialog';
import { notice, type Notice } from '../../components/notices';
import { useCan } from '../desk/desk-session';
import { useExportSignoff } from '../desk/use-export-signoff';
import { ImportPreview, type Resolution } from './ImportPreview';
import { RoundTripResult } from './RoundTripResult';

/** Formats that carry both targets at once. */
const BOTH: ReadonlySet<ExportFormat> = new Set(['review-docx', 'tmx', 'report-html', 'report-csv']);

/** The format list, grouped the way a desk thinks of them; every format of the contract appears once. */
const GROUPS: Array<{ key: 'publish' | 'review' | 'interchange'; formats: ExportFormat[] }> = [
  { key: 'publish', formats: ['md', 'txt', 'html', 'docx'] },
  { key: 'review', formats: ['review-docx', 'report-html', 'report-csv'] },
  { key: 'interchange', formats: ['xliff2', 'xliff12', 'tmx', 'omegat'] },
];
/** Formats whose translation memory can be segmented by sentence. */
const SEGMENTABLE: ReadonlySet<ExportFormat> = new Set(['tmx', 'omegat']);
const grouped = new Set(GROUPS.flatMap((g) => g.formats));
const OTHER = EXPORT_FORMATS.filter((f) => !grouped.has(f));

/**
 * Export: counts and gaps first (on a team desk also each language's sign-off), then the file (native save in the
 * desktop app, a download in the browser).
 */
export function ExportDialog(props: {
  projectId: string;
  mode: 'electron' | 'browser';
  onClose(): void;
  onNotice(n: Notice): void;
  onJump(segmentId: string, lang: TargetLang): void;
  /** A round trip changed the project. */
  onProject(project: Project): void;
  /** 1-based row of a segment, for messages. */
  rowOf(segmentId: string): number;
  /** Shown above the form (the QA feature warns about open errors here). */
  warning?: ReactNode;
}) {
  const { t } = useTranslation(['export', 'common', 'review']);
  const [lang, setLang] = useState<TargetLang>('vi');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [policy, setPolicy] = useState<ApprovalPolicy>('approved-only');
  const [segmentation, setSegmentation] = useState<TmxSegmentation>('paragraph');
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [roundTrip, setRoundTrip] = useState<Omit<InterchangeImportSummary, 'project'> | null>(null);
  const [pending, setPending] = useState<{
    fileName: string;
    dataBase64: string;
    summary: Omit<InterchangeImportSummary, 'project'>;
  } | null>(null);
  const xliffInput = useRef<HTMLInputElement>(null);
  const ids = { format: useId(), lang: useId() };
  const target = BOTH.has(format) ? 'all' : lang;
  const { projectId, onNotice } = props;
  const signoff = useExportSignoff(projectId, target, policy);
  // Reading a translated XLIFF back changes the project: an editor's on a desk.
  const mayRoundTrip = useCan()('importInterchange');
  const request: ExportRequest = {
    projectId,
    lang: target,
    format,
    policy,
    ...(SEGMENTABLE.has(format) ? { segmentation } : {}),
  };

  useEffect(() => {
    let live = true;
    setPreview(null);
    api
      .previewExport({ projectId, lang: target, format, policy })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => onNotice(notice('error', toApiError(e))));
    return () => {
      live = false;
    };
  }, [projectId, target, format, policy, onNotice]);

  const run = async () => {
    setResult(null);
    setBusy(true);
    try {
      if (props.mode === 'electron') {
        const saved = await api.saveExport(request);
        if (saved.path) setResult(t('export:saved', { file: saved.path }));
      } else {
        const file = await api.buildExport(request);
        downloadBase64(file.fileName, file.mime, file.dataBase64);
        setResult(t('export:downloaded', { file: file.fileName }));
      }
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  // An XLIFF import previews first (nothing changes); applying it, with the conflict choices, is one step.
  const importXliff = async (file: File) => {
    try {
      const payload = { projectId, fileName: file.name, dataBase64: await fileToBase64(file) };
      const { project: _unchanged, ...summary } = await api.importInterchange({ ...payload, dryRun: true });
      setPending({ ...payload, summary });
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    }
  };

  const applyXliff = async (resolutions: Record<string, Resolution>) => {
    if (!pending) return;
    setBusy(true);
    try {
      const { summary: _preview, ...payload } = pending;
      const { project, ...summary } = await api.importInterchange({ projectId, ...payload, resolutions });
      props.onProject(project);
      setRoundTrip(summary);
      setPending(null);
      for (const w of summary.warnings ?? []) onNotice(notice('warning', { code: w }));
      setPreview(await api.previewExport(request));
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  const option = (f: ExportFormat) => (
    <option key={f} value={f}>
      {t(`export:fmt.${f}`)}
    </option>
  );

  return (
    <Dialog
      title={t('export:title')}
      onClose={props.onClose}
      testId="export-dialog"
      footer={
        <>
          {mayRoundTrip && (
            <button type="button" className="link" onClick={() => xliffInput.current?.click()}>
              {t('export:roundTrip')}
            </button>
          )}
          <input
            ref={xliffInput}
            type="file"
            hidden
            accept=".xlf,.xliff,.xml"
            data-testid="xliff-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importXliff(file);
            }}
          />
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('common:actions.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || preview === null || signoff.blocked}
            onClick={() => void run()}
          >
            {t('export:run')}
          </button>
        </>
      }
    >
      {props.warning}
      <div className="form two-col">
        <div className="field">
          <label className="field-label" htmlFor={ids.format}>
            {t('export:format')}
          </label>
          <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {GROUPS.map((g) => (
              <optgroup key={g.key} label={t(`export:group.${g.key}`)}>
                {g.formats.map(option)}
              </optgroup>
            ))}
            {OTHER.map(option)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.lang}>
            {t('export:language')}
          </label>
          <select
            id={ids.lang}
            value={target}
            disabled={BOTH.has(format)}
            onChange={(e) => setLang(e.target.value as TargetLang)}
          >
            {BOTH.has(format) && <option value="all">{t('export:bothLanguages')}</option>}
            <option value="vi">{t('common:lang.vi')}</option>
            <option value="en">{t('common:lang.en')}</option>
          </select>
        </div>
      </div>
      <fieldset className="field-set">
        <legend>{t('export:policy')}</legend>
        <label className="inline">
          <input
            type="radio"
            name="policy"
            checked={policy === 'approved-only'}
            onChange={() => setPolicy('approved-only')}
          />
          {t('export:approvedOnly')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="policy"
            checked={policy === 'include-unapproved'}
            onChange={() => setPolicy('include-unapproved')}
          />
          {t('export:includeUnapproved')}
        </label>
      </fieldset>
      {SEGMENTABLE.has(format) && (
        <label className="inline">
          <input
            type="checkbox"
            data-testid="by-sentence"
            checked={segmentation === 'sentence'}
            onChange={(e) => setSegmentation(e.target.checked ? 'sentence' : 'paragraph')}
          />
          {t('export:bySentence')}
        </label>
      )}
      <section
        className="preview"
        aria-live="polite"
        aria-label={t('export:previewTitle')}
        data-testid="export-preview"
      >
        {preview === null ? (
          <p className="muted">{t('export:previewLoading')}</p>
        ) : (
          preview.perLang.map((p) => (
            <div key={p.lang} className="preview-lang" data-testid={`export-preview-${p.lang}`}>
              <p className={p.gaps.length === 0 ? 'preview-count complete' : 'preview-count'}>
                {t('export:counts', {
                  lang: t(`common:lang.${p.lang}`),
                  approved: p.approved,
                  total: p.total,
                })}
              </p>
              {signoff.line(p.lang)}
              {p.gaps.length === 0 ? (
                <p className="muted">{t('export:allApproved')}</p>
              ) : (
                <p className="gaps">
                  <span>{t('export:gaps')}</span>{' '}
                  {p.gaps.map((g, i) => (
                    <span key={g.segmentId}>
                      {i > 0 && ', '}
                      <button
                        type="button"
                        className={`link gap gap-${g.status}`}
                        title={t('export:gapHint', { row: g.index, status: t(`review:status.${g.status}`) })}
                        onClick={() => props.onJump(g.segmentId, p.lang)}
                      >
                        {g.index}
                      </button>
                    </span>
                  ))}
                </p>
              )}
            </div>
          ))
        )}
      </section>
      {signoff.note}
      {result && (
        <p className="result" role="status" data-testid="export-result">
          {result}
        </p>
      )}
      {roundTrip && <RoundTripResult summary={roundTrip} rowOf={props.rowOf} />}
      {pending && (
        <ImportPreview
          fileName={pending.fileName}
          summary={pending.summary}
          rowOf={props.rowOf}
          busy={busy}
          onApply={(resolutions) => void applyXliff(resolutions)}
          onCancel={() => setPending(null)}
        />
      )}
    </Dialog>
  );
}
