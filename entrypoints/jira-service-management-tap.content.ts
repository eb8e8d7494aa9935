import { defineContentScript } from 'wxt/utils/define-content-script';
import { JIRA_SERVICE_MANAGEMENT } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the portal's own scripts: observes the JSON its front end loads.
export default defineContentScript({
  matches: JIRA_SERVICE_MANAGEMENT.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(JIRA_SERVICE_MANAGEMENT.apiUrlPatterns),
});
