/**
 * The demo portals' clock (scripts/demo/clock.ts) and the story the demo templates tell with it. At any
 * instant and in any zone the same cases are waiting on you, overdue, or quiet for the same number of
 * business days: that is what lets the end-to-end specs assert exact values whatever the wall clock says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '@/lib/alerts/business-time';
import { groupOpenCases } from '@/lib/cases/case-groups';
import { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot } from '@/lib/store/ingest';
import type { ProviderId } from '@/lib/core/model';
import { defaultPolicy } from '@/lib/alerts/policy';
import { ADAPTERS } from '@/lib/capture';
import type { Extraction } from '@/lib/capture/types';
import { findAlerts } from '@/lib/alerts/staleness';
import { toUtcIso } from '@/lib/core/time';
import { isOpen } from '@/lib/alerts/urgency';
import { demoInstant, formatInstant, renderDemoTemplate } from '../../scripts/demo/clock';
import { API, DEMO_URLS } from '../../scripts/demo-portals';
import { parseHtml } from '../../scripts/parse-html';
import { fixtureText } from '../helpers/fixtures';

const TEMPLATES = join(process.cwd(), 'scripts/demo/portals');
const iso = (ms: number) => new Date(ms).toISOString();
/** The instant of a local wall time in a zone. */
const at = (timeZone: string, local: string) => {
  const [y, mo, d, h, mi] = local.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new TZDate(y, mo - 1, d, h, mi, timeZone).getTime();
};
const localText = (ms: number, timeZone: string, pattern = 'yyyy-MM-dd HH:mm') =>
  format(new TZDate(ms, timeZone), pattern);
/** The local calendar date as a day number, to count calendar days between two instants. */
const dayOf = (ms: number, timeZone: string) =>
  Date.parse(`${localText(ms, timeZone, 'yyyy-MM-dd')}T00:00:00Z`) / 86_400_000;

interface Instant {
  name: string;
  timeZone: string;
  now: number;
}
const local = (name: string, timeZone: string, wallTime: string): Instant => ({
  name,
  timeZone,
  now: at(timeZone, wallTime),
});
const INSTANTS: Instant[] = [
  local('a weekday noon', 'Europe/Berlin', '2027-06-16 12:00'),
  local('Saturday night', 'Asia/Tokyo', '2027-01-02 23:10'),
  local('Sunday 01:59, a minute before the clocks skip an hour', 'Europe/Berlin', '2027-03-28 01:59'),
  { name: 'the first 02:30 of the repeated hour', timeZone: 'Europe/Berlin', now: Date.parse('2027-10-31T00:30:00Z') },
  { name: 'the second 02:30 of the repeated hour', timeZone: 'Europe/Berlin', now: Date.parse('2027-10-31T01:30:00Z') },
  local('29 February, late evening', 'America/St_Johns', '2028-02-29 23:30'),
  local("New Year's Eve 23:30", 'Pacific/Auckland', '2027-12-31 23:30'),
  local('Monday 00:03, in 2031', 'UTC', '2031-03-03 00:03'),
  local('Monday 07:00, before this morning’s 08:40', 'America/New_York', '2027-05-03 07:00'),
];

