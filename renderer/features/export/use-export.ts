import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApprovalPolicy,
  ExportFormat,
  ExportPreview,
  ExportRequest,
  TargetLang,
  TmxSegmentation,
  UiLang,
} from '../../../electron/contract';
import { UI_LANGS } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { downloadBase64 } from '../../components/base64';
import { notice, type Notice } from '../../components/notices';
import { fileSlug } from '../../../common/export/file-name';
import { BOTH, SEGMENTABLE } from './formats';

const isUiLang = (l: string): l is UiLang => (UI_LANGS as readonly string[]).includes(l);

/** The export dialog's choices, its preview (read again whenever a choice changes) and running the export. */
export function useExport(
  projectId: string,
  projectName: string,
  mode: 'electron' | 'browser',
  onNotice: (n: Notice) => void,
) {
  const { t, i18n } = useTranslation('export');
  const [lang, setLang] = useState<TargetLang>('vi');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [policy, setPolicy] = useState<ApprovalPolicy>('approved-only');
  const [segmentation, setSegmentation] = useState<TmxSegmentation>('paragraph');
  const [name, setName] = useState(() => fileSlug(projectName));
  const [counted, setCounted] = useState<{ key: string; preview: ExportPreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const target: TargetLang | 'all' = BOTH.has(format) ? 'all' : lang;
  const request: ExportRequest = {
    projectId,
    lang: target,
    format,
    policy,
    ...(SEGMENTABLE.has(format) ? { segmentation } : {}),
    ...(name.trim() ? { name } : {}),
    // The review DOCX and report are written in the interface language.
    ...(isUiLang(i18n.language) ? { uiLanguage: i18n.language } : {}),
  };

  // The preview shown is the one counted for the current choice (and project generation), never a stale one.
  const key = JSON.stringify([projectId, target, format, policy, generation]);
  const preview = counted?.key === key ? counted.preview : null;

  useEffect(() => {
    let live = true;
    api
      .previewExport({ projectId, lang: target, format, policy })
      .then((p) => live && setCounted({ key, preview: p }))
      .catch((e: unknown) => onNotice(notice('error', toApiError(e))));
    return () => {
      live = false;
    };
  }, [key, projectId, target, format, policy, onNotice]);

  const run = async () => {
    setResult(null);
    setBusy(true);
    try {
      if (mode === 'electron') {
        const saved = await api.saveExport(request);
        if (saved.path) setResult(t('saved', { file: saved.path }));
      } else {
        const file = await api.buildExport(request);
        downloadBase64(file.fileName, file.mime, file.dataBase64);
        setResult(t('downloaded', { file: file.fileName }));
      }
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  /** The project changed (a round trip): count again. */
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  return {
    choice: { lang, format, policy, segmentation, target, name },
    set: { setLang, setFormat, setPolicy, setSegmentation, setName },
    preview,
    busy,
    result,
    run,
    refresh,
  };
}
