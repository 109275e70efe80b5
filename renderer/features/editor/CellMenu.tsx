import { useTranslation } from 'react-i18next';
import type { TargetLang } from '../../../electron/contract';
import { MenuList, type MenuItem } from '../../components/Menu';
import { useLangLock } from '../desk/desk-access';
import { useCan } from '../desk/desk-session';
import type { CellCommands } from './cell-commands';
import { KEYS } from './keymap';
import type { ReviewStore } from './store';

/**
 * The focused cell's actions as a menu (Shift+F10, the Menu key or a right click): every button of the cell,
 * reached from the keyboard without leaving the grid's Tab order (Tab moves between cells). Closing it puts the
 * focus back in the cell.
 */
export function CellMenu(props: {
  store: ReviewStore;
  segmentId: string;
  lang: TargetLang;
  actions: CellCommands;
  /** Where its cell was when the menu was asked for: the menu opens under it. */
  anchor?: DOMRect | undefined;
  onConcordance(): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['editor', 'review', 'tm', 'common']);
  const { store, segmentId, lang, actions, onClose } = props;
  const locked = useLangLock(lang) !== null;
  const mayTranslate = useCan()('translate');
  const cell = store.segment(segmentId)?.targets[lang];
  const { anchor } = props;
  if (!cell) return null;
  const run = (f: () => void) => () => {
    onClose();
    requestAnimationFrame(f);
  };
  const items: MenuItem[] = [
    cell.status === 'approved'
      ? {
          label: t('review:cell.unapprove'),
          disabled: locked,
          run: run(() => actions.unapprove(segmentId, lang)),
        }
      : {
          label: t('review:cell.approve'),
          keys: KEYS.approve,
          disabled: locked,
          run: run(() => actions.run('approve', segmentId, lang)),
        },
    {
      label: t('editor:cellMenu.approveRow'),
      keys: KEYS.approveRow,
      disabled: locked,
      run: run(() => actions.run('approveRow', segmentId, lang)),
    },
    {
      label: t('editor:comment.button'),
      keys: KEYS.comment,
      disabled: locked,
      run: run(() => actions.comment(segmentId, lang)),
    },
    {
      label: t('editor:history.button'),
      keys: KEYS.history,
      run: run(() => actions.history(segmentId, lang)),
    },
    {
      label: t('editor:cellMenu.changes'),
      keys: KEYS.changes,
      run: run(() => actions.run('changes', segmentId, lang)),
    },
    { label: t('tm:concordance.title'), keys: KEYS.concordance, run: run(props.onConcordance) },
  ];
  if (cell.status === 'error' && mayTranslate)
    items.push({ label: t('review:cell.retry'), run: run(() => actions.retry(segmentId, lang)) });
  const style = anchor
    ? {
        position: 'fixed' as const,
        top: Math.min(anchor.bottom + 4, window.innerHeight - 280),
        left: anchor.left,
      }
    : undefined;
  return (
    <MenuList
      name={t('editor:cellMenu.name')}
      items={items}
      onClose={onClose}
      style={style}
      testId="cell-menu"
    />
  );
}
