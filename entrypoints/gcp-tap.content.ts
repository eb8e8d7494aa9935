import { defineContentScript } from 'wxt/utils/define-content-script';
import { GCP } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// Main world, before the console's own scripts: observes the case JSON its front end loads.
export default defineContentScript({
  matches: GCP.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(GCP.apiUrlPatterns),
});
