/**
 * Saved vendor emails of every family's reference format (tests/fixtures/email, SOURCES.md says where each
 * format is published), read and filed as expected.json says a person would read them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEmailFiles, type ParsedEmail } from '@/lib/capture/email/parse-email';
import { findReferences, importEmails, isMine, saveMyAddresses } from '@/lib/cases/email-import';
import type { ProviderId } from '@/lib/core/model';
import { CaseradarDB } from '@/lib/store/db';
import { makeCase } from '../../helpers/case-factory';

interface Expected {
  file: string;
  mboxIndex?: number;
  reference: { family: ProviderId | null; caseId: string | null };
  from: string;
  side: 'vendor' | 'customer';
  date: string;
  subject: string | null;
  subjectLength?: number;
  textIncludes: string;
  mustNotInclude?: string[];
  attachments: { name: string; size: number }[];
}

const DIR = 'tests/fixtures/email';
const EXPECTED = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Expected[];
const MINE = ['alex@contoso.example'];
const emails = new Map<string, ParsedEmail>();
let errors: string[] = [];

/** A file's own bytes (a small Buffer is a view into a shared pool: its .buffer holds other files too). */
function bytesOf(path: string): ArrayBuffer {
  const buf = readFileSync(path);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

const sourceOf = (e: Expected) => (e.mboxIndex === undefined ? e.file : `${e.file} #${e.mboxIndex + 1}`);

beforeAll(async () => {
  const files = readdirSync(DIR).filter((f) => /\.(?:eml|mbox)$/.test(f));
  const read = await readEmailFiles(files.map((name) => ({ name, bytes: bytesOf(`${DIR}/${name}`) })));
  for (const email of read.emails) emails.set(email.source, email);
  errors = read.errors;
});

describe('saved vendor emails', () => {
  it('every file is read, and every message in it is described in expected.json', () => {
    expect(errors).toEqual([]);
    expect([...emails.keys()].sort()).toEqual(EXPECTED.map(sourceOf).sort());
  });

  it.each(EXPECTED.map((e) => [sourceOf(e), e] as const))('%s reads as a person would', (source, e) => {
    const email = emails.get(source)!;
    if (e.subject !== null) expect(email.subject).toBe(e.subject);
    // A 200 KB subject is kept to what a title holds.
    else expect(email.subject.length).toBeLessThanOrEqual(500);
    expect(email.from?.address).toBe(e.from);
    expect(isMine(email.from?.address, MINE) ? 'customer' : 'vendor').toBe(e.side);
    expect(email.sentAt).toBe(e.date);
    expect(email.text).toContain(e.textIncludes);
    for (const bad of e.mustNotInclude ?? []) expect(email.text).not.toContain(bad);
    expect(email.attachments).toEqual(e.attachments);
    const refs = findReferences(`${email.subject}\n${email.text ?? ''}`);
    if (e.reference.family) expect(refs).toContainEqual({ provider: e.reference.family, caseId: e.reference.caseId });
    else expect(refs).toEqual([]);
  });
});

describe('saved vendor emails filed under their cases', () => {
  let db: CaseradarDB;
  const CASES = [
    makeCase({ provider: 'azure', caseId: '2611200010001234', url: 'https://portal.azure.com/#x' }),
    makeCase({ provider: 'microsoft-365', caseId: '2611180040005678', url: 'https://admin.microsoft.com/#/support' }),
    makeCase({ provider: 'aws', caseId: '1765432109', url: 'https://support.console.aws.amazon.com/support/home' }),
    makeCase({ provider: 'gcp', caseId: '52781234', url: 'https://console.cloud.google.com/support/cases' }),
    makeCase({ provider: 'zendesk', caseId: '48213', url: 'https://northwind.zendesk.com/hc/requests/48213' }),
    // Another vendor's request with the same number: the sender's host tells them apart.
    makeCase({ provider: 'zendesk', caseId: '48213', url: 'https://evil.zendesk.com/hc/requests/48213' }),
    makeCase({ provider: 'freshdesk', caseId: '1042', url: 'https://acme.freshdesk.com/support/tickets/1042' }),
    makeCase({
      provider: 'jira-service-management',
      caseId: 'ACME-123',
      url: 'https://acme.atlassian.net/servicedesk/customer/portal/1/ACME-123',
    }),
    makeCase({ provider: 'servicenow', caseId: 'CS0001234', url: 'https://acme.service-now.com/csm?id=x' }),
    makeCase({ provider: 'servicenow', caseId: 'INC0012345', url: 'https://acme.service-now.com/csm?id=y' }),
    makeCase({ provider: 'salesforce', caseId: '00001026', url: 'https://acme.my.site.com/s/case/500' }),
  ];
  beforeAll(async () => {
    db = new CaseradarDB('email-fixtures');
    await db.cases.bulkPut(CASES);
    await saveMyAddresses(db, MINE.join('\n'));
  });
  afterAll(async () => {
    await db.delete();
  });

  it('each message with a reference lands in its case, on its side; the others offer a new case', async () => {
    const ordered = EXPECTED.map((e) => emails.get(sourceOf(e))!);
    const outcomes = await importEmails(db, ordered, '2026-12-01T09:00:00.000Z');
    const want = EXPECTED.map((e) => {
      if (!e.reference.family) return [sourceOf(e), 'no-case', null, null];
      const c = CASES.find((x) => x.provider === e.reference.family && x.caseId === e.reference.caseId)!;
      return [sourceOf(e), 'added', c.key, e.side];
    });
    expect(
      outcomes.map((o) => [o.email.source, o.kind, 'key' in o ? o.key : null, 'side' in o ? o.side : null]),
    ).toEqual(want);
    expect(await db.events.where('caseKey').equals('evil.zendesk.com:48213').count()).toBe(0);
  });
});
