import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiError, ImportOutcome } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { fileToBase64 } from '../../components/base64';
import { notice, type Notice } from '../../components/notices';
import { useMessage } from '../../i18n/messages';

/** Answers the reviewer gave to the import's questions. */
interface ImportFlags {
  acceptNonKorean?: true;
  confirmDifferentArticle?: true;
}

/**
 * The question a refused import asks before it runs again with the answer: text without Korean, or a "revision"
 * that shares little with the open article; null when there is none to ask (or it was answered already).
 */
function importQuestion(
  error: ApiError,
  flags: ImportFlags,
  t: TFunction<['projects', 'common', 'editor']>,
  message: (e: ApiError) => string,
): { title: string; message: string; flag: keyof ImportFlags } | null {
  if (error.code === 'import.notKorean' && !flags.acceptNonKorean)
    return { title: t('notKoreanTitle'), message: t('notKoreanConfirm'), flag: 'acceptNonKorean' };
  if (error.code === 'project.differentArticle' && !flags.confirmDifferentArticle)
    return {
      title: t('revised'),
      message: `${message(error)} ${t('editor:revision.confirm')}`,
      flag: 'confirmDifferentArticle',
    };
  return null;
}

/** How to open a file: as a new project, as a revised version of one (`intoProjectId`), or with a forced encoding. */
export interface ImportOptions {
  intoProjectId?: string;
  encoding?: string;
}

/**
 * Open articles from a file (picker or drop) or pasted text. Text without Korean is opened only after the
 * reviewer confirms. The last file is kept for this session so "Reopen as" can send it again with another
 * encoding.
 */
export function useArticleImport(opts: {
  confirm(q: { title: string; message: string; confirm: string }): Promise<boolean>;
  onOpened(outcome: ImportOutcome): void;
  onNotice(n: Notice): void;
}) {
  const { t } = useTranslation(['projects', 'common', 'editor']);
  const message = useMessage();
  const [lastFile, setLastFile] = useState<File | null>(null);
  // The file being opened, and the id its Cancel button names (see `cancelImport`).
  const [opening, setOpening] = useState<{ name: string; importId: string } | null>(null);
  const { confirm, onOpened, onNotice } = opts;

  /**
   * Run an import. On `import.notKorean` (text without Korean) or `project.differentArticle` (a "revision" that
   * shares little with the open article) ask, and run it again with that answer; nothing is written before.
   */
  const withChecks = useCallback(
    async (attempt: (flags: ImportFlags) => Promise<ImportOutcome>): Promise<boolean> => {
      const flags: ImportFlags = {};
      for (;;) {
        try {
          onOpened(await attempt(flags));
          return true;
        } catch (e) {
          const error = toApiError(e);
          const question = importQuestion(error, flags, t, message);
          if (!question) {
            // The reviewer's own Cancel is not an error; the open project is unchanged.
            onNotice(notice(error.code === 'import.cancelled' ? 'info' : 'error', error));
            return false;
          }
          const go = await confirm({ ...question, confirm: t('common:actions.continue') });
          if (!go) return false;
          flags[question.flag] = true;
        }
      }
    },
    [confirm, onOpened, onNotice, t, message],
  );

  const importFile = useCallback(
    async (file: File, options: ImportOptions = {}): Promise<boolean> => {
      let dataBase64: string;
      try {
        dataBase64 = await fileToBase64(file);
      } catch {
        onNotice(notice('error', { code: 'import.unreadable' }));
        return false;
      }
      const ok = await withChecks(async (flags) => {
        const importId = crypto.randomUUID();
        setOpening({ name: file.name, importId });
        try {
          return await api.importArticle({ fileName: file.name, dataBase64, ...options, ...flags, importId });
        } finally {
          setOpening(null);
        }
      });
      if (ok) setLastFile(file);
      return ok;
    },
    [withChecks, onNotice],
  );

  const importText = useCallback(
    (text: string): Promise<boolean> =>
      withChecks((flags) =>
        api.importText({ text, ...(flags.acceptNonKorean ? { acceptNonKorean: true } : {}) }),
      ),
    [withChecks],
  );

  /** Stop the import in progress (the file being opened). */
  const cancel = useCallback(() => {
    if (opening) void api.cancelImport(opening.importId).catch(() => undefined);
  }, [opening]);

  return { importFile, importText, lastFile, opening: opening?.name ?? null, cancel };
}
