/**
 * Permissions (issue 10): every permission, optional permission, host permission, optional host
 * permission, content-script match pattern and Firefox data-collection permission in the built Chrome
 * and Firefox manifests is listed in README.md's permissions table with a reason. Reads the build
 * output only (CASERADAR_OUT, default .output); starts no browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, process.env.CASERADAR_OUT ?? '.output');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
}

function readManifest(target: 'chrome-mv3' | 'firefox-mv3'): Manifest {
  const file = resolve(OUT, target, 'manifest.json');
  if (!existsSync(file)) {
    const build = target === 'chrome-mv3' ? 'npm run build' : 'npm run build:firefox';
    throw new Error(
      `Expected a built ${target} manifest at ${file}; run ${build} first (CASERADAR_OUT=${process.env.CASERADAR_OUT ?? ''})`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** What a manifest asks for, by kind. */
function requested(m: Manifest): [kind: string, value: string][] {
  const dataCollection = m.browser_specific_settings?.gecko?.data_collection_permissions;
  return [
    ...(m.permissions ?? []).map((v) => ['permission', v] as [string, string]),
    ...(m.optional_permissions ?? []).map((v) => ['optional permission', v] as [string, string]),
    ...(m.host_permissions ?? []).map((v) => ['host permission', v] as [string, string]),
    ...(m.optional_host_permissions ?? []).map((v) => ['optional host permission', v] as [string, string]),
    ...(m.content_scripts ?? [])
      .flatMap((c) => c.matches ?? [])
      .map((v) => ['content script match', v] as [string, string]),
    // "none" declares that nothing is collected: nothing to explain.
    ...[...(dataCollection?.required ?? []), ...(dataCollection?.optional ?? [])]
      .filter((v) => v !== 'none')
      .map((v) => ['data collection permission', v] as [string, string]),
  ];
}

/** Splits a Markdown table row into cells: pipes inside `code spans` or escaped as \| do not split. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

export interface Listed {
  /** The first cell, e.g. "optional host permission `https://…` (requested one origin at a time)". */
  what: string;
  why: string;
}

/**
 * The README's permissions table: the first table under a "Permissions" heading (any level, any case),
 * up to the next heading of the same or a higher level. Returns, per code span in the first column,
 * that row's first cell and its reason (the second cell).
 */
export function readmePermissions(markdown: string): Map<string, Listed> {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#{1,6}\s+permissions\b/i.test(l.trim()));
  if (start < 0) throw new Error('Expected a "Permissions" heading in README.md');
  const level = /^#+/.exec(lines[start]!.trim())![0].length;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}}\\s`).test(l.trim()));
  const section = lines.slice(start + 1, end < 0 ? undefined : end);
  const tableStart = section.findIndex((l) => l.trim().startsWith('|'));
  if (tableStart < 0) throw new Error('Expected a table under the Permissions heading of README.md');
  const rows = section
    .slice(tableStart)
    .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.trim().startsWith('|')));
  if (rows.length < 3 || !/^\|?\s*:?-{3,}/.test(rows[1]!.trim()))
    throw new Error('Expected a header row, a separator row and rows in the Permissions table');
  const listed = new Map<string, Listed>();
  for (const row of rows.slice(2)) {
    const [what = '', why = ''] = splitRow(row);
    for (const m of what.matchAll(/`([^`]+)`/g)) listed.set(m[1]!.trim(), { what, why });
  }
  return listed;
}

/** Listed as what it is: an optional grant in a row that says "optional", a required one in a row that does not. */
function isExplained(kind: string, value: string, listed: Map<string, Listed>): boolean {
  const row = listed.get(value);
  return !!row && /\boptional\b/i.test(row.what) === kind.startsWith('optional');
}

const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

test.describe('the manifests ask for nothing the README does not explain', () => {
  for (const target of ['chrome-mv3', 'firefox-mv3'] as const) {
    test(target, () => {
      const listed = readmePermissions(README);
      const asked = requested(readManifest(target));
      expect(asked.length, 'a manifest that asks for nothing was not read right').toBeGreaterThan(0);
      const unexplained = asked
        .filter(([kind, value]) => !isExplained(kind, value, listed))
        .map(([kind, value]) => `${kind} ${value}`);
      expect(
        unexplained,
        'add these to the Permissions table of README.md with a reason (optional ones in a row saying "optional")',
      ).toEqual([]);
      const noReason = asked
        .filter(([, value]) => (listed.get(value)?.why ?? '').replace(/[^\p{L}]/gu, '').length < 10)
        .map(([, v]) => v);
      expect(noReason, 'these are listed without a reason').toEqual([]);
    });
  }

  test('the README table parser reads cells, code spans and escaped pipes, and finds what is missing', () => {
    const md = [
      '# X',
      '## Permissions',
      '',
      '| permission | why |',
      '|---|---|',
      '| `alarms`, `a\\|b` | runs the sweep on a schedule |',
      '| `x` | |',
      '',
      '## Layout',
      '| `notifications` | not in the section |',
    ].join('\n');
    const listed = readmePermissions(md);
    expect([...listed.keys()]).toEqual(['alarms', 'a|b', 'x']);
    expect(listed.get('alarms')?.why).toBe('runs the sweep on a schedule');
    expect(listed.get('x')?.why).toBe('');
    expect(listed.has('notifications')).toBe(false);
    expect(isExplained('permission', 'alarms', listed)).toBe(true);
    expect(isExplained('optional permission', 'alarms', listed)).toBe(false);
    expect(() => readmePermissions('# No such section')).toThrow(/Permissions/);
    expect(requested({ permissions: ['tabs'], content_scripts: [{ matches: ['https://a.example/*'] }] })).toEqual([
      ['permission', 'tabs'],
      ['content script match', 'https://a.example/*'],
    ]);
  });
});
