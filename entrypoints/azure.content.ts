import { defineContentScript } from 'wxt/utils/define-content-script';
import { azure } from '@/lib/capture/families/azure/adapter';
import { runAdapter } from '@/lib/capture/run';

// document_start so that JSON forwarded by the tap early in page load is not missed.
export default defineContentScript({
  matches: azure.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(azure, ctx),
});
