import { defineContentScript } from 'wxt/utils/define-content-script';
import { partnerCenter } from '@/lib/capture/families/microsoft-partner-center/adapter';
import { runAdapter } from '@/lib/capture/run';

// document_start so that JSON forwarded by the tap early in page load is not missed.
export default defineContentScript({
  matches: partnerCenter.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(partnerCenter, ctx),
});
