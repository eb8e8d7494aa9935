import { defineContentScript } from 'wxt/utils/define-content-script';
import { gcp } from '@/lib/capture/families/gcp/adapter';
import { runAdapter } from '@/lib/capture/run';

// document_start so that JSON forwarded by the tap early in page load is not missed.
export default defineContentScript({
  matches: gcp.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(gcp, ctx),
});
