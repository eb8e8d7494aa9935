import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRequest, planFamily } from '../../../scripts/new-family';

const read = (path: string) => readFileSync(path, 'utf8');
const ACME = { id: 'acme-desk', name: 'Acme Desk', domain: 'acmedesk.com' };

describe('npm run new-family', () => {
  it('plans the family folder, its content script, fixtures and test, and nothing else new', () => {
    const plan = planFamily(ACME, read);
    expect(Object.keys(plan.files).sort()).toEqual([
      'entrypoints/acme-desk.content.ts',
      'lib/capture/families/acme-desk/adapter.ts',
      'lib/capture/families/acme-desk/family.ts',
      'tests/fixtures/acme-desk/SOURCES.md',
      'tests/fixtures/acme-desk/example-tickets.json',
      'tests/fixtures/acme-desk/read-at.txt',
      'tests/unit/capture/families/acme-desk.test.ts',
    ]);
    expect(plan.files['lib/capture/families/acme-desk/family.ts']).toContain("id: 'acme-desk' as const");
    expect(plan.files['lib/capture/families/acme-desk/family.ts']).toContain('tenantHosts: /\\.acmedesk\\.com$/');
    expect(plan.files['entrypoints/acme-desk.content.ts']).toContain('runAdapter(acmeDesk, ctx)');
    expect(plan.files['tests/fixtures/acme-desk/read-at.txt']).toMatch(
      /^api https:\/\/northwind\.acmedesk\.com\/api\/tickets$/m,
    );
  });

  it('registers it in the two lists and the README permissions row, leaving the rest as it was', () => {
    const { edits } = planFamily(ACME, read);
    expect(Object.keys(edits).sort()).toEqual(['README.md', 'lib/capture/families/records.ts', 'lib/capture/index.ts']);
    const added = (path: string) => {
      const before = read(path).split('\n');
      return edits[path]!.split('\n').filter((line) => !before.includes(line));
    };
    expect(added('lib/capture/families/records.ts')).toEqual([
      "import { ACME_DESK } from './acme-desk/family';",
      '  ACME_DESK,',
    ]);
    expect(added('lib/capture/index.ts')).toEqual([
      "import { acmeDesk } from './families/acme-desk/adapter';",
      '  acmeDesk,',
    ]);
    expect(added('README.md')).toHaveLength(1);
    expect(added('README.md')[0]).toMatch(
      /^\| content scripts on .*`https:\/\/\*\.acmedesk\.com\/\*` \| read case pages/,
    );
    expect(edits['lib/capture/families/records.ts']!.indexOf('ACME_DESK,')).toBeGreaterThan(
      edits['lib/capture/families/records.ts']!.indexOf('export const FAMILY_RECORDS'),
    );
  });

  it.each([
    [{ ...ACME, id: 'Acme_Desk' }, /kebab-case/],
    [{ ...ACME, id: 'zendesk' }, /taken/],
    [{ ...ACME, id: 'manual' }, /taken/],
    [{ ...ACME, name: '<b>x</b>' }, /Expected a name/],
    [{ ...ACME, domain: 'https://acmedesk.com/' }, /Expected a domain/],
  ])('refuses %j', (req, message) => {
    expect(() => checkRequest(req, existsSync)).toThrow(message);
  });

  it('says which file it could not register the family in', () => {
    expect(() => planFamily(ACME, (p) => (p.endsWith('records.ts') ? '// emptied' : read(p)))).toThrow(
      /Expected "export const FAMILY_RECORDS" in lib\/capture\/families\/records\.ts/,
    );
  });
});
