import { describe, expect, it } from 'vitest';
import { gcp } from '@/lib/capture/families/gcp/adapter';
import { loadFixtureJson } from '../../../helpers/fixtures';

const LIST = 'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases?pageSize=25';
const read = (file: string, url = LIST) => gcp.api!.extract(loadFixtureJson(`gcp/${file}`), new URL(url));

describe('gcp cases', () => {
  it('takes the case number from the resource name and maps state and priority', () => {
    const { kind, cases, problems } = read('cases-list.json');
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['51234567', 'waiting-on-customer', 'ACTION_REQUIRED', 'high', 'P2'],
      ['51230001', 'open', 'IN_PROGRESS_GOOGLE_SUPPORT', 'critical', 'P1'],
      ['51200002', 'resolved', 'SOLUTION_PROVIDED', 'low', 'P4'],
      ['51199999', null, 'STATE_UNSPECIFIED', 'critical', 'S1'],
    ]);
    expect(problems).toEqual([
      {
        where: 'cases[4]',
        reason: 'Expected name projects|organizations/{id}/cases/{number}, got "projects/acme-prod-123/notacase/1"',
      },
    ]);
  });

  it('normalises 0–9 fractional digits to UTC and links into the console for the right scope', () => {
    const { cases } = read('cases-list.json');
    expect(cases[0]).toMatchObject({
      createdAt: '2026-11-18T07:15:30.123Z',
      updatedAt: '2026-11-19T16:02:11.500Z',
      title: 'GKE node pool upgrade stuck at 60% & pods pending',
      url: 'https://console.cloud.google.com/support/cases/detail/v2/51234567?project=acme-prod-123',
      vendorRef: 'projects/acme-prod-123/cases/51234567',
    });
    expect(cases[1]!.updatedAt).toBe('2026-11-06T09:00:00.000Z');
    expect(cases[2]!.url).toBe(
      'https://console.cloud.google.com/support/cases/detail/v2/51200002?organizationId=987654321',
    );
  });

  it('reads a single case (get) as a detail', () => {
    const { kind, cases } = read(
      'case.json',
      'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases/51234567',
    );
    expect(kind).toBe('detail');
    expect(cases[0]).toMatchObject({ caseId: '51234567', state: 'open', severity: 'critical' });
  });

  it('reads comments with Google Support as the vendor side', () => {
    const { messageUpdates } = read(
      'comments.json',
      'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases/51234567/comments',
    );
    expect(messageUpdates).toEqual([
      {
        caseId: '51234567',
        messages: [
          {
            at: '2026-11-19T16:02:11.500Z',
            author: 'Google Cloud Support',
            side: 'vendor',
            text: 'Please run `gcloud container operations list` and attach the output.',
          },
          {
            at: '2026-11-18T07:15:30.123Z',
            author: 'Alex Example',
            side: 'customer',
            text: 'Upgrade stuck since 07:00 CET.',
          },
        ],
      },
    ]);
  });

  it('accepts {} as an empty list or search result, and rejects unknown shapes', () => {
    expect(read('empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(
      read('empty.json', 'https://cloudsupport.googleapis.com/v2/organizations/1/cases:search?query=state%3DOPEN'),
    ).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(() => read('unknown.json')).toThrow(/Expected \{cases: \[...\]\}/);
  });

  it('captures v2 and v2beta case endpoints on both API hosts', () => {
    const wanted = (u: string) => gcp.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(LIST)).toBe(true);
    expect(wanted('https://cloudsupport.clients6.google.com/v2beta/organizations/1/cases:search?query=x')).toBe(true);
    expect(wanted('https://cloudsupport.googleapis.com/v2/projects/p/cases/1/comments')).toBe(true);
    expect(wanted('https://cloudsupport.googleapis.com/v2/projects/p/cases/1:escalate')).toBe(false);
    expect(wanted('https://cloudresourcemanager.googleapis.com/v1/projects')).toBe(false);
  });
});
