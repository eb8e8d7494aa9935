import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { getDb } from '@/lib/store/db';
import { defaultPolicy, type Policy } from '@/lib/alerts/policy';
import { loadPolicy } from '@/lib/alerts/settings';
import { partitionSnoozes } from '@/lib/alerts/snooze';
import { findAlerts, type Alert } from '@/lib/alerts/staleness';
import type { StoredCase } from '@/lib/core/model';

/** The user's policy, live. */
export function usePolicy(): Policy {
  const [fallback] = useState(defaultPolicy);
  return useLiveQuery(() => loadPolicy(getDb()), []) ?? fallback;
}

const NO_SNOOZES: never[] = [];

/**
 * Active alerts per case key and the set of snoozed case keys, computed with the same rules as the
 * sweep. Memoised per minute and per store change, so that moving through rows re-renders no row.
 */
export function useAlerts(
  cases: StoredCase[] | undefined,
  now: Date,
): { alerts: Map<string, Alert[]>; snoozed: Set<string>; policy: Policy } {
  const policy = usePolicy();
  const snoozes = useLiveQuery(() => getDb().snoozes.toArray(), []) ?? NO_SNOOZES;
  const nowIso = now.toISOString();
  return useMemo(() => {
    const byKey = new Map((cases ?? []).map((c) => [c.key, c]));
    const { snoozed } = partitionSnoozes(snoozes, byKey, nowIso);
    const alerts = new Map<string, Alert[]>();
    for (const a of findAlerts(cases ?? [], policy, nowIso)) {
      if (snoozed.has(a.caseKey)) continue;
      alerts.set(a.caseKey, [...(alerts.get(a.caseKey) ?? []), a]);
    }
    return { alerts, snoozed, policy };
  }, [cases, policy, snoozes, nowIso]);
}

/** True when one of the alerts says "act now". */
export const isOverdue = (alerts: Alert[] | undefined): boolean => !!alerts?.some((a) => a.level === 'overdue');
