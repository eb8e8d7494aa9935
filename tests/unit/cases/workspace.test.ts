import { afterEach, describe, expect, it } from 'vitest';
import { defaultContact, loadContact, saveContact, vendorKey } from '@/lib/cases/contacts';
import { CaseradarDB } from '@/lib/store/db';
import type { Alert } from '@/lib/alerts/staleness';
import {
  describeReminder,
  emptyWorkspace,
  findEscalationReminders,
  formatInfoPack,
  loadWorkspace,
  saveWorkspace,
} from '@/lib/cases/workspace';
import { makeCase } from '../../helpers/case-factory';

let db: CaseradarDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const c = makeCase({ caseId: '2610', title: 'VPN gateway drops tunnels' });
const overdue = (key: string, reason: string): Alert => ({
  id: `${key}|x`,
  caseKey: key,
  kind: 'vendor-quiet',
  level: 'overdue',
  since: '2026-11-01T00:00:00Z',
  reason,
});

describe('info pack', () => {
  it('is plain text with the case reference first and empty sections left out', () => {
    const ws = {
      ...emptyWorkspace(c.key),
      infoPack: { environment: ' Windows Server 2022, VPN GW SKU VpnGw2 \n', repro: '', impact: '40 users offline' },
    };
    expect(formatInfoPack(c, ws)).toBe(
      'Azure case 2610: VPN gateway drops tunnels\n\nEnvironment:\nWindows Server 2022, VPN GW SKU VpnGw2\n\nBusiness impact:\n40 users offline',
    );
  });
});

describe('workspace store', () => {
  it('returns an empty workspace, then what was saved; a blank escalation is stored as none', async () => {
    db = new CaseradarDB('workspace-test');
    expect(await loadWorkspace(db, c.key)).toEqual(emptyWorkspace(c.key));
    await saveWorkspace(
      db,
      { ...emptyWorkspace(c.key), notes: 'call back Tue', escalation: { level: ' ', contact: '', escalatedAt: null } },
      '2026-11-12T10:00:00Z',
    );
    expect(await loadWorkspace(db, c.key)).toMatchObject({
      notes: 'call back Tue',
      escalation: null,
      updatedAt: '2026-11-12T10:00:00Z',
    });
    await saveWorkspace(
      db,
      { ...emptyWorkspace(c.key), escalation: { level: ' 2 ', contact: 'Jane', escalatedAt: '2026-11-12T09:00:00Z' } },
      '2026-11-12T11:00:00Z',
    );
    expect((await loadWorkspace(db, c.key)).escalation).toEqual({
      level: '2',
      contact: 'Jane',
      escalatedAt: '2026-11-12T09:00:00Z',
    });
  });
});

describe('escalation reminders', () => {
  const esc = (key: string, escalatedAt: string | null) => ({
    ...emptyWorkspace(key),
    escalation: { level: '2', contact: 'Jane', escalatedAt },
  });
  const cases = [
    c,
    makeCase({ caseId: 'calm' }),
    makeCase({ caseId: 'done', state: 'closed' }),
    makeCase({ caseId: 'late' }),
  ];
  const alerts = new Map([
    ['azure:2610', [overdue('azure:2610', 'vendor quiet for 5 business days (limit 3 business days)')]],
    ['azure:done', [overdue('azure:done', 'x')]],
    [
      'azure:late',
      [
        { ...overdue('azure:late', 'soon'), level: 'warning' as const },
        overdue('azure:late', 'vendor quiet for 9 business days (limit 3 business days)'),
      ],
    ],
  ]);

  it('lists open, escalated, still-overdue cases, oldest escalation first', () => {
    const reminders = findEscalationReminders(
      cases,
      [
        esc('azure:2610', '2026-11-12T09:00:00Z'),
        esc('azure:calm', '2026-11-01T09:00:00Z'),
        esc('azure:done', '2026-11-01T09:00:00Z'),
        esc('azure:late', '2026-11-05T09:00:00Z'),
        esc('azure:nodate', null),
        emptyWorkspace('azure:none'),
      ],
      alerts,
    );
    expect(reminders.map((r) => [r.caseKey, r.reasons])).toEqual([
      ['azure:late', ['vendor quiet for 9 business days (limit 3 business days)']],
      ['azure:2610', ['vendor quiet for 5 business days (limit 3 business days)']],
    ]);
    expect(describeReminder(reminders[0]!)).toBe('Escalated (level 2, Jane) and still overdue');
    expect(describeReminder({ level: '', contact: '' })).toBe('Escalated and still overdue');
  });
});

describe('vendor contacts', () => {
  it("keys a vendor's contact by its vendor portal", () => {
    expect(vendorKey(c)).toBe('azure');
    expect(vendorKey(makeCase({ provider: 'manual', vendorName: ' Acme ISP ' }))).toBe('manual:acme isp');
    expect(vendorKey(makeCase({ provider: 'zendesk', url: 'https://northwind.zendesk.com/hc/requests/1' }))).toBe(
      'northwind.zendesk.com',
    );
  });

  it('starts known providers from public defaults with no invented phone number', () => {
    expect(defaultContact('azure')).toMatchObject({ statusPage: 'https://azure.status.microsoft/', phone: '' });
    expect(defaultContact('aws').statusPage).toMatch(/^https:\/\/health\.aws\.amazon\.com\//);
    // A platform (or unknown vendor) gets its portal origin from a case link, nothing else.
    expect(defaultContact('zendesk', 'https://northwind.zendesk.com/hc/en-us/requests/1')).toMatchObject({
      portalUrl: 'https://northwind.zendesk.com/',
      statusPage: '',
      social: '',
      phone: '',
    });
    expect(defaultContact('Acme ISP', 'javascript:alert(1)').portalUrl).toBe('');
  });

  it('saves an edited contact and refuses non-web links', async () => {
    db = new CaseradarDB('contacts-test');
    const edited = {
      ...defaultContact('Acme ISP'),
      phone: '+49 30 1234-5',
      portalUrl: 'https://help.acme-isp.example/',
    };
    await saveContact(db, edited, '2026-11-12T10:00:00Z');
    expect(await loadContact(db, 'Acme ISP')).toMatchObject({
      phone: '+49 30 1234-5',
      updatedAt: '2026-11-12T10:00:00Z',
    });
    await expect(saveContact(db, { ...edited, statusPage: 'javascript:alert(1)' }, 'x')).rejects.toThrow(
      'statusPage: Expected an http(s) address or nothing',
    );
    await expect(saveContact(db, { ...edited, phone: 'call me' }, 'x')).rejects.toThrow(
      /^phone: Expected a phone number/,
    );
  });
});
