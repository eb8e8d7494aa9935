/**
 * Property tests: the Azure adapter reads any realistic Microsoft.Support supportTickets body of the shape
 * documented in docs/portals.md §7, not only the saved fixtures. The expected values are an oracle written
 * from docs/portals.md §1 and §7, not from the adapter's code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { azure } from '@/lib/capture/families/azure/adapter';
import type { Extraction } from '@/lib/capture/types';
import type { CaseState, Severity } from '@/lib/core/model';
import { expectParseError } from '../../../helpers/parse-error';
import { runs } from '../../../helpers/property-runs';

const RUNS = { numRuns: runs(200) };
const LIGHT_RUNS = { numRuns: runs(100) };

// ---- Oracle (docs/portals.md §7) ----

const KNOWN_STATUSES = ['Open', 'Updating', 'Closed'] as const;
/** Case-insensitive: Open->open, Updating->open, Closed->closed; anything else -> null (raw label kept). */
function expectedState(label: string | undefined): CaseState | null {
  switch (label?.toLowerCase()) {
    case 'open':
    case 'updating':
      return 'open';
    case 'closed':
      return 'closed';
    default:
      return null;
  }
}

const KNOWN_SEVERITIES = ['minimal', 'moderate', 'critical', 'highestcriticalimpact'] as const;
/**
 * minimal->low, moderate->normal, highestcriticalimpact->critical. `critical` (Sev A) is a convention
 * (only the unambiguous three are certain): only its order is checked (high or critical).
 */
function checkSeverity(actual: Severity | null, raw: string | undefined): void {
  switch (raw?.toLowerCase()) {
    case 'minimal':
      return void expect(actual).toBe('low');
    case 'moderate':
      return void expect(actual).toBe('normal');
    case 'highestcriticalimpact':
      return void expect(actual).toBe('critical');
    case 'critical':
      return void expect(['high', 'critical']).toContain(actual);
    case undefined:
      return void expect(actual).toBeNull(); // absent -> null (§0)
    default:
      throw new Error(`generator produced an unexpected severity ${raw}`);
  }
}

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function expectInstant(actual: string | null, expectedMs: number): void {
  expect(actual).not.toBeNull();
  expect(actual!).toMatch(UTC_ISO);
  expect(Date.parse(actual!)).toBe(expectedMs);
}

// ---- Generators ----

/** Every letter in a random case: "open", "OPEN", "oPeN", ... */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => Array.from(word, (ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

const UNKNOWN_STATUS_LABELS = [
  'WaitingForCustomerInput',
  'Pending',
  'Resolved',
  'InProgress',
  'Escalated',
  'Reopened',
  'Closed - Resolved',
  'Open (transferred)',
  'Offen',
  '未解決',
];
const statusArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_STATUSES).chain(anyCase) },
  { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_STATUS_LABELS) },
  {
    weight: 1,
    arbitrary: fc
      .stringMatching(/^[A-Z][A-Za-z]{2,20}$/)
      .filter((s) => !['open', 'updating', 'closed'].includes(s.toLowerCase())),
  },
);

const severityArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_SEVERITIES).chain(anyCase) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** supportTicketId: numeric string of 15 or 16 digits (the number users see). */
const ticketIdArb = fc.oneof(fc.stringMatching(/^[1-9]\d{14}$/), fc.stringMatching(/^[1-9]\d{15}$/));

const guidArb = fc.uuid();
const subscriptionArb = guidArb;

/** ARM resource name: a GUID or caller-chosen, sometimes itself numeric (it is still not the ticket number). */
const resourceNameArb = fc.oneof(
  guidArb,
  fc.stringMatching(/^[a-z][a-z0-9-]{2,30}$/),
  fc.stringMatching(/^[1-9]\d{14,15}$/),
);

