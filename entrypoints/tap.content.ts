import { defineContentScript } from 'wxt/utils/define-content-script';
import { TAP_MATCHES, tapPatternsFor } from '@/lib/capture/families';
import { installTap } from '@/lib/capture/tap';

// One main-world tap for every family that reads JSON, before the page's own scripts run: it observes
// the JSON the portal's front end loads and hands it to the family's isolated content script.
export default defineContentScript({
  matches: TAP_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installTap(tapPatternsFor(location.href)),
});
