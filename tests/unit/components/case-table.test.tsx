import { describe, expect, it } from 'vitest';
import { fittingColumns } from '@/components/dashboard/case-table';

const ids = (width: number | null, compact = false) => fittingColumns(width, compact).columns.map((c) => c.id);

describe('dashboard columns by the room there is', () => {
  it('shows every column on a wide screen', () => {
    expect(ids(1600)).toEqual([
      'select',
      'vendor',
      'case',
      'title',
      'state',
      'severity',
      'ball',
      'quiet',
      'updated',
      'seen',
      'actions',
    ]);
  });

  it('at 1024 px drops the optional columns from the right until the title has room, never whose move or quiet', () => {
    expect(ids(990)).toEqual(['select', 'vendor', 'case', 'title', 'ball', 'quiet', 'actions']);
    expect(fittingColumns(990, false).isStacked).toBe(false);
    // A common laptop window loses only when we last read each case.
    expect(ids(1250)).toEqual([
      'select',
      'vendor',
      'case',
      'title',
      'state',
      'severity',
      'ball',
      'quiet',
      'updated',
      'actions',
    ]);
    const fixed = fittingColumns(990, false).columns.reduce((sum, c) => sum + (c.width === 'auto' ? 0 : c.width), 0);
    expect(990 - fixed).toBeGreaterThanOrEqual(220);
  });

  it('beside the detail panel keeps vendor, number, title, whose move and quiet, stacked two lines when narrow', () => {
    expect(ids(900, true)).toEqual(['select', 'vendor', 'case', 'title', 'ball', 'quiet', 'actions']);
    // 1024 px with a case open: the table has about 620 px.
    expect(fittingColumns(620, true)).toMatchObject({ isStacked: true });
    expect(ids(620, true)).toEqual(['select', 'who', 'title', 'move']);
    expect(ids(700, true)).toEqual(['select', 'who', 'title', 'move', 'actions']);
  });
});
