/**
 * Generated snapshot sequences for ingest property tests: portals (provider + origin), cases with a
 * history of vendor changes, and tabs that capture list or detail views of that history at random
 * times. `arbitrarySnapshotsArb` makes snapshots with no history behind them (anything a content
 * script could send); `worldArb` makes snapshots that tell one consistent story.
 */
import fc from 'fast-check';
import type { SnapshotInput } from '@/lib/store/ingest';
import type { CaseMessage, CaseSnapshot, CaseState, ProviderId, Severity } from '@/lib/core/model';

export interface Portal {
  provider: ProviderId;
  origin: string;
  /** Case link for a case id. */
  link: (caseId: string) => string;
}

export const PORTALS: Portal[] = [
  {
    provider: 'zendesk',
    origin: 'https://northwind.zendesk.com',
    link: (id) => `https://northwind.zendesk.com/hc/en-us/requests/${id}`,
  },
  {
    provider: 'azure',
    origin: 'https://portal.azure.com',
    link: (id) => `https://portal.azure.com/#resource/providers/Microsoft.Support/supportTickets/${id}`,
  },
  {
    provider: 'aws',
    origin: 'https://support.console.aws.amazon.com',
    link: (id) => `https://support.console.aws.amazon.com/support/home#/case/?displayId=${id}`,
  },
];

/** Vendor labels with the state an adapter gives them; [null, null] is a page that shows no status. */
export const STATUSES: [string | null, CaseState | null][] = [
  ['Open', 'open'],
  ['Pending', 'waiting-on-customer'],
  ['On-hold', 'on-hold'],
  ['Solved', 'resolved'],
  ['Closed', 'closed'],
  ['New', 'new'],
  ['Escalated', null],
  [null, null],
];
const SEVERITY_LABELS: [string | null, Severity | null][] = [
  ['Urgent', 'critical'],
  ['High', 'high'],
  ['Low', 'low'],
  [null, null],
];

const BASE = Date.UTC(2026, 9, 1, 8);
const MINUTE = 60_000;
export const iso = (minute: number) => new Date(BASE + minute * MINUTE).toISOString();

const messageArb: fc.Arbitrary<CaseMessage> = fc.record({
  at: fc.integer({ min: 0, max: 600 }).map(iso),
  author: fc.constantFrom('Sam Support', 'Alex Example', null),
  side: fc.constantFrom('vendor' as const, 'customer' as const),
  text: fc.constantFrom('Any update?', 'We are looking into it.', null),
});

const caseIdArb = fc.constantFrom('1', '2', '3', '4', '5');

function snapshotInput(
  portal: Portal,
  capturedAt: string,
  kind: 'list' | 'detail',
  cases: CaseSnapshot[],
  tab = 0,
): SnapshotInput {
  return {
    provider: portal.provider,
    pageUrl: `${portal.origin}/tab-${tab}`,
    sourceUrl: `${portal.origin}/tab-${tab}`,
    capturedAt,
    how: 'visit',
    extraction: { kind, cases, problems: [] },
  };
}

/**
 * A capture instant: on the minute, or 20 or 40 s past it, so that some reads share an instant (ties)
 * and some fall within a minute of each other (below the store's observation granularity).
 */
const captureArb = fc
  .tuple(fc.integer({ min: 0, max: 600 }), fc.constantFrom(0, 20, 40))
  .map(([minute, second]) => new Date(BASE + minute * MINUTE + second * 1000).toISOString());

/** A snapshot with random fields: any status, any times, partial lists, repeated messages. */
const arbitrarySnapshotArb: fc.Arbitrary<SnapshotInput> = fc
  .record({
    portal: fc.constantFrom(...PORTALS),
    kind: fc.constantFrom('list' as const, 'detail' as const),
    capturedAt: captureArb,
    cases: fc.uniqueArray(
      fc.record({
        caseId: caseIdArb,
        title: fc.constantFrom('Link down', 'Link down again', 'VPN'),
        status: fc.constantFrom(...STATUSES),
        severity: fc.constantFrom(...SEVERITY_LABELS),
        createdAt: fc.option(fc.integer({ min: 0, max: 100 }).map(iso)),
        updatedAt: fc.option(fc.integer({ min: 0, max: 600 }).map(iso)),
        owner: fc.constantFrom(undefined, null, 'Sam Support', 'Kim Ops'),
        messages: fc.option(fc.array(messageArb, { maxLength: 3 }), { nil: undefined }),
      }),
      { maxLength: 4, selector: (c) => c.caseId },
    ),
  })
  .map(({ portal, kind, capturedAt, cases }) =>
    snapshotInput(
      portal,
      capturedAt,
      kind,
      (kind === 'detail' ? cases.slice(0, 1) : cases).map((c): CaseSnapshot => ({
        provider: portal.provider,
        caseId: c.caseId,
        title: c.title,
        vendorStatus: c.status[0],
        state: c.status[1],
        severity: c.severity[1],
        vendorSeverity: c.severity[0],
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        url: portal.link(c.caseId),
        ...(c.owner !== undefined ? { owner: c.owner } : {}),
        ...(c.messages ? { messages: c.messages } : {}),
      })),
    ),
  );

