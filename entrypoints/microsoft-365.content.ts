import { defineContentScript } from 'wxt/utils/define-content-script';
import { microsoft365 } from '@/lib/capture/families/microsoft-365/adapter';
import { runAdapter } from '@/lib/capture/run';

// The admin center is a hash-routed app: runAdapter re-reads on every in-page navigation.
export default defineContentScript({ matches: microsoft365.matches, main: (ctx) => runAdapter(microsoft365, ctx) });