describe.each(INSTANTS)('demo clock at $name ($timeZone)', ({ timeZone, now }) => {
  const calendar = defaultPolicy(timeZone);
  const instant = (when: string) => demoInstant(when, now, timeZone);

  it.each([1, 2, 3, 5, 6])('-%ibd@10:15 is that many business days back, at 10:15 local', (n) => {
    const t = instant(`-${n}bd@10:15`);
    expect(businessDaysBetween(iso(t), iso(now), calendar)).toBe(n);
    expect(localText(t, timeZone, 'HH:mm')).toBe('10:15');
    expect(['Sat', 'Sun']).not.toContain(localText(t, timeZone, 'EEE'));
    expect(t).toBeLessThan(now);
  });

  it('-7d@11:00 is the same weekday a week back, at 11:00: always 5 business days', () => {
    const t = instant('-7d@11:00');
    expect(dayOf(now, timeZone) - dayOf(t, timeZone)).toBe(7);
    expect(localText(t, timeZone, 'HH:mm')).toBe('11:00');
    expect(businessDaysBetween(iso(t), iso(now), calendar)).toBe(5);
  });

  it('-1d@16:10 is yesterday at 16:10', () => {
    const t = instant('-1d@16:10');
    expect(dayOf(now, timeZone) - dayOf(t, timeZone)).toBe(1);
    expect(localText(t, timeZone, 'HH:mm')).toBe('16:10');
  });

  it('today@08:40 and -Nh stay today, never after now, in order', () => {
    const midnight = at(timeZone, `${localText(now, timeZone, 'yyyy-MM-dd')} 00:00`);
    const times = ['-3h', 'today@08:40', '-1h', '-40m', '-20m'].map((when) => [when, instant(when)] as const);
    for (const [when, t] of times) {
      expect(t, when).toBeLessThanOrEqual(now);
      expect(t, when).toBeGreaterThanOrEqual(midnight);
      expect(businessDaysBetween(iso(t), iso(now), calendar), when).toBe(0);
    }
    expect(instant('-3h')).toBeLessThanOrEqual(instant('-1h'));
    expect(instant('-1h')).toBeLessThanOrEqual(instant('-20m'));
    // 08:40 itself once it is at least a grid step past; before that, a moment earlier today.
    if (now - at(timeZone, `${localText(now, timeZone, 'yyyy-MM-dd')} 08:50`) >= 0) {
      expect(localText(instant('today@08:40'), timeZone, 'HH:mm')).toBe('08:40');
    } else {
      expect(instant('today@08:40')).toBeLessThanOrEqual(Math.max(midnight, now - 5 * 60_000));
    }
  });
});

describe('demo clock formats and errors', () => {
  const now = Date.parse('2027-06-16T10:00:00Z');
  const t = Date.parse('2027-06-15T07:15:00Z');
  const SHAPES = ['iso', 'iso.1', 'iso.3', 'iso.6', 'iso.9', 'iso+00:00', 'iso.3+0000', 'iso.3-zoneless', 'sn'];

  it.each([...SHAPES, "local:yyyy-MM-dd'T'HH:mm:ssxxx"])('%s reads back as the same instant', (shape) => {
    expect(toUtcIso(formatInstant(t, shape, now, 'America/St_Johns'), { assumeZoneless: 'utc' })).toBe(iso(t));
  });

  it('writes the shapes the portals use', () => {
    expect(formatInstant(t, 'iso', now, 'UTC')).toBe('2027-06-15T07:15:00Z');
    expect(formatInstant(t, 'iso.6', now, 'UTC')).toBe('2027-06-15T07:15:00.000000Z');
    expect(formatInstant(t, 'iso.3+0000', now, 'UTC')).toBe('2027-06-15T07:15:00.000+0000');
    expect(formatInstant(t, 'sn', now, 'Europe/Berlin')).toBe('2027-06-15 07:15:00');
    expect(formatInstant(t, 'local:yyyy-MM-dd HH:mm:ss', now, 'Europe/Berlin')).toBe('2027-06-15 09:15:00');
    expect(formatInstant(t, 'ago', now, 'UTC')).toBe('1 day ago');
    expect(formatInstant(now - 2 * 3_600_000, 'ago', now, 'UTC')).toBe('2 hours ago');
  });

  it('renders every token of a template and refuses one it does not know', () => {
    expect(renderDemoTemplate('{"at": "{{at:-1bd@09:00}}", "ms": "{{at:-1bd@09:00|iso.3}}"}', now, 'UTC')).toBe(
      '{"at": "2027-06-15T09:00:00Z", "ms": "2027-06-15T09:00:00.000Z"}',
    );
    expect(() => renderDemoTemplate('{{at:yesterday}}', now, 'UTC')).toThrow(/unknown time "yesterday"/);
    expect(() => renderDemoTemplate('{{at:-0bd@09:00}}', now, 'UTC')).toThrow(/unknown time/);
    expect(() => renderDemoTemplate('{{at:-1h|rfc2822}}', now, 'UTC')).toThrow(/unknown format "rfc2822"/);
  });
});

