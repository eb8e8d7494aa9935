import { defineContentScript } from 'wxt/utils/define-content-script';
import { AZURE } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the portal's own scripts: observes its management.azure.com supportTickets calls.
export default defineContentScript({
  matches: AZURE.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(AZURE.apiUrlPatterns),
});