const TITLE_TOKENS = [
  'VM scale set stuck in "Updating"',
  'after OS upgrade',
  'Quota increase for Standard_D8s_v5 in westeurope',
  'R&D',
  '&amp;',
  '&lt;b&gt;not decoded&lt;/b&gt;',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  "can't",
  '100% CPU',
  'Rechnung doppelt belastet – Ü/ß/€',
  '請求書',
  'مرحبا',
  'שלום',
  '\u200Fעברית',
  '🚀',
  '👩‍💻',
  '🇩🇪',
  'C:\\Windows',
  '{"json": true}',
];
const wordArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !/[\s\p{Cc}\p{Cs}]/u.test(s));
const titleArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TITLE_TOKENS) }, { weight: 1, arbitrary: wordArb }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((w) => w.join(' '));

const instantArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 11, 31) });
type DateStyle = 'seconds' | 'millis';
/** Documented form `2024-03-20T21:36:18Z`, with or without milliseconds. */
function armDate(ms: number, style: DateStyle): string {
  const iso = new Date(ms).toISOString();
  return style === 'millis' ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
}
const expectedMs = (ms: number, style: DateStyle) => (style === 'millis' ? ms : Math.floor(ms / 1000) * 1000);

interface TicketSpec {
  ticketId: string;
  name: string;
  scope: string | null; // subscription id, or null for tenant scope
  title: string;
  status: string;
  severity: string | undefined;
  created: number;
  modified: number;
  dateStyle: DateStyle;
  full: boolean;
  engineer: boolean;
}

const ticketSpecArb: fc.Arbitrary<TicketSpec> = fc.record({
  ticketId: ticketIdArb,
  name: resourceNameArb,
  scope: fc.option(subscriptionArb, { nil: null }),
  title: titleArb,
  status: statusArb,
  severity: severityArb,
  created: instantArb,
  modified: instantArb,
  dateStyle: fc.constantFrom<DateStyle>('seconds', 'millis'),
  full: fc.boolean(),
  engineer: fc.boolean(),
});

function armId(spec: TicketSpec): string {
  return `${spec.scope ? `/subscriptions/${spec.scope}` : ''}/providers/Microsoft.Support/supportTickets/${spec.name}`;
}

function ticket(spec: TicketSpec): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    supportTicketId: spec.ticketId,
    title: spec.title,
    description: `${spec.title}\n<p>Details &amp; logs</p>`,
    status: spec.status,
    createdDate: armDate(spec.created, spec.dateStyle),
    modifiedDate: armDate(spec.modified, spec.dateStyle),
    problemClassificationId:
      '/providers/Microsoft.Support/services/00000000-0000-0000-0000-000000000001/problemClassifications/00000000-0000-0000-0000-000000000002',
    serviceId: '/providers/Microsoft.Support/services/00000000-0000-0000-0000-000000000001',
  };
  if (spec.severity !== undefined) properties.severity = spec.severity;
  if (spec.engineer) properties.supportEngineer = { emailAddress: 'engineer@microsoft.invalid' };
  if (spec.full) {
    Object.assign(properties, {
      problemClassificationDisplayName: 'Cannot start or stop my VM',
      serviceDisplayName: 'Virtual Machine running Windows',
      require24X7Response: spec.severity?.toLowerCase() === 'highestcriticalimpact',
      advancedDiagnosticConsent: 'Yes',
      contactDetails: {
        firstName: 'Alex',
        lastName: 'Example',
        primaryEmailAddress: 'alex@example.invalid',
        preferredContactMethod: 'email',
        preferredTimeZone: 'W. Europe Standard Time',
        country: 'DEU',
        preferredSupportLanguage: 'en-US',
      },
      serviceLevelAgreement: {
        startTime: armDate(spec.created, 'seconds'),
        expirationTime: armDate(spec.created + 28_800_000, 'seconds'),
        slaMinutes: 480,
      },
      supportPlanType: 'Unified',
      supportPlanDisplayName: 'Unified Enterprise',
      supportPlanId: 'U291cmNlOlVuaWZpZWQ=',
      fileWorkspaceName: spec.name,
      problemScopingQuestions:
        '{"articleId":"0000","scopingDetails":[{"question":"When did it start?","answer":"Yesterday & today"}]}',
      isTemporaryTicket: 'No',
      secondaryConsent: [{ userConsent: 'Yes', type: 'DatabaseTransfer' }],
      technicalTicketDetails: {
        resourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
      },
      problemStartTime: armDate(spec.created - 3_600_000, 'seconds'),
    });
  }
  return { id: armId(spec), name: spec.name, type: 'Microsoft.Support/supportTickets', properties };
}

