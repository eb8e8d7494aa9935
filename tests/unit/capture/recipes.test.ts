import { describe, expect, it } from 'vitest';
import { applyRecipe, fieldSelectorFor, guessState, recipesForPage, rowSelectorFor } from '@/lib/capture/recipes';
import { recipeInputSchema } from '@/lib/capture/recipe-schema';
import type { Recipe } from '@/lib/store/db';
import { ProviderParseError } from '@/lib/capture/types';
import { fixtureText } from '../../helpers/fixtures';

const URL_ = new URL('https://care.acme-fibre.example/care/tickets');
const doc = (html = fixtureText('custom/acme-isp-tickets.html')) => new DOMParser().parseFromString(html, 'text/html');

/** What the picker makes when the user clicks the first row, then its cells. */
function pickedRecipe(d: Document) {
  const row = d.querySelector('tbody tr')!;
  const cells = row.querySelectorAll('td');
  return {
    name: 'Acme Fibre',
    rowSelector: rowSelectorFor(row),
    fields: {
      id: fieldSelectorFor(row, cells[0]!.querySelector('a')!),
      title: fieldSelectorFor(row, cells[1]!),
      status: fieldSelectorFor(row, cells[2]!.querySelector('span')!),
      updated: fieldSelectorFor(row, cells[3]!),
      link: '',
    },
  };
}

describe('selectors made from clicks', () => {
  it('match every row like the clicked one, and the same cell in each', () => {
    const d = doc();
    const recipe = pickedRecipe(d);
    expect(recipe.rowSelector).toBe('#ticket-area > table.tickets.striped > tbody > tr.ticket-row');
    expect(d.querySelectorAll(recipe.rowSelector)).toHaveLength(4);
    expect(recipe.fields).toMatchObject({
      id: ':scope > td:nth-child(1) > a:nth-child(1)',
      title: ':scope > td:nth-child(2)',
    });
  });
  it('leave out state and hashed classes (odd/even, css-…)', () => {
    const d = doc('<div id="list"><div class="card css-1x8q2k9 is-active selected">x</div></div>');
    expect(rowSelectorFor(d.querySelector('.card')!)).toBe('#list > div.card');
  });
});

describe('applyRecipe', () => {
  it('reads rows into cases named by host, guesses states from labels, dates only from machine attributes', () => {
    const d = doc();
    const { cases, problems } = applyRecipe(d, URL_, pickedRecipe(d));
    expect(cases.map((c) => [c.caseId, c.vendorStatus, c.state, c.updatedAt, c.url])).toEqual([
      [
        '880112@care.acme-fibre.example',
        'Awaiting your reply',
        'waiting-on-customer',
        '2026-11-19T07:12:00.000Z',
        'https://care.acme-fibre.example/care/tickets/880112',
      ],
      [
        '880087@care.acme-fibre.example',
        'In progress',
        'open',
        '2026-11-17T15:40:00.000Z',
        'https://care.acme-fibre.example/care/tickets/880087',
      ],
      // javascript: link refused: the case points at the list page instead; "last month" is not a date.
      ['880001@care.acme-fibre.example', 'Closed', 'closed', null, 'https://care.acme-fibre.example/care/tickets'],
    ]);
    expect(cases[0]).toMatchObject({
      provider: 'custom',
      vendorName: 'Acme Fibre',
      title: 'Fibre line down at branch office (Lyon) & no dial tone',
    });
    expect(cases[2]!.title).toBe('<script>alert(1)</script> Invoice question');
    expect(problems).toEqual([
      { where: 'row 4', reason: 'Expected a case id at :scope > td:nth-child(1) > a:nth-child(1), found nothing' },
    ]);
  });

  it('says "layout changed" when the rows are gone — never "no cases"', () => {
    const recipe = pickedRecipe(doc());
    const changed = doc('<main id="content"><div class="tickets-grid"><div class="row">#880112</div></div></main>');
    expect(() => applyRecipe(changed, URL_, recipe)).toThrow(ProviderParseError);
    expect(() => applyRecipe(changed, URL_, recipe)).toThrow(/Recipe "Acme Fibre" found no case rows/);
    expect(() => applyRecipe(changed, URL_, { ...recipe, rowSelector: 'tr[' })).toThrow(/invalid row selector/);
  });

  it('keeps unknown labels with state null', () => {
    expect(guessState('Draft')).toBeNull();
    expect(guessState('Gelöst')).toBe('resolved');
    expect(guessState('Wartet auf Ihre Antwort')).toBe('waiting-on-customer');
    expect(guessState('New')).toBe('new');
    expect(guessState('Newsletter')).toBeNull();
  });
});

describe('recipe storage rules', () => {
  it('validates what the picker sends', () => {
    expect(
      recipeInputSchema.safeParse({
        name: 'x',
        pathPrefix: 'care',
        rowSelector: 'tr',
        fields: { id: 'a', title: 'b', status: '', updated: '', link: '' },
      }).success,
    ).toBe(false);
    expect(
      recipeInputSchema.safeParse({
        name: '',
        pathPrefix: '/',
        rowSelector: 'tr',
        fields: { id: 'a', title: 'b', status: '', updated: '', link: '' },
      }).success,
    ).toBe(false);
  });
  it("applies the most specific recipe of the page's origin first", () => {
    const r = (id: string, origin: string, pathPrefix: string) => ({ id, origin, pathPrefix }) as Recipe;
    const all = [
      r('a', 'https://care.acme-fibre.example', '/'),
      r('b', 'https://care.acme-fibre.example', '/care/'),
      r('c', 'https://other.example', '/'),
    ];
    expect(recipesForPage(all, URL_).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
