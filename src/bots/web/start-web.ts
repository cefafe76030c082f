import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createWebApp } from './web-app.ts';
import type { WebDeps } from './web-deps.ts';

/** A running web server. */
export interface WebServer {
  /** `http://<host>:<port>` it listens on. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the web adapter on `host:port` (port 0 picks a free one). `depsFor`
 * gets the address it listens on, for a default base URL.
 */
export async function serveWeb(
  depsFor: (listeningUrl: string) => WebDeps,
  opts: { port: number; host: string },
): Promise<WebServer> {
  let app: ReturnType<typeof createWebApp> | undefined;
  const { server, info } = await new Promise<{ server: ReturnType<typeof serve>; info: AddressInfo }>(
    (resolve, reject) => {
      const s = serve(
        {
          fetch: (req, env) => (app ? app.fetch(req, env) : new Response('starting', { status: 503 })),
          port: opts.port,
          hostname: opts.host,
        },
        (i) => resolve({ server: s, info: i }),
      );
      s.once('error', reject);
    },
  );
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  const url = `http://${host}:${info.port}`;
  app = createWebApp(depsFor(url));
  return {
    url,
    port: info.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