const API_VERSIONS = ['2020-04-01', '2023-06-01-preview', '2024-04-01', '2025-06-01-preview'];
const listUrlArb = fc
  .record({
    scope: fc.option(subscriptionArb, { nil: null }),
    version: fc.constantFrom(...API_VERSIONS),
    extra: fc.constantFrom(
      '',
      '&$top=100',
      "&$filter=status eq 'Open'",
      '&$filter=createdDate ge 2024-01-01T00:00:00Z&$top=25',
    ),
  })
  .map(
    ({ scope, version, extra }) =>
      new URL(
        `https://management.azure.com${scope ? `/subscriptions/${scope}` : ''}/providers/Microsoft.Support/supportTickets?api-version=${version}${extra}`,
      ),
  );

function checkCase(c: Extraction['cases'][number], spec: TicketSpec): void {
  expect(c.provider).toBe('azure');
  expect(c.caseId).toBe(spec.ticketId); // never the ARM name
  expect(c.state).toBe(expectedState(spec.status));
  expect(c.vendorStatus).toBe(spec.status); // raw label kept verbatim
  checkSeverity(c.severity, spec.severity);
  expect(c.vendorSeverity ?? null).toBe(spec.severity ?? null);
  expect(c.title).toBe(spec.title); // JSON strings: no HTML decoding
  expectInstant(c.createdAt, expectedMs(spec.created, spec.dateStyle));
  expectInstant(c.updatedAt, expectedMs(spec.modified, spec.dateStyle));
  expect(new URL(c.url).origin).toBe('https://portal.azure.com');
}

