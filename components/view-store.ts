import { create } from 'zustand';

/** View state of the popup only; case rows always come from the store via live queries. */
interface PopupView {
  showClosingSoon: boolean;
  showSnoozed: boolean;
  toggleClosingSoon: () => void;
  toggleSnoozed: () => void;
}

export const usePopupView = create<PopupView>((set) => ({
  showClosingSoon: true,
  showSnoozed: false,
  toggleClosingSoon: () => set((s) => ({ showClosingSoon: !s.showClosingSoon })),
  toggleSnoozed: () => set((s) => ({ showSnoozed: !s.showSnoozed })),
}));
