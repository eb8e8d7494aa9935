import { defineContentScript } from 'wxt/utils/define-content-script';
import { SALESFORCE } from '@/lib/providers/families';
import { installTap } from '@/lib/providers/tap';

// Main world, before the portal's own scripts: observes the REST query JSON its front end loads.
export default defineContentScript({
  matches: SALESFORCE.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(SALESFORCE.apiUrlPatterns),
});
