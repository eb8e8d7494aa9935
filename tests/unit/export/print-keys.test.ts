import { describe, expect, it } from 'vitest';
import { printKeys, printPath } from '@/lib/export/print-keys';
import { caseKeyOfAlert } from '@/lib/alerts/staleness';

describe('print page address', () => {
  it('carries any case keys, commas and all, and tells "none listed" from "every case"', () => {
    const keys = ['zendesk:1', 'custom:T-1,2@care.example', 'manual:a&b=c'];
    const path = printPath(keys);
    expect(printKeys(path.slice(path.indexOf('?')))).toEqual(keys);
    expect(printKeys(printPath([]).slice('/print.html'.length))).toEqual([]);
    expect(printPath(null)).toBe('/print.html');
    expect(printKeys('')).toBeNull();
    expect(printKeys('?noprint')).toBeNull();
  });
});

describe('alert ids', () => {
  it('give back their case key, even one holding "|"', () => {
    expect(caseKeyOfAlert('azure:1|vendor-quiet||2026-11-13T10:00:00.000Z')).toBe('azure:1');
    expect(caseKeyOfAlert('custom:T|7@care.example|vendor-clock|resolved|2026-11-13T10:00:00.000Z')).toBe(
      'custom:T|7@care.example',
    );
  });
});
