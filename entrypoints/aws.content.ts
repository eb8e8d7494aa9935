import { defineContentScript } from 'wxt/utils/define-content-script';
import { aws } from '@/lib/capture/families/aws/adapter';
import { runAdapter } from '@/lib/capture/run';

// document_start so that JSON forwarded by the tap early in page load is not missed.
export default defineContentScript({
  matches: aws.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(aws, ctx),
});
