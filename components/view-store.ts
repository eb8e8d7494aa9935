import { create } from 'zustand';

/** View state of the popup only; case rows always come from the store via live queries. */
interface PopupView {
  showClosingSoon: boolean;
  showSnoozed: boolean;
  showAll: boolean;
  toggleClosingSoon: () => void;
  setShowAll: (value: boolean) => void;
  toggleSnoozed: () => void;
}

export const usePopupView = create<PopupView>((set) => ({
  showClosingSoon: true,
  showSnoozed: false,
  showAll: false,
  setShowAll: (value) => set({ showAll: value }),
  toggleClosingSoon: () => set((s) => ({ showClosingSoon: !s.showClosingSoon })),
  toggleSnoozed: () => set((s) => ({ showSnoozed: !s.showSnoozed })),
}));
