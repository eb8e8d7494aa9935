import { create } from 'zustand';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  type CaseFilter,
  type CaseSort,
  type SavedView,
  type SortKey,
} from '@/lib/cases/dashboard-query';

/** View state of the popup only; case rows always come from the store via live queries. */
interface PopupView {
  showClosingSoon: boolean;
  showSnoozed: boolean;
  showAll: boolean;
  query: string;
  /** Index of the keyboard-selected row among the rows shown; -1 = none yet. */
  active: number;
  toggleClosingSoon: () => void;
  setShowAll: (value: boolean) => void;
  toggleSnoozed: () => void;
  setQuery: (query: string) => void;
  setActive: (index: number) => void;
}

export const usePopupView = create<PopupView>((set) => ({
  showClosingSoon: true,
  showSnoozed: false,
  showAll: false,
  query: '',
  active: -1,
  setShowAll: (value) => set({ showAll: value }),
  toggleClosingSoon: () => set((s) => ({ showClosingSoon: !s.showClosingSoon })),
  toggleSnoozed: () => set((s) => ({ showSnoozed: !s.showSnoozed })),
  setQuery: (query) => set({ query, active: -1 }),
  setActive: (active) => set({ active }),
}));

/** What the dashboard's side panel shows. */
export type DetailTarget = { kind: 'case'; key: string } | { kind: 'incident'; id: string } | null;

/** View state of the dashboard: filters, sort, selection and what is open. Never copies of rows. */
interface DashboardView {
  filter: CaseFilter;
  sort: CaseSort;
  /** Case keys ticked for linking into an incident. */
  selected: string[];
  detail: DetailTarget;
  active: number;
  setFilter: (patch: Partial<CaseFilter>) => void;
  /** Sorts by the column; the same column again flips the direction. */
  sortBy: (key: SortKey) => void;
  applyView: (view: Pick<SavedView, 'filter' | 'sort'>) => void;
  toggleSelected: (key: string) => void;
  clearSelected: () => void;
  showDetail: (detail: DetailTarget) => void;
  setActive: (index: number) => void;
}

export const useDashboardView = create<DashboardView>((set) => ({
  filter: EMPTY_FILTER,
  sort: DEFAULT_SORT,
  selected: [],
  detail: null,
  active: -1,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch }, active: -1 })),
  sortBy: (key) => set((s) => ({ sort: { key, dir: s.sort.key === key && s.sort.dir === 'asc' ? 'desc' : 'asc' } })),
  applyView: (view) => set({ filter: { ...view.filter }, sort: { ...view.sort }, active: -1 }),
  toggleSelected: (key) =>
    set((s) => ({ selected: s.selected.includes(key) ? s.selected.filter((k) => k !== key) : [...s.selected, key] })),
  clearSelected: () => set({ selected: [] }),
  showDetail: (detail) => set({ detail }),
  setActive: (active) => set({ active }),
}));
