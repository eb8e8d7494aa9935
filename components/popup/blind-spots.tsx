import { useLiveQuery } from 'dexie-react-hooks';
import browser from 'webextension-polyfill';
import { describeCost, findBlindSpots } from '@/lib/alerts/blind-spots';
import { getDb } from '@/lib/store/db';
import { formatAgo } from '@/lib/cases/format';
import type { StoredCase } from '@/lib/core/model';

/**
 * Portals we cannot read right now (signed out, layout changed, refresh stopped): their cases are
 * not being observed, and the user should know which and for how long.
 */
export function BlindSpots({ now, cases }: { now: Date; cases: StoredCase[] | undefined }) {
  // The cases come from the timeline's own query: the popup reads the case table once.
  const data = useLiveQuery(async () => {
    const db = getDb();
    return { portals: await db.portals.toArray(), schedules: await db.refresh.toArray() };
  }, []);
  if (!data || !cases) return null;
  const spots = findBlindSpots(data.portals, data.schedules, cases, now);
  if (spots.length === 0) return null;
  return (
    <section className="blind-spots" aria-label="Blind spots: portals we cannot read">
      <h2 className="blind-spots-title">Blind spots</h2>
      <ul>
        {spots.map((spot) => (
          <li key={spot.key} className="blind-spot" data-testid="blind-spot">
            <strong>{spot.portal}</strong>: {spot.reason} — {describeCost(spot)}.
            {spot.detail && <span className="blind-spot-detail"> {spot.detail}</span>}{' '}
            {spot.lastSuccessAt ? `Last good read ${formatAgo(spot.lastSuccessAt, now)}.` : 'Never read successfully.'}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void browser.tabs.create({ url: spot.openUrl })}
            >
              {spot.reason === 'signed out' ? 'Open to sign in' : 'Open portal'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
