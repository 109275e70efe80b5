import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SettingsView, UiLang } from '../../electron/contract';
import { api } from '../api';
import { useConfirm } from '../components/ConfirmDialog';
import { useDeskLink } from '../features/desk/use-desk-link';
import { useCan } from '../features/desk/desk-session';
import type { EditorDialog } from '../features/editor/EditorDialogs';
import { useArticleImport } from '../features/projects/use-article-import';
import type { DialogName } from './AppDialogs';
import { useHeaderActions } from './header-actions';
import { useAppSettings } from './use-app-settings';
import { useDropTarget } from './use-drop-target';
import { useNotices } from './use-notices';
import { useReviewWiring } from './use-review-wiring';
import { useSession } from './use-session';

/**
 * What the app's screen is made from, wired together: the open dialogs, notices and confirmation, the review
 * (editor, machine translation, grid features), the settings, the open project's session, article import and the
 * drop target, the desk link and what this person may do, and the header's actions.
 */
export function useAppState(props: { info: AppInfo; initialSettings: SettingsView }) {
  const [dialog, setDialog] = useState<DialogName>(null);
  const [editorDialog, setEditorDialog] = useState<EditorDialog>(null);
  const [confirm, confirmElement] = useConfirm();
  const notices = useNotices();
  const { push, fail } = notices;
  const searchRef = useRef<HTMLInputElement>(null);
  const access = useDeskAccess(props.info);
  const closeDialog = useCallback(() => setDialog(null), []);
  const wiring = useReviewWiring({ push, fail, confirm, searchRef, setEditorDialog, closeDialog });
  const { editor, translation } = wiring;
  const { store } = editor;
  const startTranslation = translation.start;
  const prefs = useAppSettings({
    info: props.info,
    initial: props.initialSettings,
    store,
    push,
    fail,
    startTranslation,
  });
  const uiLanguage = useUiLanguage(access.maySettings, prefs.setSettings, fail);
  const session = useSession({
    show: editor.show,
    applySegments: (id, segments) => store.applySegments(id, segments),
    hasKey: prefs.hasKey,
    push,
    fail,
    clearNotices: notices.clear,
    startTranslation,
    help: (topic) => setDialog(topic),
  });
  const articles = useArticleImport({ confirm, onOpened: session.opened, onNotice: push });
  const drop = useDropTarget((file) => void articles.importFile(file), access.can('importArticle'));
  const closeProject = () => void session.show(null);
  const headerActions = useHeaderActions({
    can: access.can,
    setVariant: prefs.setVariant,
    maySettings: access.maySettings,
    project: editor.project,
    articles,
    setDialog,
    closeProject,
    startTranslation,
    qa: wiring.cellFeatures.qa,
    uiLanguage,
  });
  return {
    dialog,
    setDialog,
    editorDialog,
    setEditorDialog,
    confirmElement,
    notices,
    searchRef,
    ...access,
    ...wiring,
    prefs,
    session,
    articles,
    drop,
    headerActions,
    closeProject,
    /** The app switched between a desk and this computer (or must sign in again): save what was typed, start over. */
    restart: () => void editor.queue.flush().finally(() => window.location.reload()),
    openProject: (id: string) => api.openProject(id).then(session.show, fail),
  };
}

/** Where this person works (the desk link) and what they may do there. */
function useDeskAccess(info: AppInfo) {
  // On a team desk, what the person's role cannot do is neither offered nor started (see desk/permissions.ts).
  const can = useCan();
  const deskLink = useDeskLink();
  // In a browser on the desk's own page, settings are the desk server's (an admin's); the app (desktop or its
  // browser mode, also while it works on a desk) keeps its own.
  const maySettings = info.mode !== 'browser' || deskLink?.canConnect !== false || can('updateSettings');
  return { can, deskLink, maySettings };
}

/** Switch the screen's language; saved in the settings when this person may change them. */
function useUiLanguage(
  maySettings: boolean,
  setSettings: (s: SettingsView) => void,
  fail: (e: unknown) => void,
) {
  const { i18n } = useTranslation();
  return (lng: UiLang) => {
    void i18n.changeLanguage(lng);
    // The desk's settings are an admin's: anyone else switches their own screen only.
    if (maySettings) api.updateSettings({ uiLanguage: lng }).then(setSettings, fail);
  };
}