describe('azure supportTickets: generated bodies of the documented shape (§2)', () => {
  it('reads every ticket of a {value:[...]} list: supportTicketId, state, severity, raw title, UTC times', () => {
    fc.assert(
      fc.property(
        listUrlArb,
        fc.uniqueArray(ticketSpecArb, { minLength: 1, maxLength: 12, selector: (s) => s.ticketId }),
        fc.boolean(),
        (url, specs, withNextLink) => {
          const body: Record<string, unknown> = { value: specs.map(ticket) };
          if (withNextLink) body.nextLink = `${url.href}&$skiptoken=eyJuZXh0IjoyNX0%3D`;
          expect(azure.api!.urlPatterns.some((p) => p.test(url.href))).toBe(true);
          expect(azure.api!.detect(body, url)).toBe('list');
          const result = azure.api!.extract(body, url);
          expect(result.kind).toBe('list');
          expect(result.problems).toEqual([]);
          expect(result.cases.map((c) => c.caseId)).toEqual(specs.map((s) => s.ticketId));
          result.cases.forEach((c, i) => checkCase(c, specs[i]!));
        },
      ),
      RUNS,
    );
  });

  it('maps Open/Updating/Closed in any letter case, and keeps unknown labels raw with a null state', () => {
    fc.assert(
      fc.property(ticketSpecArb, statusArb, (spec, status) => {
        const s = { ...spec, status };
        const url = new URL(
          'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01',
        );
        const c = azure.api!.extract({ value: [ticket(s)] }, url).cases[0]!;
        expect(c.state).toBe(expectedState(status));
        expect(c.vendorStatus).toBe(status);
      }),
      RUNS,
    );
  });

  it('reads a single ticket (GET .../supportTickets/{name}) as a detail', () => {
    fc.assert(
      fc.property(ticketSpecArb, fc.constantFrom(...API_VERSIONS), (spec, version) => {
        const url = new URL(`https://management.azure.com${armId(spec)}?api-version=${version}`);
        expect(azure.api!.urlPatterns.some((p) => p.test(url.href))).toBe(true);
        const body = ticket(spec);
        expect(azure.api!.detect(body, url)).toBe('detail');
        const result = azure.api!.extract(body, url);
        expect(result.kind).toBe('detail');
        expect(result.problems).toEqual([]);
        expect(result.cases).toHaveLength(1);
        checkCase(result.cases[0]!, spec);
      }),
      RUNS,
    );
  });

  it('accounts for every item: cases + problems == items, and no case lacks a caseId', () => {
    const badItemArb = fc.oneof(
      fc.constantFrom<unknown>(null, 'ticket', 7, [], {}),
      ticketSpecArb.map((s) => {
        const t = ticket(s);
        delete (t.properties as Record<string, unknown>).supportTicketId;
        return t;
      }),
      ticketSpecArb.map((s) => ({ ...ticket(s), properties: undefined })),
      ticketSpecArb.map((s) => ({ ...ticket(s), type: 'Microsoft.Compute/virtualMachines' })),
      ticketSpecArb.map((s) => {
        const t = ticket(s);
        (t.properties as Record<string, unknown>).supportTicketId = 'not-a-number';
        return t;
      }),
    );
    fc.assert(
      fc.property(
        listUrlArb,
        fc.uniqueArray(ticketSpecArb, { maxLength: 8, selector: (s) => s.ticketId }),
        fc.array(badItemArb, { maxLength: 5 }),
        fc.infiniteStream(fc.boolean()),
        (url, specs, bad, coin) => {
          const items: unknown[] = [];
          let g = 0;
          let b = 0;
          while (g < specs.length || b < bad.length) {
            if (b >= bad.length || (g < specs.length && coin.next().value)) items.push(ticket(specs[g++]!));
            else items.push(bad[b++]);
          }
          const result = azure.api!.extract({ value: items }, url);
          expect(result.cases.length + result.problems.length).toBe(items.length);
          expect(result.cases.map((c) => c.caseId)).toEqual(specs.map((s) => s.ticketId));
          for (const c of result.cases) expect(c.caseId).toMatch(/^\d{15,16}$/);
          for (const p of result.problems) expect(p.reason.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it('reads an empty list as zero cases with no problem and no error', () => {
    fc.assert(
      fc.property(listUrlArb, fc.boolean(), (url, withNextLink) => {
        const body: Record<string, unknown> = { value: [] };
        if (withNextLink) body.nextLink = null;
        expect(azure.api!.extract(body, url)).toEqual({ kind: 'list', cases: [], problems: [] });
      }),
      LIGHT_RUNS,
    );
  });

  it('throws a ProviderParseError (unknown-shape) on bodies of unknown shape', () => {
    const unknownArb = fc.oneof(
      fc.constantFrom<unknown>(
        null,
        undefined,
        0,
        'value',
        false,
        [],
        [{ id: 'x', type: 'Microsoft.Support/supportTickets' }],
        { error: { code: 'InvalidApiVersionParameter', message: "The api-version '1999-01-01' is invalid." } },
        { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } },
        { value: null },
        { value: 'none' },
        { value: { id: 'x' } },
        {
          id: '/providers/Microsoft.Support/services/x',
          name: 'x',
          type: 'Microsoft.Support/services',
          properties: { displayName: 'VM' },
        },
        { id: '/providers/Microsoft.Support/supportTickets/x', name: 'x', type: 'Microsoft.Support/supportTickets' },
      ),
      fc.dictionary(
        fc.string().filter((k) => k !== 'value' && k !== 'type' && k !== '__proto__'),
        fc.jsonValue(),
      ),
      fc.array(fc.jsonValue()),
      fc.oneof(fc.string(), fc.double(), fc.integer()),
    );
    fc.assert(
      fc.property(unknownArb, (body) => {
        const url = new URL(
          'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01',
        );
        expectParseError(() => azure.api!.extract(body, url), 'azure', 'unknown-shape');
      }),
      RUNS,
    );
  });
});
