import { defineContentScript } from 'wxt/utils/define-content-script';
import { PARTNER_CENTER } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the console's own scripts: observes the case JSON its front end loads.
export default defineContentScript({
  matches: PARTNER_CENTER.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(PARTNER_CENTER.apiUrlPatterns),
});
