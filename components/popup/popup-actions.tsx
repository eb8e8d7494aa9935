/**
 * The popup's actions on the current tab and the whole store: "Track this portal" and "Make a
 * recipe" (custom domains and unknown portals, one granted origin at a time), add a case by hand,
 * and "Refresh now" for portals with background refresh on.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { getDb } from '@/lib/store/db';
import { send } from '@/lib/core/messages';
import { PROVIDER_NAMES, type PortalProviderId, type ProviderId } from '@/lib/core/model';
import { PLATFORMS } from '@/lib/core/platforms';
import { builtInFamilyOf, guessFamily, originPattern, stopTracking, trackOrigin } from '@/lib/background/tracking';
import { ManualCaseForm } from './manual-case-form';

/** Families that run on customers' own domains (the cloud consoles have fixed hosts). */
const TRACKABLE = Object.entries(PLATFORMS)
  .filter(([, p]) => p.trackable)
  .map(([id]) => id as PortalProviderId);

interface TabInfo {
  id: number;
  url: URL | null;
}

/** The tab the popup acts on: the active one, or `?tab=<id>` when the popup is opened as a page. */
async function targetTab(): Promise<TabInfo | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  const tab = fromQuery
    ? await browser.tabs.get(fromQuery)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return null;
  const url = tab.url && /^https:\/\//.test(tab.url) ? new URL(tab.url) : null;
  return { id: tab.id, url };
}

export function PopupActions() {
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [family, setFamily] = useState<PortalProviderId | ''>('');
  // The platform guess is made once, when the tab is known; the user may then pick another.
  useEffect(
    () =>
      void targetTab().then(
        (t) => {
          setTab(t);
          setFamily(t?.url ? (guessFamily(t.url) ?? '') : '');
        },
        () => setTab(null),
      ),
    [],
  );
  const origin = tab?.url?.origin ?? null;
  const tracked = useLiveQuery(
    async () => (origin ? ((await getDb().trackedOrigins.get(origin)) ?? null) : null),
    [origin],
  );
  const refreshing = useLiveQuery(
    () =>
      getDb()
        .refresh.filter((s) => s.enabled)
        .count(),
    [],
  );

  const builtIn = tab?.url ? builtInFamilyOf(tab.url.href) : null;

  /** Asks for this one origin (must be the first call in the click, for the browser's gesture rule). */
  const grantThen = (provider: ProviderId, after: () => Promise<void>) => {
    if (!tab || !origin) return;
    void browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) {
          setStatus(`Not tracking ${tab.url!.host}: permission was not granted.`);
          return;
        }
        await trackOrigin(getDb(), browser.scripting, provider, origin, new Date().toISOString());
        await after();
      })
      .catch((e: unknown) => setStatus(`Could not track this portal: ${e instanceof Error ? e.message : String(e)}`));
  };
  const track = () =>
    family &&
    grantThen(family, async () => {
      setStatus(`Tracking ${tab!.url!.host} as ${PROVIDER_NAMES[family]}. Reloading the page to read it…`);
      await browser.tabs.reload(tab!.id);
    });
  const makeRecipe = () =>
    grantThen('custom', async () => {
      await browser.scripting.executeScript({ target: { tabId: tab!.id }, files: ['/recipe-picker.js'] });
      setStatus('Pick a case row on the page, then its fields, in the Caseradar box.');
    });
  const untrack = async () => {
    if (!origin) return;
    await stopTracking(getDb(), browser.scripting, browser.permissions, origin);
    setStatus(`Stopped reading ${tab!.url!.host}. Its cases stay in your history.`);
  };
  const refreshNow = async () => {
    setStatus('Refreshing…');
    try {
      const reports = await send('ui:refresh-now', {});
      const ok = reports.filter((r) => r.outcome === 'ok').length;
      const failed = reports.filter((r) => r.outcome === 'failed').length;
      const pending = reports.filter((r) => r.outcome === 'pending').length;
      setStatus(
        reports.length === 0
          ? 'No portal has background refresh on (Settings → Portals).'
          : [
              `Refreshed ${ok} of ${reports.length} portal${reports.length === 1 ? '' : 's'}`,
              failed && `${failed} failed`,
              pending && `${pending} loading in the background`,
            ]
              .filter(Boolean)
              .join(', ') + '.',
      );
    } catch (e) {
      setStatus(`Refresh failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="popup-actions" aria-label="Actions">
      <div className="action-buttons">
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          Add a case by hand
        </button>{' '}
        <button
          type="button"
          onClick={() => void refreshNow()}
          title={
            refreshing ? `${refreshing} portal(s) refresh in the background` : 'Turn on background refresh in Settings'
          }
        >
          Refresh now
        </button>
      </div>
      {tab?.url && !builtIn && tracked === null && (
        <div className="track-portal">
          <label>
            This page ({tab.url.host}) is a{' '}
            <select
              aria-label="Portal platform"
              value={family}
              onChange={(e) => setFamily(e.target.value as PortalProviderId | '')}
            >
              <option value="">platform I don't know</option>
              {TRACKABLE.map((id) => (
                <option key={id} value={id}>
                  {PROVIDER_NAMES[id]}
                </option>
              ))}
            </select>{' '}
            portal
          </label>{' '}
          {family ? (
            <button type="button" onClick={track}>
              Track this portal
            </button>
          ) : (
            <button type="button" onClick={makeRecipe}>
              Make a recipe
            </button>
          )}
        </div>
      )}
      {tab?.url && tracked && (
        <p className="tracked">
          Tracking {tab.url.host} as {PROVIDER_NAMES[tracked.provider]}.{' '}
          {tracked.provider === 'custom' && (
            <button type="button" className="link-button" onClick={makeRecipe}>
              Pick again
            </button>
          )}{' '}
          <button type="button" className="link-button" onClick={() => void untrack()}>
            Stop tracking
          </button>
        </p>
      )}
      {adding && <ManualCaseForm onDone={() => setAdding(false)} />}
      {status && (
        <p className="action-status" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
