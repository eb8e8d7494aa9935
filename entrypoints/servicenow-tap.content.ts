import { defineContentScript } from 'wxt/utils/define-content-script';
import { SERVICENOW } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the portal's own scripts: observes the Table API JSON its front end loads.
export default defineContentScript({
  matches: SERVICENOW.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(SERVICENOW.apiUrlPatterns),
});
