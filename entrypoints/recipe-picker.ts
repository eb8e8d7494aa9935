import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPicker } from '@/lib/capture/recipe-picker';

// Injected into the current tab by the popup's "Make a recipe" (activeTab / the origin's grant).
export default defineUnlistedScript(() => startPicker());
