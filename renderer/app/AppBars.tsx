import { useState } from 'react';
import type { DeskConnection, Project, SettingsPatch } from '../../electron/contract';
import { api } from '../api';
import { DeskBar } from '../features/desk/DeskBar';
import { DeskLinkBanner } from '../features/desk/DeskLinkBanner';
import { useDeskMe } from '../features/desk/desk-session';
import { ReviewerPrompt } from '../features/editor/ReviewerPrompt';
import type { ReviewStore } from '../features/editor/store';
import { ImportBar } from '../features/projects/ImportBar';
import type { useArticleImport } from '../features/projects/use-article-import';
import { EstimateBar } from '../features/translate/EstimateBar';
import { NoKeyBanner } from '../features/translate/NoKeyBanner';
import { TranslateBar } from '../features/translate/TranslateBar';
import type { useTranslationRun } from '../features/translate/use-translation-run';
import { retryFailed } from './header-actions';

/**
 * The bars between the header and the grid: the desk's, the link to a desk, an import running, the estimate
 * before a large machine-translation run and the run itself, the missing key, and the reviewer's name once.
 */
export function AppBars(props: {
  project: Project | null;
  store: ReviewStore;
  articles: ReturnType<typeof useArticleImport>;
  translation: ReturnType<typeof useTranslationRun>;
  deskLink: DeskConnection | null;
  /** Save what was typed, then start the app again (after a switch of desk, or to sign in again). */
  restart(): void;
  /** Save what was typed (before signing out of the desk). */
  flush(): Promise<unknown>;
  /** Offer to set a DeepL key (no key, and this person may change the settings). */
  offerKey: boolean;
  openSettings(): void;
  askReviewer: boolean;
  saveSettings(patch: SettingsPatch): Promise<boolean>;
}) {
  const { project, store, articles, translation, deskLink } = props;
  const [noKeyDismissed, setNoKeyDismissed] = useState(false);
  const [askReviewer, setAskReviewer] = useState(props.askReviewer);
  const desk = useDeskMe();
  return (
    <>
      <DeskBar
        projectId={project?.id ?? null}
        segments={project?.segments ?? []}
        signOut={deskLink?.address ? () => props.flush().then(() => api.deskDisconnect()) : undefined}
      />
      <DeskLinkBanner link={deskLink} onSignIn={props.restart} />
      <ImportBar name={articles.opening} onCancel={articles.cancel} />
      {translation.estimate && (
        <EstimateBar estimate={translation.estimate} onAnswer={translation.answerEstimate} />
      )}
      <TranslateBar
        run={translation.run}
        summary={translation.summary}
        onCancel={translation.cancel}
        onDismiss={translation.dismissSummary}
        onRetryFailed={() => retryFailed(store.getProject(), translation.start)}
      />
      {props.offerKey && !noKeyDismissed && (
        <NoKeyBanner onOpenSettings={props.openSettings} onDismiss={() => setNoKeyDismissed(true)} />
      )}
      {/* On a desk the name is the account's: nothing to ask. */}
      {askReviewer && desk.known && !desk.me && (
        <ReviewerPrompt
          onLater={() => setAskReviewer(false)}
          onSave={async (reviewerName) => {
            const ok = await props.saveSettings({ reviewerName });
            if (ok) setAskReviewer(false);
            return ok;
          }}
        />
      )}
    </>
  );
}
