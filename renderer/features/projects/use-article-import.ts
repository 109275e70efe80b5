import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { fileToBase64 } from '../../components/base64';
import { notice, type Notice } from '../../components/notices';

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
  const { t } = useTranslation(['projects', 'common']);
  const [lastFile, setLastFile] = useState<File | null>(null);
  const { confirm, onOpened, onNotice } = opts;

  /** Run an import; on `import.notKorean`, ask and run it again with the warning accepted. */
  const withKoreanCheck = useCallback(
    async (attempt: (acceptNonKorean: boolean) => Promise<ImportOutcome>): Promise<boolean> => {
      try {
        onOpened(await attempt(false));
        return true;
      } catch (e) {
        const error = toApiError(e);
        if (error.code !== 'import.notKorean') {
          onNotice(notice('error', error));
          return false;
        }
      }
      const go = await confirm({
        title: t('notKoreanTitle'),
        message: t('notKoreanConfirm'),
        confirm: t('common:actions.continue'),
      });
      if (!go) return false;
      try {
        onOpened(await attempt(true));
        return true;
      } catch (e) {
        onNotice(notice('error', toApiError(e)));
        return false;
      }
    },
    [confirm, onOpened, onNotice, t],
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
      const ok = await withKoreanCheck((acceptNonKorean) =>
        api.importArticle({
          fileName: file.name,
          dataBase64,
          ...options,
          ...(acceptNonKorean ? { acceptNonKorean } : {}),
        }),
      );
      if (ok) setLastFile(file);
      return ok;
    },
    [withKoreanCheck, onNotice],
  );

  const importText = useCallback(
    (text: string): Promise<boolean> =>
      withKoreanCheck((acceptNonKorean) =>
        api.importText({ text, ...(acceptNonKorean ? { acceptNonKorean } : {}) }),
      ),
    [withKoreanCheck],
  );

  return { importFile, importText, lastFile };
}
