/**
 * HTML → Document in Node, for the extract command and unit tests. happy-dom gives the adapters the same
 * DOM API they get in the browser; JavaScript evaluation stays disabled, so saved pages never run.
 */
import { Window } from 'happy-dom';

export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}
