import { describe, expect, it } from 'vitest';
import { aws } from '@/lib/capture/families/aws/adapter';
import { loadFixtureJson } from '../../../helpers/fixtures';

const API = 'https://support.us-east-1.amazonaws.com/';
const read = (file: string) => aws.api!.extract(loadFixtureJson(`aws/${file}`), new URL(API));

describe('aws DescribeCases', () => {
  it('uses displayId as the case id, maps status and severity, and keeps the long id as vendorRef', () => {
    const { kind, cases } = read('describe-cases.json');
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['176543210900123', 'waiting-on-customer', 'pending-customer-action', 'high', 'high'],
      ['9876543210', 'open', 'work-in-progress', 'low', 'low'],
      ['176543210900456', 'new', 'unassigned', 'critical', 'urgent'],
      ['176543210900789', 'resolved', 'resolved', 'normal', 'normal'],
    ]);
    expect(cases[0]).toMatchObject({
      title: 'RDS failover took 14 minutes & app "hung"',
      createdAt: '2026-11-10T09:12:35.000Z',
      vendorRef: 'case-123456789012-muen-2026-0a1b2c3d4e5f6a7b',
      url: 'https://support.console.aws.amazon.com/support/home#/case/?displayId=176543210900123&language=en',
    });
  });

  it('turns recentCommunications into messages, AWS replies on the vendor side', () => {
    const first = read('describe-cases.json').cases[0]!;
    expect(first.messages!.map((m) => [m.side, m.author, m.at])).toEqual([
      ['vendor', 'Amazon Web Services', '2026-11-11T15:40:02.000Z'],
      ['customer', 'ops@example.invalid', '2026-11-10T09:12:35.000Z'],
    ]);
    expect(first.messages![1]!.text).toBe('Failover at 09:01 UTC; cluster prod-db-1.\n<script>alert(1)</script>');
    // No "last updated" field: the latest communication stands in.
    expect(first.updatedAt).toBe('2026-11-11T15:40:02.000Z');
    expect(read('describe-cases.json').cases[2]!.messages).toBeUndefined();
  });

  it('reports a case it cannot identify instead of dropping it', () => {
    expect(read('describe-cases.json').problems).toEqual([
      { where: 'cases[4]', reason: 'Expected displayId or caseId, found neither' },
    ]);
  });

  it('reads a second page on its own and an empty list', () => {
    expect(read('describe-cases-page2.json').cases.map((c) => [c.caseId, c.state, c.severity])).toEqual([
      ['176543210900999', 'open', 'critical'],
    ]);
    expect(read('describe-cases-empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
  });
});

describe("aws: the AWS CLI's published examples", () => {
  it('reads the describe-cases example as the resolved case the console shows as 1234567890', () => {
    const { kind, cases, problems } = read('cli-example-describe-cases.json');
    expect(problems).toEqual([]);
    expect(kind).toBe('detail');
    expect(cases).toEqual([
      expect.objectContaining({
        caseId: '1234567890',
        vendorRef: 'case-12345678910-2013-c4c1d2bf33c5cf47',
        title: 'Question about my account',
        vendorStatus: 'resolved',
        state: 'resolved',
        severity: 'low',
        createdAt: '2020-03-23T21:31:47.774Z',
      }),
    ]);
  });

  it("files the describe-communications example's reply under that case, by its 11-digit case id", () => {
    const { messageUpdates, problems } = read('cli-example-describe-communications.json');
    expect(problems).toEqual([]);
    expect(messageUpdates).toEqual([
      {
        vendorRef: 'case-12345678910-2013-c4c1d2bf33c5cf47',
        messages: [
          {
            at: '2020-05-12T23:12:35.000Z',
            author: 'Amazon Web Services',
            side: 'vendor',
            text: 'I want to learn more about an AWS service.',
          },
        ],
      },
    ]);
  });
});

describe('aws DescribeCommunications', () => {
  it('groups messages by the long case id for the store to match', () => {
    const { cases, messageUpdates, problems } = read('describe-communications.json');
    expect(cases).toEqual([]);
    expect(messageUpdates).toEqual([
      {
        vendorRef: 'case-123456789012-muen-2026-0a1b2c3d4e5f6a7b',
        messages: [
          {
            at: '2026-11-12T10:00:00.000Z',
            author: 'Amazon Web Services',
            side: 'vendor',
            text: 'We reviewed the event log; the failover waited on a long-running vacuum.',
          },
          {
            at: '2026-11-12T11:30:00.000Z',
            author: 'ops@example.invalid',
            side: 'customer',
            text: 'Thanks — can we tune that?',
          },
        ],
      },
    ]);
    expect(problems).toEqual([{ where: 'communications[2]', reason: 'Expected timeCreated as an ISO timestamp' }]);
  });
});

describe('aws unknown bodies', () => {
  it('fails loudly on a shape it does not know, and does not claim it in detect', () => {
    expect(() => read('unknown.json')).toThrow(/Expected a DescribeCases/);
    expect(aws.api!.detect(loadFixtureJson('aws/unknown.json'), new URL(API))).toBeNull();
    // The support endpoint serves every operation: unknown bodies there are not ours to report.
    expect(aws.api!.urlsAreExclusive).toBe(false);
  });
});
