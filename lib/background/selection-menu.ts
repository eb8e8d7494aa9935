/**
 * "Add to Caseradar" on a text selection, on any page: opens a small dialog prefilled with the text the
 * user selected. The browser hands us that text with the click; nothing else is read from the page and no
 * host permission is needed.
 */
import type { Menus, Tabs } from 'webextension-polyfill';

export const SELECTION_MENU_ID = 'add-selection';
/** The dialog keeps what fits a message; a longer selection is cut here, visibly, not silently later. */
const MAX_SELECTION = 4000;

/** The dialog's address for a click: the selection, and where it was made (shown, not fetched). */
export function selectionDialogPath(
  info: Pick<Menus.OnClickData, 'selectionText' | 'pageUrl'>,
  tab?: Pick<Tabs.Tab, 'title'>,
): string {
  const params = new URLSearchParams({
    text: (info.selectionText ?? '').slice(0, MAX_SELECTION),
    page: info.pageUrl ?? '',
    title: (tab?.title ?? '').slice(0, 200),
  });
  return `/add-selection.html?${params}`;
}

export interface SelectionMenuApi {
  contextMenus: {
    create(props: { id: string; title: string; contexts: ['selection'] }): unknown;
    removeAll(): Promise<void>;
    onClicked: { addListener(cb: (info: Menus.OnClickData, tab?: Tabs.Tab) => void): void };
  };
  windows: { create(props: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  runtime: { getURL(path: string): string };
}

/** Creates the entry (on install and update: the browser keeps it across worker restarts). */
export async function createSelectionMenu(api: SelectionMenuApi): Promise<void> {
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: SELECTION_MENU_ID, title: 'Add to Caseradar', contexts: ['selection'] });
}

/** Opens the dialog for a click on our entry; registered at the worker's top level so a click wakes it. */
export function listenToSelectionMenu(api: SelectionMenuApi): void {
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SELECTION_MENU_ID) return;
    void api.windows.create({
      url: api.runtime.getURL(selectionDialogPath(info, tab)),
      type: 'popup',
      width: 560,
      height: 680,
    });
  });
}
