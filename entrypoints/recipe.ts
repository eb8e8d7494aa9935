import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runRecipes } from '@/lib/capture/recipe-runner';

// Registered at run time only on origins the user tracks with a recipe (lib/background/tracking.ts).
export default defineUnlistedScript(() => void runRecipes());
