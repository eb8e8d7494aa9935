import { describe, expect, it } from 'vitest';
import { fittingColumns } from '@/components/dashboard/case-table';

const ids = (width: number | null, compact = false) => fittingColumns(width, compact).map((c) => c.id);

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

  it('at 1024 px drops the optional columns from the right until the title has room, never whose move', () => {
    const at1024 = ids(990);
    expect(at1024).toContain('title');
    expect(at1024).toContain('ball');
    expect(at1024).toContain('case');
    expect(at1024).not.toContain('seen');
    expect(at1024).toContain('actions');
    // A common laptop window keeps the Details button.
    expect(ids(1250)).toContain('actions');
    const fixed = fittingColumns(990, false).reduce((sum, c) => sum + (c.width === 'auto' ? 0 : c.width), 0);
    expect(990 - fixed).toBeGreaterThanOrEqual(220);
  });

  it('beside the detail panel keeps vendor, number, title and whose move; the button while it fits', () => {
    expect(ids(900, true)).toEqual(['select', 'vendor', 'case', 'title', 'ball', 'actions']);
    // Narrower, a click on the row opens the details instead.
    expect(ids(600, true)).toEqual(['select', 'vendor', 'case', 'title', 'ball']);
  });
});
