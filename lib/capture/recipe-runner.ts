/**
 * The content script of recipe portals: the origin's recipes (asked of the background) become one
 * page reader, run by the same runner as every built-in family — waiting for the rows to render,
 * re-reading on navigation and re-renders, and reporting "layout changed" when no recipe matches.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Recipe } from '../store/db';
import { sendFromPage as send } from '../core/send-from-page';
import { runAdapter } from './run';
import type { ProviderAdapter } from './types';
import { applyRecipe, recipesForPage } from './recipes';

/** The recipes of one origin as an adapter: the most specific recipe that reads the page wins. */
export function recipeAdapter(recipes: Recipe[]): ProviderAdapter {
  const rowsRendered = (doc: Document, r: Recipe) => {
    try {
      return doc.querySelector(r.rowSelector) !== null;
    } catch {
      return true; // An invalid selector will not get better by waiting: let extract report it.
    }
  };
  return {
    id: 'custom',
    matches: [],
    page: {
      detect: (_doc, url) => (recipesForPage(recipes, url).length ? 'list' : null),
      isReady: (doc, url) => recipesForPage(recipes, url).some((r) => rowsRendered(doc, r)),
      extract(doc, url) {
        let lastError: unknown;
        for (const recipe of recipesForPage(recipes, url)) {
          try {
            return applyRecipe(doc, url, recipe);
          } catch (error) {
            lastError = error;
          }
        }
        throw lastError;
      },
    },
  };
}

export async function runRecipes(): Promise<void> {
  const recipes = await send('cs:recipes', {});
  runAdapter(recipeAdapter(recipes), new ContentScriptContext('recipe'));
}
