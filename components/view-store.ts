import { create } from 'zustand';

/** View state of the popup only; case rows always come from the store via live queries. */
interface PopupView {
  showClosingSoon: boolean;
  toggleClosingSoon: () => void;
}

export const usePopupView = create<PopupView>((set) => ({
  showClosingSoon: true,
  toggleClosingSoon: () => set((s) => ({ showClosingSoon: !s.showClosingSoon })),
}));
