import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runRecipes } from '@/lib/recipe-runner';

// Registered at run time only on origins the user tracks with a recipe (lib/tracking.ts).
export default defineUnlistedScript(() => void runRecipes());
