import { defineContentScript } from 'wxt/utils/define-content-script';
import { runAdapter } from '@/lib/capture/run';
import { servicenow } from '@/lib/capture/families/servicenow/adapter';

// document_start so that JSON forwarded by the tap early in page load is not missed. Portals on
// custom domains get this same script registered at run time ("Track this portal").
export default defineContentScript({
  matches: servicenow.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(servicenow, ctx),
});
