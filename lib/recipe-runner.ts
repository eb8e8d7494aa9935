/**
 * The content script of recipe portals: asks the background for this origin's recipes, waits for
 * the rows to render, and reports cases — or "layout changed" when a recipe no longer matches.
 */
import { send } from './messages';
import { applyRecipe, recipesForPage } from './recipes';
import { ProviderParseError } from './providers/types';

const RENDER_TIMEOUT_MS = 8_000;
const RECHECK_MS = 300;

export async function runRecipes(): Promise<void> {
  const url = new URL(location.href);
  const recipes = recipesForPage(await send('cs:recipes', {}), url);
  if (recipes.length === 0) return; // A page of the portal that no recipe is about.
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  const attempt = async (): Promise<void> => {
    let lastError: unknown;
    for (const recipe of recipes) {
      try {
        const extraction = applyRecipe(document, url, recipe);
        await send('cs:snapshot', { provider: 'custom', pageUrl: location.href, sourceUrl: location.href, capturedAt: new Date().toISOString(), extraction });
        return;
      } catch (error) {
        lastError = error;
      }
    }
    // Single-page portals render late: only a read that ran out of time is a failure.
    if (Date.now() < deadline) {
      setTimeout(() => void attempt(), RECHECK_MS);
      return;
    }
    const message = lastError instanceof Error ? lastError.message : String(lastError);
    const failure = lastError instanceof ProviderParseError ? lastError.failure : 'layout-changed';
    await send('cs:extract-failed', { provider: 'custom', pageUrl: location.href, failure, message });
  };
  await attempt();
}
