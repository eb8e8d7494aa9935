/**
 * Runs in the page's MAIN world: observes the portal's own fetch/XHR responses whose URL matches a
 * family's API patterns and hands the raw body to our isolated content script. It reads nothing else,
 * changes no request or response, and sends nothing off the page.
 *
 * The bodies go through a private MessageChannel, never window.postMessage, so no listener on the page
 * (a third-party widget included) receives them. The channel is set up at document_start, before any
 * page script runs: whichever of the two scripts starts second completes the handshake (the isolated side
 * says hello, the tap answers with a port), and the isolated side claims the port by acknowledging on it;
 * after that the tap answers no hello. It leaves no global behind.
 * What a hostile page can still observe: that fetch and XMLHttpRequest are wrapped (their identity and
 * toString), and the timing of our extra read of each matching response. Acceptable: the bodies are the
 * page's own API responses, which it can read anyway; nothing of ours or of another origin passes here.
 */

/** Isolated world → tap: "send me your port". */
export const TAP_HELLO = 'caseradar-tap-hello';
/** Tap → isolated world: carries the private port. */
export const TAP_PORT = 'caseradar-tap-port';
/** Bodies larger than this are not forwarded (no portal list comes close). */
export const TAP_MAX_BODY = 8 * 1024 * 1024;
/** Bodies kept while the handshake is still under way (page load); any more are dropped. */
const TAP_MAX_EARLY = 8;

export interface TapMessage {
  url: string;
  status: number;
  body: string;
}

export function installTap(patterns: RegExp[]): void {
  // Taken before any page script can replace them.
  const postToPort = MessagePort.prototype.postMessage;
  const postToWindow = window.postMessage.bind(window);
  const origin = window.location.origin;
  /**
   * The port our side acknowledged. Bodies seen before the acknowledgement wait in `early` and go to
   * that port alone: the handshake's messages arrive tens of milliseconds after both scripts start
   * (measured in Firefox), and a portal's first API answer can come sooner. Dropped, it made a visit
   * read nothing, and a 401 sign-out went unreported.
   */
  let port: MessagePort | null = null;
  let early: TapMessage[] = [];
  const offer = () => {
    const channel = new MessageChannel();
    // Two offers may cross (ours, and the answer to a hello): the one acknowledged is the one used.
    channel.port1.onmessage = (event: MessageEvent) => {
      if ((event.data as { ack?: unknown } | null)?.ack !== true || port) return;
      port = channel.port1;
      window.removeEventListener('message', onHello);
      for (const message of early) postToPort.call(port, message);
      early = [];
    };
    postToWindow({ source: TAP_PORT }, origin, [channel.port2]);
  };
  const onHello = (event: MessageEvent) => {
    if (!port && event.source === window && (event.data as { source?: unknown } | null)?.source === TAP_HELLO) offer();
  };
  window.addEventListener('message', onHello);
  offer();

  const wanted = (url: string) => patterns.some((p) => p.test(url));
  const post = (url: string, status: number, body: string) => {
    if (body.length > TAP_MAX_BODY) return;
    const message: TapMessage = { url, status, body };
    if (port) postToPort.call(port, message);
    else if (early.length < TAP_MAX_EARLY) early.push(message);
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
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
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
