import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  type ApprovalPolicy,
  type ExportFormat,
  type ExportPreview,
  type InterchangeImportSummary,
  type Project,
  type TargetLang,
} from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { downloadBase64, fileToBase64 } from '../../components/base64';
import { Dialog } from '../../components/Dialog';
import { notice, type Notice } from '../../components/notices';

/** Formats that carry both targets at once. */
const BOTH: ReadonlySet<ExportFormat> = new Set(['review-docx', 'tmx', 'report-html', 'report-csv']);

/** Export: counts and gaps first, then the file (native save in the desktop app, a download in the browser). */
export function ExportDialog(props: {
  projectId: string;
  mode: 'electron' | 'browser';
  onClose(): void;
  onNotice(n: Notice): void;
  onJump(segmentId: string): void;
  /** A round trip changed the project. */
  onProject(project: Project): void;
  /** 1-based row of a segment, for messages. */
  rowOf(segmentId: string): number;
}) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<TargetLang>('vi');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [policy, setPolicy] = useState<ApprovalPolicy>('approved-only');
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [roundTrip, setRoundTrip] = useState<Omit<InterchangeImportSummary, 'project'> | null>(null);
  const xliffInput = useRef<HTMLInputElement>(null);
  const target = BOTH.has(format) ? 'all' : lang;
  const { projectId, onNotice } = props;

  useEffect(() => {
    let live = true;
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
    const req = { projectId, lang: target, format, policy } as const;
    try {
      if (props.mode === 'electron') {
        const saved = await api.saveExport(req);
        if (saved.path) setResult(t('export.saved', { file: saved.path }));
      } else {
        const file = await api.buildExport(req);
        downloadBase64(file.fileName, file.mime, file.dataBase64);
        setResult(t('export.downloaded', { file: file.fileName }));
      }
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    }
  };

  const importXliff = async (file: File) => {
    try {
      const { project, ...summary } = await api.importInterchange({
        projectId,
        fileName: file.name,
        dataBase64: await fileToBase64(file),
      });
      props.onProject(project);
      setRoundTrip(summary);
      setPreview(await api.previewExport({ projectId, lang: target, format, policy }));
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    }
  };

  return (
    <Dialog title={t('export.title')} onClose={props.onClose}>
      <div className="form">
        <label>
          {t('export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`export.fmt.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.language')}
          <select
            value={target}
            disabled={BOTH.has(format)}
            onChange={(e) => setLang(e.target.value as TargetLang)}
          >
            {BOTH.has(format) && <option value="all">{t('export.bothLanguages')}</option>}
            <option value="vi">{t('lang.vi')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('export.policy')}</legend>
          <label className="inline">
            <input
              type="radio"
              name="policy"
              checked={policy === 'approved-only'}
              onChange={() => setPolicy('approved-only')}
            />
            {t('export.approvedOnly')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="policy"
              checked={policy === 'include-unapproved'}
              onChange={() => setPolicy('include-unapproved')}
            />
            {t('export.includeUnapproved')}
          </label>
        </fieldset>
      </div>
      <section className="preview" aria-live="polite" data-testid="export-preview">
        {preview?.perLang.map((p) => (
          <div key={p.lang}>
            <p>
              <strong>
                {t('export.counts', { lang: t(`lang.${p.lang}`), approved: p.approved, total: p.total })}
              </strong>
            </p>
            {p.gaps.length === 0 ? (
              <p>{t('export.allApproved')}</p>
            ) : (
              <p>
                {t('export.gaps', { rows: '' })}
                {p.gaps.map((g, i) => (
                  <span key={g.segmentId}>
                    {i > 0 && ', '}
                    <button type="button" className="link" onClick={() => props.onJump(g.segmentId)}>
                      {g.index}
                    </button>
                  </span>
                ))}
              </p>
            )}
          </div>
        ))}
      </section>
      {result && (
        <p className="result" role="status">
          {result}
        </p>
      )}
      {roundTrip && (
        <section className="preview" role="status" data-testid="round-trip">
          <p>
            {t('export.roundTripDone', {
              lang: t(`lang.${roundTrip.lang}`),
              updated: roundTrip.updated,
              statusChanged: roundTrip.statusChanged,
              unchanged: roundTrip.unchanged,
            })}
          </p>
          {roundTrip.conflicts.map((c) => (
            <p key={c.segmentId} className="cell-error">
              {t('export.conflicts', { row: props.rowOf(c.segmentId), incoming: c.incoming })}
            </p>
          ))}
          {roundTrip.unknownIds.length > 0 && (
            <p>{t('export.unknownIds', { count: roundTrip.unknownIds.length })}</p>
          )}
        </section>
      )}
      <div className="actions">
        <button type="button" className="link" onClick={() => xliffInput.current?.click()}>
          {t('export.roundTrip')}
        </button>
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
          {t('export.close')}
        </button>
        <button type="button" className="primary" onClick={() => void run()}>
          {t('export.run')}
        </button>
      </div>
    </Dialog>
  );
}
