import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEmail, readEmailFiles, splitMbox } from '@/lib/capture/email/parse-email';
import {
  cleanSubject,
  createCaseFromEmail,
  findCase,
  findReferences,
  guessAuthor,
  importEmails,
  isMine,
  loadMyAddresses,
  saveMyAddresses,
  vendorFromAddress,
} from '@/lib/cases/email-import';
import { describeEvent } from '@/lib/cases/case-history';
import { addCaseMessage } from '@/lib/cases/case-messages';
import { CaseradarDB } from '@/lib/store/db';
import { createBackup, parseBackup, restoreBackup } from '@/lib/export/backup';
import { makeCase } from '../../helpers/case-factory';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** A plain vendor reply; the test owns every header. */
function eml(over: { from?: string; subject?: string; date?: string; body?: string } = {}): string {
  return [
    `From: ${over.from ?? 'Sam Support <support@northwind.zendesk.com>'}`,
    'To: alex@contoso.example',
    `Subject: ${over.subject ?? '[Request #48213] Re: Fibre link flapping'}`,
    `Date: ${over.date ?? 'Thu, 12 Nov 2026 10:00:00 +0100'}`,
    'Message-ID: <r1@northwind.zendesk.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    over.body ?? 'We replaced the line card.\n\nPlease confirm the link is stable.',
    '',
  ].join('\r\n');
}

const ZENDESK = makeCase({
  provider: 'zendesk',
  caseId: '48213',
  url: 'https://northwind.zendesk.com/hc/requests/48213',
  title: 'Fibre link flapping',
  vendorName: 'Northwind Fiber',
});
const EVIL_SAME_NUMBER = makeCase({
  provider: 'zendesk',
  caseId: '48213',
  url: 'https://evil.zendesk.com/hc/requests/48213',
  vendorName: 'Evil',
});
const AZURE = makeCase({ provider: 'azure', caseId: '2611200010001234', url: 'https://portal.azure.com/#x' });
const MANUAL = makeCase({ provider: 'manual', caseId: 'T-4711', url: '', vendorName: 'Acme Fibre' });

describe('references in vendor mail', () => {
  it("finds each family's reference, in order, once", () => {
    expect(findReferences('RE: [Request #48213] Re: TrackingID#2611200010001234 [Request #48213]')).toEqual([
      { provider: 'zendesk', caseId: '48213' },
      // Microsoft writes one tracking id for both consoles: the case decides which.
      { provider: 'microsoft-365', caseId: '2611200010001234' },
      { provider: 'azure', caseId: '2611200010001234' },
    ]);
  });

  it('files a reference under the one case that has it, and two vendors with one number by the sender', () => {
    const subject = '[Request #48213] Re: Fibre link flapping';
    expect(findCase({ subject, body: null }, ['support@northwind.zendesk.com'], [ZENDESK, AZURE])).toEqual({
      key: 'northwind.zendesk.com:48213',
      reference: '48213',
    });
    expect(findCase({ subject, body: null }, ['support@northwind.zendesk.com'], [ZENDESK, EVIL_SAME_NUMBER])).toEqual({
      key: 'northwind.zendesk.com:48213',
      reference: '48213',
    });
    // Neither sender domain tells them apart: not guessed.
    expect(findCase({ subject, body: null }, ['someone@mail.example'], [ZENDESK, EVIL_SAME_NUMBER])).toEqual({
      key: null,
      reference: '48213',
      ambiguous: 2,
    });
  });

  it("finds a reference in the body (a forwarded mail) and a manual case's own reference in the subject", () => {
    expect(
      findCase(
        { subject: 'Fwd: your ticket', body: '> TrackingID#2611200010001234' },
        ['alex@contoso.example'],
        [AZURE],
      ),
    ).toEqual({ key: 'azure:2611200010001234', reference: '2611200010001234' });
    expect(findCase({ subject: 'Re: T-4711 line down', body: null }, ['noc@acme.example'], [MANUAL])).toEqual({
      key: 'manual:T-4711',
      reference: 'T-4711',
    });
    expect(
      findCase({ subject: 'Re: outage on your line', body: null }, ['noc@acme.example'], [MANUAL, ZENDESK]),
    ).toEqual({ key: null, reference: null, ambiguous: 0 });
  });

  it("finds an open case's number in text the user selected, but not in an email", () => {
    const reply = { subject: 'Sorry! We fixed the fault on your line (48213) this morning.', body: null };
    expect(findCase(reply, [], [ZENDESK, AZURE], { anyOpenCaseNumber: true })).toEqual({
      key: 'northwind.zendesk.com:48213',
      reference: '48213',
    });
    expect(findCase(reply, [], [ZENDESK, AZURE]).key).toBeNull();
    expect(findCase(reply, [], [{ ...ZENDESK, state: 'closed' }], { anyOpenCaseNumber: true }).key).toBeNull();
  });

  it('prefills a new case from the sender and the subject', () => {
    expect(vendorFromAddress('noc@mail.northwind-fiber.example')).toBe('Northwind Fiber');
    expect(cleanSubject('RE: AW: Fwd: Re: outage on your line')).toBe('outage on your line');
    expect(guessAuthor('From: Sam Support <sam@northwind.example>\nSent: …\n\nFixed.')).toBe('Sam Support');
    expect(guessAuthor('On 12 Nov 2026, Sam Support wrote:\n> hello')).toBe('Sam Support');
    expect(guessAuthor('Fixed now, thanks')).toBeNull();
  });
});

