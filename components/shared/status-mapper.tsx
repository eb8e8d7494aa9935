import { useState } from 'react';
import type { CaseState } from '@/lib/core/model';
import { getDb } from '@/lib/store/db';
import { askForSweep } from '@/lib/core/messages';
import { mapVendorStatus } from '@/lib/store/vendors';
import { humanLabel } from '@/lib/cases/format';

/** What a user can say an unknown label means, in their words; each is one of our states. */
export const MAPPING_CHOICES: [CaseState, string][] = [
  ['waiting-on-customer', 'Waiting on me'],
  ['open', 'With the vendor'],
  ['on-hold', 'On hold'],
  ['resolved', 'Solved, closing soon'],
  ['closed', 'Closed'],
];

/**
 * "What does it mean?": the user says once what a status label of this portal means; every case of
 * the portal with the label, now and later, takes that state (lib/store/vendors.ts mapVendorStatus).
 */
export function StatusMapper({ portal, vendorName, label }: { portal: string; vendorName: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const choose = async (state: CaseState) => {
    try {
      await mapVendorStatus(getDb(), portal, label, state, new Date().toISOString());
      // The badge and alerts follow the new state at once; the list follows through its live query.
      await askForSweep();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <select
        className="status-mapper"
        aria-label={`What “${humanLabel(label)}” means at ${vendorName}`}
        title={`The portal says: ${label}`}
        value=""
        onChange={(e) => e.target.value && void choose(e.target.value as CaseState)}
      >
        <option value="">It means…</option>
        {MAPPING_CHOICES.map(([state, words]) => (
          <option key={state} value={state}>
            {words}
          </option>
        ))}
      </select>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
