import { describe, expect, it } from 'vitest';
import { groupOpenCases, limitGroups } from '@/lib/cases/case-groups';
import { makeCase } from '../../helpers/case-factory';

const cases = [
  makeCase({ caseId: 'quiet', updatedAt: '2026-11-02T00:00:00Z' }),
  makeCase({ caseId: 'fresh', updatedAt: '2026-11-17T00:00:00Z' }),
  makeCase({ caseId: 'mine', state: 'waiting-on-customer' }),
  makeCase({ caseId: 'mine-late', state: 'waiting-on-customer' }),
  makeCase({ caseId: 'fixed', state: 'resolved' }),
  makeCase({ caseId: 'gone', state: 'closed' }),
  makeCase({ caseId: 'nolabel', state: null }),
  makeCase({ caseId: 'oldest', updatedAt: '2026-10-01T00:00:00Z' }),
];
const overdue = new Set(['azure:quiet', 'azure:oldest', 'azure:mine-late']);
const ids = (g: { cases: { caseId: string }[] }) => g.cases.map((c) => c.caseId);

describe('groupOpenCases', () => {
  const groups = groupOpenCases(cases, (k) => overdue.has(k));

  it('returns the four sections in order with their titles', () => {
    expect(groups.map((g) => g.title)).toEqual(['Needs you now', 'Needs a look', 'With vendor', 'Closing soon']);
  });

  it('puts what waits on the user first, then overdue vendor cases to chase, longest silence first', () => {
    expect(ids(groups[0]!)).toEqual(['mine', 'mine-late', 'oldest', 'quiet']);
    expect(ids(groups[2]!)).toEqual(['fresh']);
    expect(ids(groups[3]!)).toEqual(['fixed']);
  });

  it('puts a status Caseradar cannot read under "Needs a look", unless the vendor is waiting on the user', () => {
    expect(ids(groups[1]!)).toEqual(['nolabel']);
    const asked = makeCase({ caseId: 'asked', state: null, lastVendorMessageAt: '2026-11-17T00:00:00Z' });
    expect(ids(groupOpenCases([asked], () => false)[0]!)).toEqual(['asked']);
  });

  it('leaves closed cases out', () => {
    expect(groups.flatMap(ids)).not.toContain('gone');
  });
});

describe('limitGroups', () => {
  it('keeps the first n cases across sections, in section order', () => {
    const limited = limitGroups(
      groupOpenCases(cases, (k) => overdue.has(k)),
      3,
    );
    expect(limited.map(ids)).toEqual([['mine', 'mine-late', 'oldest'], [], [], []]);
  });
});