describe('parsing saved emails', () => {
  it('reads sender, subject, date in UTC and text', async () => {
    const email = await parseEmail(bytes(eml()), 'reply.eml');
    expect(email).toMatchObject({
      source: 'reply.eml',
      subject: '[Request #48213] Re: Fibre link flapping',
      from: { name: 'Sam Support', address: 'support@northwind.zendesk.com' },
      sentAt: '2026-11-12T09:00:00.000Z',
      text: 'We replaced the line card.\n\nPlease confirm the link is stable.',
      attachments: [],
    });
  });

  it('turns an HTML-only body into text without running or fetching anything', async () => {
    const html = eml({
      body: '<p>Fixed <b>now</b>.</p><script>window.__pwned = 1</script><img src="https://tracker.example/p.gif" onerror="alert(1)"><a href="javascript:alert(1)">details</a>',
    }).replace('text/plain', 'text/html');
    const email = await parseEmail(bytes(html), 'html.eml');
    expect(email.text).toBe('Fixed now.\n\ndetails');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('names the file it cannot read and keeps the rest of the batch', async () => {
    const result = await readEmailFiles([
      { name: 'good.eml', bytes: bytes(eml()) },
      { name: 'notes.msg', bytes: bytes('\xd0\xcf\x11\xe0') },
      { name: 'empty.eml', bytes: bytes('just some words, no headers') },
      { name: 'photo.png', bytes: bytes('x') },
    ]);
    expect(result.emails.map((e) => e.source)).toEqual(['good.eml']);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^notes\.msg: Expected an \.eml file; \.msg is classic Outlook's own format: save the mail as \.eml/,
      ),
      expect.stringMatching(/^empty\.eml: Expected an email with From, Date or Subject headers/),
      'photo.png: Expected an .eml or .mbox file',
    ]);
  });

  it('refuses headers past 256 KB by name, and keeps a long subject to what a title holds', async () => {
    const huge = eml({ subject: `Re: ${'printer queue stuck '.repeat(15_000)}` });
    const result = await readEmailFiles([
      { name: 'huge.eml', bytes: bytes(huge) },
      { name: 'long.eml', bytes: bytes(eml({ subject: `Re: ${'x'.repeat(5_000)}` })) },
    ]);
    expect(result.errors).toEqual([expect.stringMatching(/^huge\.eml: Expected an email \(RFC 5322\), got /)]);
    expect(result.emails.map((e) => [e.source, e.subject.length])).toEqual([['long.eml', 500]]);
  });

  it('refuses a file over 5 MB with its size', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).buffer;
    const result = await readEmailFiles([{ name: 'big.eml', bytes: big }]);
    expect(result.errors).toEqual(['big.eml: Expected an email of at most 5 MB, got 5.0 MB']);
  });

  it('splits an mbox on its From_ lines and unescapes >From', async () => {
    const mbox = `From support@x Thu Nov 12 10:00:00 2026\n${eml()}\nFrom alex@contoso.example Thu Nov 12 11:00:00 2026\n${eml({ from: 'alex@contoso.example', body: '>From the logs: fine' })}\n`;
    expect(splitMbox(mbox)).toHaveLength(2);
    const result = await readEmailFiles([{ name: 'case.mbox', bytes: bytes(mbox) }]);
    expect(result.emails.map((e) => [e.source, e.from?.address, e.text])).toEqual([
      [
        'case.mbox #1',
        'support@northwind.zendesk.com',
        'We replaced the line card.\n\nPlease confirm the link is stable.',
      ],
      ['case.mbox #2', 'alex@contoso.example', 'From the logs: fine'],
    ]);
  });
});

