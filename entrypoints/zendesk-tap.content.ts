import { defineContentScript } from 'wxt/utils/define-content-script';
import { ZENDESK } from '@/lib/providers/families';
import { installTap } from '@/lib/providers/tap';

// Main world, before the page's own scripts: observes the newer request list's requests/search JSON.
export default defineContentScript({
  matches: ZENDESK.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(ZENDESK.apiUrlPatterns),
});
