import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../i18n/format';
import { DENSITIES, setDensity, useDensity, type Density } from './density';
import { FILTERS, type RowFilter } from './grid-model';

/** Filter, search across the three columns, replace and the shortcut sheet, above the grid. */
export const FilterBar = forwardRef<
  HTMLInputElement,
  {
    filter: RowFilter;
    onFilter(filter: RowFilter): void;
    search: string;
    onSearch(search: string): void;
    shown: number;
    total: number;
    onReplace(): void;
    onShortcuts(): void;
  }
>(function FilterBar(props, searchRef) {
  const { t } = useTranslation('editor');
  const n = useNumberFormat();
  const density = useDensity();
  return (
    <div className="filter-bar" role="search">
      <label className="filter-field">
        <span>{t('filter.label')}</span>
        <select
          value={props.filter}
          onChange={(e) => props.onFilter(e.target.value as RowFilter)}
          data-testid="filter-select"
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`filter.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <input
        ref={searchRef}
        type="search"
        className="search-field"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
        data-testid="search"
      />
      <span className="filter-count" role="status" data-testid="filter-count">
        {t('filter.count', { shown: n(props.shown), total: n(props.total) })}
      </span>
      <span className="spacer" />
      <select
        aria-label={t('density.label')}
        title={t('density.hint')}
        value={density}
        onChange={(e) => setDensity(e.target.value as Density)}
        data-testid="density-select"
      >
        {DENSITIES.map((d) => (
          <option key={d} value={d}>
            {t(`density.${d}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={props.onReplace}>
        {t('replace.open')}
      </button>
      <button
        type="button"
        onClick={props.onShortcuts}
        aria-keyshortcuts="Shift+? F1"
        title={t('shortcuts.open')}
      >
        {t('shortcuts.open')} <kbd>?</kbd>
      </button>
    </div>
  );
});
