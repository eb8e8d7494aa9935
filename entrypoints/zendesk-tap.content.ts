import { defineContentScript } from 'wxt/utils/define-content-script';
import { ZENDESK } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the page's own scripts: observes the newer request list's requests/search JSON.
export default defineContentScript({
  matches: ZENDESK.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(ZENDESK.apiUrlPatterns),
});