/** A sequence of arbitrary snapshots, some repeated, in no particular time order. */
export const arbitrarySnapshotsArb: fc.Arbitrary<SnapshotInput[]> = fc
  .tuple(
    fc.array(arbitrarySnapshotArb, { minLength: 1, maxLength: 8 }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 14 }),
  )
  .map(([pool, picks]) => picks.map((p) => pool[p % pool.length]!));

// ---- Consistent worlds ----

interface Version {
  /** Minute of the change. */
  at: number;
  status: [string | null, CaseState | null];
  severity: [string | null, Severity | null];
  title: string;
  owner: string;
}

interface WorldCase {
  portal: Portal;
  caseId: string;
  createdAt: number;
  versions: Version[];
  messages: CaseMessage[];
}

const versionArb = fc.record({
  at: fc.integer({ min: 1, max: 500 }),
  status: fc.constantFrom(...STATUSES.filter(([label]) => label !== null)),
  severity: fc.constantFrom(...SEVERITY_LABELS.filter(([label]) => label !== null)),
  title: fc.constantFrom('Link down', 'Link down at site B'),
  owner: fc.constantFrom('Sam Support', 'Kim Ops'),
});

const worldCaseArb = (portal: Portal, caseId: string): fc.Arbitrary<WorldCase> =>
  fc
    .record({
      versions: fc
        .uniqueArray(versionArb, { minLength: 1, maxLength: 4, selector: (v) => v.at })
        .map((vs) => vs.sort((a, b) => a.at - b.at)),
      messages: fc.uniqueArray(messageArb, { maxLength: 4, selector: (m) => `${m.at}|${m.side}|${m.author ?? ''}` }),
    })
    .map(({ versions, messages }) => ({ portal, caseId, createdAt: 0, versions, messages }));

/** The case as a page captured at `minute` shows it: the latest version then, or nothing before its first. */
function viewAt(c: WorldCase, minute: number, detail: boolean): CaseSnapshot | null {
  const version = [...c.versions].reverse().find((v) => v.at <= minute);
  if (!version) return null;
  return {
    provider: c.portal.provider,
    caseId: c.caseId,
    title: version.title,
    vendorStatus: version.status[0],
    state: version.status[1],
    // A list shows no severity or owner; a detail page does, with the messages written by then.
    severity: detail ? version.severity[1] : null,
    vendorSeverity: detail ? version.severity[0] : null,
    createdAt: iso(c.createdAt),
    updatedAt: iso(version.at),
    url: c.portal.link(c.caseId),
    ...(detail
      ? { owner: version.owner, messages: c.messages.filter((m) => Date.parse(m.at) <= Date.parse(iso(minute))) }
      : {}),
  };
}

export interface World {
  cases: WorldCase[];
  snapshots: SnapshotInput[];
}

/**
 * One consistent story: five tabs on the first portal and one tab on each of the others capture list
 * views (sometimes only a page of them) and detail views, each at its own time, at least a minute apart.
 */
export const worldArb: fc.Arbitrary<World> = fc
  .tuple(
    ...PORTALS.map((portal) =>
      fc
        .uniqueArray(caseIdArb, { minLength: 1, maxLength: 4 })
        .chain((ids) => fc.tuple(...ids.map((id) => worldCaseArb(portal, id)))),
    ),
  )
  .chain((perPortal) => {
    const cases = perPortal.flat();
    const tabs = PORTALS.flatMap((portal, p) => Array.from({ length: p === 0 ? 5 : 1 }, (_, tab) => ({ portal, tab })));
    const captureArb = fc.record({
      tab: fc.constantFrom(...tabs),
      minute: fc.integer({ min: 0, max: 600 }),
      detail: fc.boolean(),
      pick: fc.nat(),
      partial: fc.boolean(),
    });
    return fc.uniqueArray(captureArb, { minLength: 1, maxLength: 16, selector: (c) => c.minute }).map((captures) => ({
      cases,
      snapshots: captures.flatMap(({ tab, minute, detail, pick, partial }) => {
        const own = cases.filter((c) => c.portal === tab.portal);
        const chosen = detail ? [own[pick % own.length]!] : partial ? own.filter((_, i) => (i + pick) % 2 === 0) : own;
        const views = chosen.map((c) => viewAt(c, minute, detail)).filter((v): v is CaseSnapshot => v !== null);
        return views.length ? [snapshotInput(tab.portal, iso(minute), detail ? 'detail' : 'list', views, tab.tab)] : [];
      }),
    }));
  })
  .filter((w) => w.snapshots.length > 0);
