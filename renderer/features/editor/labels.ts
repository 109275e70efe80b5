import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CellStatus, SegmentKind, TargetLang } from '../../../electron/contract';
import { formatMatch, formatPercent } from '../../../common/i18n/percent';
import { KEYS } from './keymap';
import type { DraftView } from './store';

// Placeholders i18next leaves alone; filled per cell with a string replace, which is ~100× cheaper than `t()`.
const ROW = '\u0001ROW\u0001';
const NAME = '\u0001NAME\u0001';
const DATE = '\u0001DATE\u0001';
const N1 = '\u0001N1\u0001';
const N2 = '\u0001N2\u0001';
const N3 = '\u0001N3\u0001';

/** A template with one slot per placeholder, filled without i18next. */
type Template = (row: number) => string;
const template =
  (text: string): Template =>
  (row) =>
    text.split(ROW).join(String(row));

/** Per-language labels of a target cell. */
export interface LangLabels {
  name: string;
  cell: Template;
  approve: Template;
  unapprove: Template;
  retry: Template;
  comment: Template;
  useSuggestion: Template;
  history: Template;
}

/**
 * Every string the grid shows, computed once per UI language and passed down, so rendering a row calls no
 * `t()` (profiling showed per-cell lookups were two thirds of a grid re-render).
 */
export interface GridLabels {
  lang: Record<TargetLang | 'ko', string>;
  langs: Record<TargetLang, LangLabels>;
  status: Record<CellStatus, string>;
  kind: Record<SegmentKind, string>;
  save: Record<DraftView, string>;
  waitingForMachine: string;
  approve: string;
  approveHint: string;
  unapprove: string;
  retry: string;
  suggestion: string;
  useSuggestion: string;
  emptyPlaceholder: string;
  row: { changed: string; new: string; before: string; pictureLink: string };
  followsPicture: Template;
  followsPictureUnlinked: string;
  doNotTranslate: string;
  translateThis: string;
  keepOriginal: string;
  keepOriginalHint: string;
  /** Unique accessible names of the row buttons (every row has one). */
  translateThisLabel: Template;
  keepOriginalLabel: Template;
  showChanges: Template;
  hideChanges: Template;
  koreanChanged: string;
  machineWas: string;
  editRate: (percent: string) => string;
  timeSpent: (time: string) => string;
  comment: string;
  history: string;
  /** The history's keys, as a hint on its button. */
  historyKey: string;
  commentBy: (name: string, date: string) => string;
  approvedBy: (name: string, date: string) => string;
  approvedOn: (date: string) => string;
  /** "Memory 101%": a cell still holding the text the translation memory filled it with. */
  memoryBadge: (score: number) => string;
  /** Who approved the memory's unit and when (the badge's title). */
  memoryFrom: (name: string, date: string) => string;
  grid: { label: string; row: string; source: string };
  percent: (ratio: number) => string;
  minutes: (ms: number) => string;
  date: (iso: string) => string;
  /** "123 characters · 20 words" */
  counts: (chars: number, words: number) => string;
  /** "123 / 80 characters · 20 words" */
  countsOf: (chars: number, max: number, words: number) => string;
  /** "43 over the limit for a headline" */
  overLimit: (over: number, kind: string) => string;
  limitKind: Record<'headline' | 'subheadline' | 'caption' | 'lead', string>;
}

type GridT = TFunction<['review', 'common', 'editor']>;

/** The labels that format a value (numbers, dates, names) in the UI language. */
type FormatLabels = Pick<
  GridLabels,
  | 'editRate'
  | 'timeSpent'
  | 'comment'
  | 'history'
  | 'historyKey'
  | 'commentBy'
  | 'approvedBy'
  | 'approvedOn'
  | 'memoryBadge'
  | 'memoryFrom'
  | 'grid'
  | 'percent'
  | 'minutes'
  | 'date'
  | 'counts'
  | 'countsOf'
  | 'overLimit'
  | 'limitKind'
>;

