import { defineContentScript } from 'wxt/utils/define-content-script';
import { FRESHDESK } from '@/lib/providers/families';
import { installTap } from '@/lib/providers/tap';

// Main world, before the portal's own scripts: observes the JSON its front end loads.
export default defineContentScript({
  matches: FRESHDESK.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(FRESHDESK.apiUrlPatterns),
});