describe('importing emails into the store', () => {
  let db: CaseradarDB;
  let n = 0;
  const NOW = '2026-11-20T09:00:00.000Z';
  beforeEach(async () => {
    db = new CaseradarDB(`email-import-${++n}`);
    await db.cases.bulkPut([ZENDESK, AZURE, MANUAL]);
  });
  afterEach(async () => {
    await db.delete();
  });

  it("adds a vendor's reply and the user's own message to their case, once, marked as email", async () => {
    await saveMyAddresses(db, 'alex@contoso.example\n@it.contoso.example');
    const vendor = await parseEmail(bytes(eml()), 'vendor.eml');
    const mine = await parseEmail(
      bytes(
        eml({
          from: 'Kim <kim@it.contoso.example>',
          date: 'Thu, 12 Nov 2026 12:30:00 +0000',
          body: 'Stable since noon.',
        }),
      ),
      'mine.eml',
    );
    const outcomes = await importEmails(db, [vendor, mine], NOW);
    expect(outcomes.map((o) => [o.kind, 'key' in o ? o.key : null, 'side' in o ? o.side : null])).toEqual([
      ['added', 'northwind.zendesk.com:48213', 'vendor'],
      ['added', 'northwind.zendesk.com:48213', 'customer'],
    ]);
    const stored = await db.cases.get('northwind.zendesk.com:48213');
    // A vendor email resets "vendor quiet" and counts for whose move, like a portal message.
    expect(stored).toMatchObject({
      lastVendorMessageAt: '2026-11-12T09:00:00.000Z',
      lastCustomerMessageAt: '2026-11-12T12:30:00.000Z',
      messageCount: 2,
      // Not an observation of the portal.
      lastObservedAt: ZENDESK.lastObservedAt,
    });
    const events = await db.events.where('caseKey').equals('northwind.zendesk.com:48213').toArray();
    expect(events.map((e) => describeEvent(e).heading)).toEqual([
      'Vendor wrote (Sam Support), by email',
      'You wrote (Kim), by email',
    ]);
    expect(await db.portals.count()).toBe(0);
    // The same files again add nothing.
    expect((await importEmails(db, [vendor, mine], NOW)).map((o) => o.kind)).toEqual(['already', 'already']);
    expect(await db.events.count()).toBe(2);
  });

  it('offers a new case for a mail that matches none, and refuses an undated one', async () => {
    const isp = await parseEmail(
      bytes(eml({ from: 'NOC <noc@northwind-fiber.example>', subject: 'Re: outage on your line in Leipzig' })),
      'isp.eml',
    );
    const undated = await parseEmail(bytes(eml().replace(/^Date: .*\r\n/m, '')), 'undated.eml');
    const outcomes = await importEmails(db, [isp, undated], NOW);
    expect(outcomes[0]).toMatchObject({
      kind: 'no-case',
      prefill: { vendorName: 'Northwind Fiber', reference: '', title: 'outage on your line in Leipzig' },
    });
    expect(outcomes[1]).toMatchObject({ kind: 'no-date' });
    expect(await db.events.count()).toBe(0);

    // "Create a case from it": a manual case holding the mail; the same mail dropped again is on record.
    const key = await createCaseFromEmail(
      db,
      isp,
      { vendorName: 'Northwind Fiber', reference: '', title: 'Outage' },
      NOW,
    );
    expect(await db.cases.get(key)).toMatchObject({
      provider: 'manual',
      vendorName: 'Northwind Fiber',
      contactChannel: 'email',
    });
    expect((await db.events.where('caseKey').equals(key).toArray()).map((e) => e.message?.text ?? e.type)).toEqual([
      'created',
      'We replaced the line card.\n\nPlease confirm the link is stable.',
    ]);
    expect((await importEmails(db, [isp], NOW))[0]).toMatchObject({ kind: 'already', key });
  });

  it('adds selected text to a manual case and says it came from a page', async () => {
    const added = await addCaseMessage(
      db,
      'manual:T-4711',
      { at: '2026-11-19T08:00:00.000Z', author: '@AcmeFibre', side: 'vendor', text: 'Fixed, sorry!', via: 'selection' },
      NOW,
    );
    expect(added).toBe(true);
    const [event] = await db.events.toArray();
    expect(describeEvent(event!).heading).toBe('Vendor wrote (@AcmeFibre), added from a page');
  });

  it('a backup keeps where a message came from', async () => {
    await addCaseMessage(
      db,
      'azure:2611200010001234',
      { at: '2026-11-19T08:00:00.000Z', author: 'Microsoft', side: 'vendor', text: 'Fix deployed', via: 'email' },
      NOW,
    );
    const backup = parseBackup(JSON.stringify(await createBackup(db, NOW)));
    const restored = new CaseradarDB(`email-import-restored-${n}`);
    try {
      await restoreBackup(restored, backup, 'replace', { isGranted: async () => false });
      expect((await restored.events.toArray()).map((e) => e.message?.via)).toEqual(['email']);
    } finally {
      await restored.delete();
    }
  });

  it('keeps the user addresses valid, and says which one is not', async () => {
    await expect(saveMyAddresses(db, 'alex@contoso.example, not an address')).rejects.toThrow(
      /"not an address": Expected name@example.com or @example.com/,
    );
    expect(await loadMyAddresses(db)).toEqual([]);
    expect(await saveMyAddresses(db, ' Alex@Contoso.example ;@IT.contoso.example')).toEqual([
      'alex@contoso.example',
      '@it.contoso.example',
    ]);
    expect(isMine('kim@it.contoso.example', await loadMyAddresses(db))).toBe(true);
    expect(isMine('kim@contoso.example.evil', await loadMyAddresses(db))).toBe(false);
  });
});