interface Read {
  provider: ProviderId;
  file: string;
  /** The page the template is, or the API URL its JSON answers. */
  url: string;
}
/** Where each demo template is read, in the order `npm run demo` visits the portals. */
const READS: Read[] = [
  { provider: 'zendesk', file: 'zendesk/list-classic-my.html', url: DEMO_URLS.zendeskList },
  { provider: 'zendesk', file: 'zendesk/detail.html', url: DEMO_URLS.zendeskDetail },
  { provider: 'azure', file: 'azure/list.json', url: API.azureTickets },
  { provider: 'aws', file: 'aws/describe-cases.json', url: API.aws },
  { provider: 'aws', file: 'aws/describe-cases-page2.json', url: API.aws },
  { provider: 'aws', file: 'aws/describe-case.json', url: API.aws },
  { provider: 'aws', file: 'aws/describe-communications.json', url: API.aws },
  { provider: 'gcp', file: 'gcp/cases-list.json', url: API.gcpCases },
  { provider: 'gcp', file: 'gcp/case.json', url: API.gcpCase },
  { provider: 'gcp', file: 'gcp/comments.json', url: API.gcpComments },
  {
    provider: 'microsoft-partner-center',
    file: 'microsoft-partner-center/servicerequests.json',
    url: API.partnerCenter,
  },
  { provider: 'microsoft-365', file: 'microsoft-365/requests-fluent-grid.html', url: DEMO_URLS.m365List },
  { provider: 'microsoft-365', file: 'microsoft-365/request-pane-fr.html', url: DEMO_URLS.m365Detail },
  { provider: 'freshdesk', file: 'freshdesk/portal-list.html', url: DEMO_URLS.freshdeskList },
  { provider: 'jira-service-management', file: 'jira-service-management/portal-list.html', url: DEMO_URLS.jsmList },
  { provider: 'salesforce', file: 'salesforce/query-done.json', url: API.salesforceQuery },
];
/** The specs' visits: the Zendesk list and the Azure portal (ui-seed.ts, visitDemoPortals). */
const SPEC_READS = READS.filter((r) => r.file === 'zendesk/list-classic-my.html' || r.file === 'azure/list.json');
const AZURE_TICKET =
  'https://management.azure.com/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/' +
  'Microsoft.Support/supportTickets/7f3e2d1c-0000-4000-8000-000000000001';
/** Read only when the user opens the ticket, or tracks the custom domain: not part of the demo's visits. */
const OTHER_READS: Read[] = [
  {
    provider: 'azure',
    file: 'azure/communications.json',
    url: `${AZURE_TICKET}/communications?api-version=2024-04-01`,
  },
  { provider: 'servicenow', file: 'servicenow/case-list-all.json', url: API.servicenowCases },
];

function extract({ provider, file, url }: Read, text: string): Extraction {
  const adapter = ADAPTERS.find((a) => a.id === provider)!;
  if (file.endsWith('.json')) return adapter.api!.extract(JSON.parse(text), new URL(url));
  return adapter.page!.extract(parseHtml(text, url), new URL(url));
}

const templateFiles = (dir = TEMPLATES): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? templateFiles(path) : [relative(TEMPLATES, path)];
  });

const renderAt = (file: string, now: number, timeZone: string) =>
  renderDemoTemplate(readFileSync(join(TEMPLATES, file), 'utf8'), now, timeZone);

