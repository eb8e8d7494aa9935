import { defineContentScript } from 'wxt/utils/define-content-script';
import { FRESHDESK } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the portal's own scripts: observes the JSON its front end loads.
export default defineContentScript({
  matches: FRESHDESK.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(FRESHDESK.apiUrlPatterns),
});
