import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LengthLimits } from '../../electron/contract';
import type { Notice } from '../components/notices';
import { EditorPane } from '../features/editor/EditorPane';
import type { EditorDialog } from '../features/editor/EditorDialogs';
import type { useEditor } from '../features/editor/use-editor';
import type { useCellFeatures } from './use-cell-features';

/** The workspace: the open project's editor, or a line saying the app is loading or how to open an article. */
export function Workspace(props: {
  editor: ReturnType<typeof useEditor>;
  features: ReturnType<typeof useCellFeatures>;
  dialog: EditorDialog;
  setDialog(d: EditorDialog): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** DeepL is being asked for this project's cells (see useTranslationRun): empty cells say they wait for it. */
  awaitingMachine: boolean;
  limits: LengthLimits;
  loading: boolean;
  onNotice(n: Notice): void;
}) {
  const { t } = useTranslation(['common', 'projects']);
  return (
    <main className="workspace">
      {props.editor.project ? (
        <EditorPane
          editor={props.editor}
          dialog={props.dialog}
          setDialog={props.setDialog}
          searchRef={props.searchRef}
          awaitingMachine={props.awaitingMachine}
          onNotice={props.onNotice}
          aside={props.features.aside}
          limits={props.limits}
          decor={props.features.decor}
        />
      ) : (
        <div className="empty-state">
          <p>{props.loading ? t('app.loading') : t('projects:dropHint')}</p>
        </div>
      )}
    </main>
  );
}