describe('demo templates', () => {
  const { now, timeZone } = INSTANTS[0]!;

  it.each(templateFiles())('%s renders every date, and carries no hostile test string', (file) => {
    const text = renderAt(file, now, timeZone);
    expect(text).not.toContain('{{at:');
    if (file.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
    expect(text).not.toMatch(/<script>alert|alert\(1\)|onerror|javascript:|&lt;script|&lt;b&gt;/i);
    // Every date comes from the clock: none of the fixtures' fixed 2015 or 2026 dates is left.
    expect(text).not.toMatch(/\b(?:2015|2026)-\d\d-\d\d/);
  });

  it.each([...READS, ...OTHER_READS])('$file is read like its fixture: the same cases, problems and dates', (read) => {
    const shape = (e: Extraction) => ({
      kind: e.kind,
      problems: e.problems.map((p) => p.where),
      cases: e.cases.map((c) => [c.caseId, !!c.createdAt, !!c.updatedAt, c.messages?.length]),
      messageUpdates: e.messageUpdates?.map((u) => u.messages.length),
    });
    const demo = extract(read, renderAt(read.file, now, timeZone));
    expect(shape(demo)).toEqual(shape(extract(read, fixtureText(read.file))));
  });
});

/**
 * The story, read through the real adapters, ingest and alert rules at each instant: the cases the
 * end-to-end specs name, with the section, overdue mark and alert wording they assert.
 */
describe('the demo story', () => {
  let db: CaseradarDB;
  let n = 0;
  beforeEach(() => {
    db = new CaseradarDB(`demo-clock-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  /** Reads the templates one after the other, a second apart, each rendered when it is read. */
  async function visit(reads: Read[], start: number, timeZone: string) {
    let now = start;
    for (const read of reads) {
      now += 1000;
      const extraction = extract(read, renderAt(read.file, now, timeZone));
      const { provider, url } = read;
      await ingestSnapshot(db, {
        provider,
        pageUrl: url,
        sourceUrl: url,
        capturedAt: iso(now),
        how: 'visit',
        extraction,
      });
    }
    const cases = await db.cases.toArray();
    const alerts = findAlerts(cases, defaultPolicy(timeZone), iso(now));
    const overdue = new Set(alerts.filter((a) => a.level === 'overdue').map((a) => a.caseKey));
    const groups = groupOpenCases(cases, (key) => overdue.has(key));
    return {
      open: cases.filter(isOpen).length,
      overdue: [...overdue].sort(),
      groups: Object.fromEntries(groups.map((g) => [g.id, g.cases.map((c) => c.key)])),
      reasons: Object.fromEntries(alerts.map((a) => [a.caseKey, a.reason])),
    };
  }

  it.each(INSTANTS)('Zendesk and Azure (the specs’ visits) at $name ($timeZone)', async ({ now, timeZone }) => {
    const story = await visit(SPEC_READS, now, timeZone);
    expect(story.open).toBe(7);
    expect(story.groups).toEqual({
      // Waiting on the user first, then the vendors to chase.
      now: ['northwind.zendesk.com:48213', 'northwind.zendesk.com:48001', 'azure:2610010040001234'],
      // Azure's "WaitingForCustomerInput" is no status Azure documents: the user reads it.
      look: ['azure:2609180010001111'],
      vendor: ['azure:2609250010005678', 'northwind.zendesk.com:48177'],
      closing: ['northwind.zendesk.com:47950'],
    });
    expect(story.reasons).toEqual({
      'northwind.zendesk.com:48213': 'waiting on you for 1 business day (limit 1 business day)',
      'northwind.zendesk.com:48001': 'vendor quiet for 5 business days (limit 3 business days)',
      'azure:2610010040001234': 'vendor quiet for 3 business days (limit 3 business days)',
    });
  });

  it.each(INSTANTS)('every demo portal (npm run demo) at $name ($timeZone)', async ({ now, timeZone }) => {
    const story = await visit(READS, now, timeZone);
    expect(story.open).toBe(35);
    expect([...story.groups.now!].sort()).toEqual([
      'acme.freshdesk.com:41190',
      'aws:176543210900999',
      'azure:2610010040001234',
      'microsoft-365:7012511220001847',
      'microsoft-partner-center:615112491169010',
      'northwind.zendesk.com:48001',
      'northwind.zendesk.com:48213',
    ]);
    expect(story.overdue).toEqual([
      'aws:176543210900999',
      'azure:2610010040001234',
      'northwind.zendesk.com:48001',
      'northwind.zendesk.com:48213',
    ]);
    // No other alert: Zendesk's solved request is a day old, nobody waits on a first response.
    expect(Object.keys(story.reasons).sort()).toEqual(story.overdue);
  });
});
