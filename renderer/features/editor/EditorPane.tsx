import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LengthLimits } from '../../../electron/contract';
import type { Notice } from '../../components/notices';
import { EditorGrid } from './EditorGrid';
import { FilterBar } from './FilterBar';
import type { CellAside, GridDecor } from './GridRow';
import { useGridLabels } from './labels';
import { leadOf, LimitsContext } from './limits';
import type { useEditor } from './use-editor';
import { EditorDialogs, type EditorDialog } from './EditorDialogs';

/** The review workspace: filter and search bar, the virtualized grid, and the editor's own dialogs. */
export function EditorPane(props: {
  editor: ReturnType<typeof useEditor>;
  dialog: EditorDialog;
  setDialog(d: EditorDialog): void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  awaitingMachine: boolean;
  onNotice(n: Notice): void;
  /** Rendered beside the focused cell (translation memory, QA findings). */
  aside?: CellAside;
  /** The desk's length limits per row kind. */
  limits?: LengthLimits;
  /** Drawn in every visible row (termbase terms, QA findings). */
  decor?: GridDecor;
}) {
  const { editor, dialog, setDialog, onNotice, aside, decor, searchRef } = props;
  const { t } = useTranslation(['editor', 'common']);
  const labels = useGridLabels();
  const project = editor.project;
  const leadId = project ? leadOf(project.segments) : null;
  const { limits } = props;
  const limitsValue = useMemo(() => ({ limits: limits ?? {}, leadId }), [limits, leadId]);
  if (!project) return null;
  const projectId = project.id;

  return (
    <LimitsContext value={limitsValue}>
      <FilterBar
        ref={searchRef}
        filter={editor.filter}
        onFilter={editor.setFilter}
        search={editor.search}
        onSearch={editor.setSearch}
        shown={editor.rows.length}
        total={project.segments.length}
        onReplace={() => setDialog({ kind: 'replace' })}
        onShortcuts={() => setDialog({ kind: 'shortcuts' })}
      />
      <EditorGrid
        store={editor.store}
        segments={project.segments}
        rows={editor.rows}
        focus={editor.core}
        needle={editor.needle}
        awaitingMachine={props.awaitingMachine}
        labels={labels}
        actions={editor.actions}
        emptyText={t('filter.none')}
        resetKey={`${editor.filter}|${editor.needle}|${projectId}`}
        handle={editor.attachGrid}
        {...(aside ? { aside } : {})}
        {...(decor ? { decor } : {})}
      />
      <EditorDialogs editor={editor} dialog={dialog} setDialog={setDialog} onNotice={onNotice} />
    </LimitsContext>
  );
}
