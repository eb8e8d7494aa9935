import { describe, expect, it } from 'vitest';
import type { Menus, Tabs } from 'webextension-polyfill';
import {
  createSelectionMenu,
  listenToSelectionMenu,
  selectionDialogPath,
  SELECTION_MENU_ID,
  type SelectionMenuApi,
} from '@/lib/background/selection-menu';

function fakeApi() {
  const created: unknown[] = [];
  const windows: { url: string; type: string }[] = [];
  let onClick: ((info: Menus.OnClickData, tab?: Tabs.Tab) => void) | null = null;
  const api: SelectionMenuApi = {
    contextMenus: {
      create: (props) => created.push(props),
      removeAll: async () => void created.splice(0),
      onClicked: { addListener: (cb) => void (onClick = cb) },
    },
    windows: { create: async (props) => void windows.push(props) },
    runtime: { getURL: (path) => `chrome-extension://abc${path}` },
  };
  return {
    api,
    created,
    windows,
    click: (info: Partial<Menus.OnClickData>, tab?: Partial<Tabs.Tab>) =>
      onClick!(info as Menus.OnClickData, tab as Tabs.Tab),
  };
}

describe('"Add to Caseradar" on a selection', () => {
  it('is one entry, for selections only, made again (not twice) on every install or update', async () => {
    const { api, created } = fakeApi();
    await createSelectionMenu(api);
    await createSelectionMenu(api);
    expect(created).toEqual([{ id: SELECTION_MENU_ID, title: 'Add to Caseradar', contexts: ['selection'] }]);
  });

  it('opens the dialog with the selected text and the page it was on, nothing more', () => {
    const { api, windows, click } = fakeApi();
    listenToSelectionMenu(api);
    click(
      {
        menuItemId: SELECTION_MENU_ID,
        selectionText: 'Fixed & verified <b>now</b>',
        pageUrl: 'https://mail.example/#inbox/1',
      },
      { title: 'Inbox (3) – alex@contoso.example' },
    );
    click({ menuItemId: 'someone-else', selectionText: 'x' });
    expect(windows).toHaveLength(1);
    const url = new URL(windows[0]!.url);
    expect(url.pathname).toBe('/add-selection.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      text: 'Fixed & verified <b>now</b>',
      page: 'https://mail.example/#inbox/1',
      title: 'Inbox (3) – alex@contoso.example',
    });
    expect(windows[0]!.type).toBe('popup');
  });

  it('cuts a huge selection to what a message keeps', () => {
    const path = selectionDialogPath({ selectionText: 'x'.repeat(10_000), pageUrl: 'https://a.example/' });
    expect(new URLSearchParams(path.split('?')[1]).get('text')).toHaveLength(4000);
  });
});
