/**
 * The portals a Firefox test talks to: real portal URLs answered from the fixtures in tests/fixtures.
 * One route table serves both ways a request can reach it — request interception on the pages the
 * test opens, and the loopback proxy for everything else (the background page's own fetch) — so a
 * test states once what a portal answers. Unrouted http(s) URLs answer 404: nothing leaves the machine.
 */
export interface PortalRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** How the request reached the routes: intercepted on a page, or through the proxy. */
  via: 'page' | 'proxy';
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Handler = (request: PortalRequest & { parsed: URL }) => Reply;
type Matcher = string | RegExp | ((url: URL) => boolean);

const matches = (m: Matcher, url: URL) =>
  typeof m === 'string' ? url.origin === m : m instanceof RegExp ? m.test(url.href) : m(url);

/** A page's HTML. */
export const html = (body: string, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});

/** JSON as a vendor's API host answers its console: readable cross-origin (CORS). */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const notFound = (): Reply => ({
  status: 404,
  headers: { 'content-type': 'text/plain' },
  body: 'not in the test',
});

export class Router {
  private routes: { match: Matcher; handler: Handler }[] = [];
  /** Every request answered, in order: what a test can assert about who fetched what. */
  readonly log: { url: string; method: string; via: PortalRequest['via']; status: number }[] = [];

  /** Adds a route; the latest route that matches answers (so a test can change a portal's answer). Returns its removal. */
  route(match: Matcher, handler: Handler): () => void {
    const entry = { match, handler };
    this.routes.push(entry);
    return () => void (this.routes = this.routes.filter((r) => r !== entry));
  }

  answer(request: PortalRequest): Reply {
    const parsed = new URL(request.url);
    const route = this.routes.findLast((r) => matches(r.match, parsed));
    let reply: Reply;
    if (!route) reply = notFound();
    else if (request.method === 'OPTIONS') {
      // A CORS preflight: allowed for what the routes serve.
      reply = {
        status: 204,
        headers: {
          'access-control-allow-origin': request.headers.origin ?? '*',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'content-type',
        },
        body: '',
      };
    } else reply = route.handler({ ...request, parsed });
    this.log.push({ url: request.url, method: request.method, via: request.via, status: reply.status });
    return reply;
  }
}
