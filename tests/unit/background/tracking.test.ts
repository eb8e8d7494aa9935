import type { Scripting } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { newSchedule } from '@/lib/background/refresh';
import {
  builtInFamilyOf,
  guessFamily,
  reconcileTracking,
  scriptsFor,
  trackOrigin,
  untrackOrigin,
} from '@/lib/background/tracking';

/** The browser's registry of run-time content scripts, in memory. */
function fakeScripting() {
  const registered = new Map<string, Scripting.RegisteredContentScript>();
  return {
    registered,
    async registerContentScripts(scripts: Scripting.RegisteredContentScript[]) {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      }
      for (const s of scripts) registered.set(s.id, s);
    },
    async unregisterContentScripts(filter?: { ids?: string[] }) {
      for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
    },
    async getRegisteredContentScripts() {
      return [...registered.values()];
    },
  };
}

const ORIGIN = 'https://help.example-isp.com';
const T0 = '2026-11-04T10:00:00.000Z';
let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`tracking-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('tracking an origin', () => {
  it('registers the family script and its main-world tap for that origin only, persisting across restarts', async () => {
    const scripting = fakeScripting();
    await trackOrigin(db, scripting, 'servicenow', ORIGIN, T0);
    expect([...scripting.registered.values()]).toEqual([
      {
        id: `track|${ORIGIN}|servicenow`,
        js: ['content-scripts/servicenow.js'],
        matches: [`${ORIGIN}/*`],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
      {
        id: `track|${ORIGIN}|servicenow-tap`,
        js: ['content-scripts/tap.js'],
        matches: [`${ORIGIN}/*`],
        runAt: 'document_start',
        world: 'MAIN',
        persistAcrossSessions: true,
      },
    ]);
    expect(await db.trackedOrigins.get(ORIGIN)).toEqual({ origin: ORIGIN, provider: 'servicenow', grantedAt: T0 });
    // Tracking again (another family) replaces, never duplicates.
    await trackOrigin(db, scripting, 'zendesk', ORIGIN, T0);
    expect([...scripting.registered.keys()]).toEqual([`track|${ORIGIN}|zendesk`, `track|${ORIGIN}|zendesk-tap`]);
  });

  it('uses the recipe script for recipe portals and refuses unknown families', () => {
    expect(scriptsFor('custom', ORIGIN)).toEqual([
      {
        id: `track|${ORIGIN}|recipe`,
        js: ['recipe.js'],
        matches: [`${ORIGIN}/*`],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(() => scriptsFor('manual', ORIGIN)).toThrow(/Expected a portal family/);
  });

  it('untracking removes scripts, the grant record and its refresh, but keeps the cases', async () => {
    const scripting = fakeScripting();
    await trackOrigin(db, scripting, 'servicenow', ORIGIN, T0);
    await trackOrigin(db, scripting, 'zendesk', 'https://support.other.example', T0);
    await db.refresh.put(newSchedule('servicenow', ORIGIN, T0)!);
    await db.cases.put({ key: 'servicenow:CS0001234', provider: 'servicenow', caseId: 'CS0001234' } as never);
    await untrackOrigin(db, scripting, ORIGIN);
    expect([...scripting.registered.keys()]).toEqual([
      'track|https://support.other.example|zendesk',
      'track|https://support.other.example|zendesk-tap',
    ]);
    expect(await db.trackedOrigins.count()).toBe(1);
    expect(await db.refresh.count()).toBe(0);
    expect(await db.cases.count()).toBe(1);
  });
});

describe('reconcileTracking', () => {
  it('untracks origins whose grant was revoked, restores lost registrations, and drops orphans', async () => {
    const scripting = fakeScripting();
    await trackOrigin(db, scripting, 'servicenow', ORIGIN, T0);
    await trackOrigin(db, scripting, 'custom', 'https://revoked.example', T0);
    scripting.registered.delete(`track|${ORIGIN}|servicenow-tap`); // e.g. lost in a browser update
    await scripting.registerContentScripts([
      {
        id: 'track|https://orphan.example|zendesk',
        js: ['content-scripts/zendesk.js'],
        matches: ['https://orphan.example/*'],
      },
    ]);
    await reconcileTracking(db, scripting, async (origin) => origin !== 'https://revoked.example');
    expect([...scripting.registered.keys()].sort()).toEqual([
      `track|${ORIGIN}|servicenow`,
      `track|${ORIGIN}|servicenow-tap`,
    ]);
    expect((await db.trackedOrigins.toArray()).map((t) => t.origin)).toEqual([ORIGIN]);
  });
});

describe('which family a page is', () => {
  it("knows the vendors' own hosts", () => {
    expect(builtInFamilyOf('https://acme.zendesk.com/hc/en-us/requests')).toBe('zendesk');
    expect(builtInFamilyOf('https://acme.service-now.com/csm?id=csm_cases_requests')).toBe('servicenow');
    expect(builtInFamilyOf('https://help.example-isp.com/csm')).toBeNull();
  });
  it.each([
    ['https://help.example-isp.com/hc/en-us/requests', 'zendesk'],
    ['https://support.example.com/support/tickets/42', 'freshdesk'],
    // A multilingual Freshdesk portal puts the language first.
    ['https://support.example.com/en/support/tickets', 'freshdesk'],
    ['https://support.example.com/pt-BR/support/home', 'freshdesk'],
    ['https://desk.example.com/jira/servicedesk/customer/user/requests', 'jira-service-management'],
    ['https://help.ovhcloud.example/csm?id=csm_ticket&number=CS1', 'servicenow'],
    ['https://care.example.com/sp?id=my_requests', 'servicenow'],
    ['https://community.example.com/support/s/case/Case/Default', 'salesforce'],
    ['https://care.acme-fibre.example/care/tickets', null],
    ['https://example.com/docs/spec', null],
  ])('guesses %s as %s from its path', (url, family) => {
    expect(guessFamily(new URL(url))).toBe(family);
  });
});