/** The grid's fixed texts: languages, statuses, row kinds, save states, cell and row buttons. */
function textLabels(t: GridT): Omit<GridLabels, keyof FormatLabels> {
  const langName = (l: TargetLang | 'ko') => t(`common:lang.${l}`);
  const perLang = (l: TargetLang): LangLabels => {
    const lang = langName(l);
    return {
      name: lang,
      cell: template(t('review:cell.label', { lang, row: ROW })),
      approve: template(t('review:cell.approveLabel', { lang, row: ROW })),
      unapprove: template(t('review:cell.unapproveLabel', { lang, row: ROW })),
      retry: template(t('review:cell.retryLabel', { lang, row: ROW })),
      comment: template(t('editor:comment.buttonLabel', { lang, row: ROW })),
      useSuggestion: template(t('editor:labels.useSuggestion', { lang, row: ROW })),
      history: template(t('editor:history.buttonLabel', { lang, row: ROW })),
    };
  };
  return {
    lang: { ko: langName('ko'), vi: langName('vi'), en: langName('en') },
    langs: { vi: perLang('vi'), en: perLang('en') },
    status: {
      empty: t('review:status.empty'),
      machine: t('review:status.machine'),
      edited: t('review:status.edited'),
      approved: t('review:status.approved'),
      error: t('review:status.error'),
    },
    kind: {
      headline: t('review:kind.headline'),
      subheadline: t('review:kind.subheadline'),
      heading: t('review:kind.heading'),
      paragraph: t('review:kind.paragraph'),
      'list-item': t('review:kind.list-item'),
      picture: t('review:kind.picture'),
      caption: t('review:kind.caption'),
      credit: t('review:kind.credit'),
      copyright: t('review:kind.copyright'),
    },
    save: {
      dirty: t('editor:save.dirty'),
      saving: t('editor:save.saving'),
      failed: t('review:cell.unsaved'),
      conflict: t('editor:save.conflict'),
      signin: t('editor:save.signin'),
      held: t('review:cell.conflictHeld'),
      refused: t('review:cell.refused'),
    },
    waitingForMachine: t('editor:cell.waitingForMachine'),
    approve: t('review:cell.approve'),
    approveHint: t('review:cell.approveHint'),
    unapprove: t('review:cell.unapprove'),
    retry: t('review:cell.retry'),
    suggestion: t('review:cell.suggestion'),
    useSuggestion: t('review:cell.useSuggestion'),
    emptyPlaceholder: t('review:cell.emptyPlaceholder'),
    row: {
      changed: t('review:row.changed'),
      new: t('review:row.new'),
      before: t('review:row.before'),
      pictureLink: t('review:row.pictureLink'),
    },
    followsPicture: template(t('review:row.followsPicture', { row: ROW })),
    followsPictureUnlinked: t('review:row.followsPictureUnlinked'),
    doNotTranslate: t('review:row.doNotTranslate'),
    translateThis: t('review:row.translateThis'),
    keepOriginal: t('review:row.keepOriginal'),
    keepOriginalHint: t('review:row.keepOriginalHint'),
    translateThisLabel: template(t('editor:labels.translateThis', { row: ROW })),
    keepOriginalLabel: template(t('editor:labels.keepOriginal', { row: ROW })),
    showChanges: template(t('editor:diff.show', { row: ROW })),
    hideChanges: template(t('editor:diff.hide', { row: ROW })),
    koreanChanged: t('editor:diff.koreanChanged'),
    machineWas: t('editor:diff.machineWas'),
  };
}

/** The grid's labels that format values (numbers, dates, names) in the language `lng`. */
function formatLabels(t: GridT, lng: string): FormatLabels {
  const two = (text: string) => (a: string, b: string) => text.split(NAME).join(a).split(DATE).join(b);
  const number = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
  const fill = (text: string, ...n: number[]) =>
    n.reduce((out, v, i) => out.split([N1, N2, N3][i]!).join(number.format(v)), text);
  const dates = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
  const minutesText = t('editor:metrics.minutes', { value: NAME });
  return {
    editRate: (p) => t('editor:metrics.editRate', { value: NAME }).split(NAME).join(p),
    timeSpent: (time) => t('editor:metrics.time', { value: NAME }).split(NAME).join(time),
    comment: t('editor:comment.button'),
    history: t('editor:history.button'),
    historyKey: KEYS.history,
    commentBy: two(t('editor:comment.by', { name: NAME, date: DATE })),
    approvedBy: two(t('review:cell.approvedBy', { name: NAME, date: DATE })),
    approvedOn: (d) => t('review:cell.approvedOn', { date: DATE }).split(DATE).join(d),
    memoryBadge: (score) =>
      t('editor:memory.badge', { score: NAME }).split(NAME).join(formatMatch(lng, score)),
    memoryFrom: two(t('editor:memory.from', { name: NAME, date: DATE })),
    grid: {
      label: t('review:grid.label'),
      row: t('review:grid.row'),
      source: t('review:grid.source'),
    },
    percent: (r) => formatPercent(lng, r * 100),
    minutes: (ms) => minutesText.split(NAME).join(number.format(ms / 60_000)),
    date: (iso) => dates.format(new Date(iso)),
    counts: (c, w) => fill(t('editor:counts.plain', { chars: N1, words: N2 }), c, w),
    countsOf: (c, m, w) => fill(t('editor:counts.ofLimit', { chars: N1, max: N2, words: N3 }), c, m, w),
    overLimit: (o, kind) =>
      fill(t('editor:counts.over', { over: N1, kind: NAME }), o)
        .split(NAME)
        .join(kind),
    limitKind: {
      headline: t('editor:counts.kind.headline'),
      subheadline: t('editor:counts.kind.subheadline'),
      caption: t('editor:counts.kind.caption'),
      lead: t('editor:counts.kind.lead'),
    },
  };
}

/** The grid's labels in the current UI language (recomputed only when the language changes). */
export function useGridLabels(): GridLabels {
  const { t, i18n } = useTranslation(['review', 'common', 'editor']);
  const lng = i18n.language;
  // `lng` is the dependency that matters: `t` alone may keep its identity across a language change.
  return useMemo(() => ({ ...textLabels(t), ...formatLabels(t, lng) }), [t, lng]);
}
