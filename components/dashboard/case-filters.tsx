import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type Ref } from 'react';
import {
  EMPTY_FILTER,
  loadViews,
  saveViews,
  upsertView,
  vendorOptions,
  type CaseFilter,
  type SavedView,
} from '@/lib/cases/dashboard-query';
import { getDb } from '@/lib/store/db';
import { SEVERITY_LABELS, STATE_LABELS } from '@/lib/cases/format';
import { CASE_STATES, SEVERITIES, type StoredCase } from '@/lib/core/model';
import { BALL_LABELS } from './case-detail';
import { Notice, useNotice } from '../shared/notice';
import { useDashboardView } from '../shared/view-store';

const sameView = (a: Pick<SavedView, 'filter' | 'sort'>, b: Pick<SavedView, 'filter' | 'sort'>) =>
  JSON.stringify([a.filter, a.sort]) === JSON.stringify([b.filter, b.sort]);

/** Search, the four filters and the saved views of the dashboard. */
export function CaseFilters({
  cases,
  searchRef,
  onSearchFocus,
}: {
  cases: StoredCase[];
  searchRef: Ref<HTMLInputElement>;
  onSearchFocus: () => void;
}) {
  const { filter, sort, setFilter, applyView } = useDashboardView();
  const views = useLiveQuery(() => loadViews(getDb()), []) ?? [];
  const [name, setName] = useState('');
  const { notice, run } = useNotice();
  const current = views.find((v) => sameView(v, { filter, sort }));
  // Labels point at their control (not wrap it), so a select's name is its label alone.
  const select = <K extends keyof CaseFilter>(key: K, label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select
        id={`filter-${key}`}
        value={filter[key]}
        onChange={(e) => setFilter({ [key]: e.target.value } as Partial<CaseFilter>)}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const save = () =>
    run(async () => {
      await saveViews(getDb(), upsertView(views, { name, filter, sort }));
      setName('');
      return `View "${name.trim()}" saved.`;
    });
  const remove = (view: SavedView) =>
    run(async () => {
      await saveViews(
        getDb(),
        views.filter((v) => v !== view),
      );
      return `View "${view.name}" deleted.`;
    });
  return (
    <div className="filters" role="search">
      <div className="field search">
        <label htmlFor="filter-query">Search</label>
        <input
          id="filter-query"
          ref={searchRef}
          type="search"
          value={filter.query}
          aria-keyshortcuts="/"
          onFocus={onSearchFocus}
          onChange={(e) => setFilter({ query: e.target.value })}
          placeholder="id, title, vendor, status, message text"
        />
      </div>
      {select('vendor', 'Vendor', [['', 'All vendors'], ...vendorOptions(cases)])}
      {select('state', 'State', [
        ['', 'Any state'],
        ['active', 'Not closed'],
        ...CASE_STATES.map((s): [string, string] => [s, STATE_LABELS[s]]),
        ['unknown', 'Unknown'],
      ])}
      {select('severity', 'Severity', [
        ['', 'Any severity'],
        ...SEVERITIES.map((s): [string, string] => [s, SEVERITY_LABELS[s]]),
        ['none', 'No severity'],
      ])}
      {select('ball', 'Whose move', [['', 'Anyone'], ...Object.entries(BALL_LABELS)])}
      <button type="button" onClick={() => applyView({ filter: EMPTY_FILTER, sort })}>
        Clear filters
      </button>
      <div className="views" role="group" aria-label="Saved views">
        <div className="field">
          <label htmlFor="saved-view">Saved view</label>
          <select
            id="saved-view"
            value={current?.name ?? ''}
            onChange={(e) => {
              const view = views.find((v) => v.name === e.target.value);
              if (view) applyView(view);
            }}
          >
            <option value="">{current ? '—' : 'unsaved'}</option>
            {views.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        {current && (
          <button type="button" onClick={() => void remove(current)}>
            Delete view
          </button>
        )}
        <div className="field">
          <label htmlFor="view-name">Save as</label>
          <input
            id="view-name"
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="view name"
          />
        </div>
        <button type="button" disabled={!name.trim()} onClick={() => void save()}>
          Save view
        </button>
        <Notice notice={notice} />
      </div>
    </div>
  );
}
