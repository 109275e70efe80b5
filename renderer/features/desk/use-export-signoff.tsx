import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalPolicy, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { useDeskMe } from './desk-session';

/** What the export dialog shows of the desk's sign-off; empty in the single-user app. */
export interface ExportSignoff {
  /** The language's sign-off (who, when) or that it has none yet, for the preview. */
  line(lang: TargetLang): ReactNode;
  /** Said before Export: an approved-only export needs the sign-off of every language it takes. */
  note: ReactNode;
  /** An approved-only export of a language not signed off: the desk would refuse it. */
  blocked: boolean;
}

const NONE: ExportSignoff = { line: () => null, note: null, blocked: false };

/**
 * The sign-off side of an export on the team desk. The desk refuses an export of approved text for a language
 * an editor has not signed off (a draft export, unapproved rows included and marked, needs none), so the dialog
 * says so per language and before Export rather than after a refusal. Read again whenever the choice changes,
 * so a sign-off given meanwhile counts.
 */
export function useExportSignoff(
  projectId: string,
  target: TargetLang | 'all',
  policy: ApprovalPolicy,
): ExportSignoff {
  const { t, i18n } = useTranslation(['desk', 'common']);
  const { me } = useDeskMe();
  // Unreadable: say nothing rather than guess (no access, so NONE); the desk still checks the export itself.
  // The last answer stays while it is read again.
  const read = useApi(
    me ? () => api.deskProjectAccess(projectId) : null,
    [me, projectId, target, policy],
    undefined,
    {
      keep: true,
    },
  );
  const access = valueOf(read) ?? null;

  return useMemo(() => {
    if (!me || !access) return NONE;
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const signed = (lang: TargetLang) => access.signoffs.find((s) => s.lang === lang);
    const langs: TargetLang[] = target === 'all' ? ['vi', 'en'] : [target];
    const missing = langs.filter((l) => !signed(l));
    const names = (ls: TargetLang[]) => ls.map((l) => t(`common:lang.${l}`)).join(', ');
    const line = (lang: TargetLang) => {
      const s = signed(lang);
      return (
        <p
          className={s ? 'desk-signoff-line signed' : 'desk-signoff-line'}
          data-testid={`export-signoff-${lang}`}
        >
          {s
            ? t('desk:export.signedOff', { by: s.by, date: date.format(new Date(s.at)) })
            : t('desk:export.notSignedOff')}
        </p>
      );
    };
    const blocked = policy === 'approved-only' && missing.length > 0;
    const note = (
      <p
        className={blocked ? 'desk-signoff-note blocked' : 'desk-signoff-note'}
        role="note"
        data-testid="export-signoff-note"
      >
        {blocked
          ? t('desk:export.needsSignoff', { langs: names(missing) })
          : policy === 'approved-only'
            ? t('desk:export.signedOffAll', { langs: names(langs) })
            : t('desk:export.draftNoSignoff')}
      </p>
    );
    return { line, note, blocked };
  }, [me, access, target, policy, t, i18n.language]);
}
