/**
 * The popup's actions on the current tab and the whole store: "Track this portal" (issue 4), add a
 * case by hand (issue 4) and "Refresh now" (issue 8). Owned by the capture/refresh work; the popup
 * layout only places it.
 */
export function PopupActions() {
  return null;
}
