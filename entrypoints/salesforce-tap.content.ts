import { defineContentScript } from 'wxt/utils/define-content-script';
import { SALESFORCE } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the portal's own scripts: observes the REST query JSON its front end loads.
export default defineContentScript({
  matches: SALESFORCE.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(SALESFORCE.apiUrlPatterns),
});
