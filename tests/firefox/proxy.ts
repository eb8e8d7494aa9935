/**
 * A loopback HTTPS proxy that answers real portal URLs from the test's routes. Firefox is pointed at
 * it with its own proxy prefs, so every request the browser makes outside a page we intercept — the
 * background page's fetch above all, which request interception does not see — reaches the routes
 * too, and nothing leaves the machine: an unrouted URL gets a 404 from here.
 *
 * HTTPS is terminated here with a throwaway self-signed certificate (made with the openssl command
 * at start-up); the browser is launched with acceptInsecureCerts, so it takes that certificate for
 * any host. Listens on 127.0.0.1 only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import type { Router } from './routes';

export interface PortalProxy {
  port: number;
  close: () => Promise<void>;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** One key and certificate per test process (openssl takes a few milliseconds; no npm package needed). */
function selfSigned(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'caseradar-proxy-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-nodes',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=caseradar-test-proxy',
      ],
      { stdio: 'pipe' },
    );
    certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPortalProxy(router: Router): Promise<PortalProxy> {
  const { key, cert } = selfSigned();
  const answer = async (req: IncomingMessage, res: ServerResponse, url: string) => {
    const reply = await router.answer({
      url,
      method: req.method ?? 'GET',
      headers: req.headers as Record<string, string>,
      body: await readBody(req),
      via: 'proxy',
    });
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  };
  // Requests that arrive inside a CONNECT tunnel carry only a path: the host comes from the tunnel.
  const tunnelled = createServer((req, res) => {
    const host = (req.socket as TLSSocket & { caseradarHost?: string }).caseradarHost ?? req.headers.host;
    void answer(req, res, `https://${host}${req.url}`);
  });
  const sockets = new Set<Socket>();
  const proxy = createServer((req, res) => void answer(req, res, req.url ?? '/'));
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:443$/, '');
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length) socket.unshift(head);
      const tls = new TLSSocket(socket, { isServer: true, key, cert, ALPNProtocols: ['http/1.1'] }) as TLSSocket & {
        caseradarHost?: string;
      };
      tls.caseradarHost = host;
      tls.on('error', () => undefined);
      tunnelled.emit('connection', tls);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}
