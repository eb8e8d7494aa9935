import { defineContentScript } from 'wxt/utils/define-content-script';
import { runAdapter } from '@/lib/capture/run';
import { zendesk } from '@/lib/capture/families/zendesk/adapter';

// document_start so that JSON forwarded by the tap early in page load is not missed.
export default defineContentScript({
  matches: zendesk.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(zendesk, ctx),
});
