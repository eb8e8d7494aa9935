/**
 * Runs in the page's MAIN world: observes the portal's own fetch/XHR responses whose URL matches a
 * family's API patterns and posts the raw body to our isolated content script. It reads nothing else,
 * changes no request or response, and sends nothing off the page.
 */

export const TAP_SOURCE = 'caseradar-tap';
/** Bodies larger than this are not forwarded (no portal list comes close). */
export const TAP_MAX_BODY = 8 * 1024 * 1024;

export interface TapMessage {
  source: typeof TAP_SOURCE;
  url: string;
  status: number;
  body: string;
}

export function installTap(patterns: RegExp[]): void {
  const w = window as Window & { __caseradarTap?: boolean };
  if (w.__caseradarTap) return;
  w.__caseradarTap = true;
  const wanted = (url: string) => patterns.some((p) => p.test(url));
  const post = (url: string, status: number, body: string) => {
    if (body.length > TAP_MAX_BODY) return;
    const message: TapMessage = { source: TAP_SOURCE, url, status, body };
    window.postMessage(message, window.location.origin);
  };

  const originalFetch = window.fetch;
  window.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
    const response = await originalFetch.apply(this, args);
    try {
      if (wanted(response.url)) {
        response
          .clone()
          .text()
          .then((text) => post(response.url, response.status, text))
          .catch(() => undefined); // The page's own read is unaffected; we just miss this body.
      }
    } catch {
      // Never break the portal's own request.
    }
    return response;
  } as typeof fetch;

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const urls = new WeakMap<XMLHttpRequest, string>();
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    try {
      urls.set(this, new URL(String(url), document.baseURI).href);
    } catch {
      // Unparseable URL: the request proceeds, we ignore it.
    }
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
    const url = urls.get(this);
    if (url && wanted(url)) {
      this.addEventListener('load', () => {
        try {
          const finalUrl = this.responseURL || url;
          if (this.responseType === '' || this.responseType === 'text') post(finalUrl, this.status, this.responseText);
          else if (this.responseType === 'json') post(finalUrl, this.status, JSON.stringify(this.response));
        } catch {
          // Never break the portal's own request.
        }
      });
    }
    return send.apply(this, args);
  };
}
