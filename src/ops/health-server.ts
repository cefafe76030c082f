import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ImgbotMetrics } from './metrics.ts';

/** One thing `/readyz` checks (Redis, the Discord gateway, the workers). */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<boolean> | boolean;
}

export interface HealthServerOptions {
  readonly port: number;
  readonly host: string;
  readonly metrics: ImgbotMetrics;
  readonly checks: readonly ReadinessCheck[];
}

export interface HealthServer {
  readonly port: number;
  /** From now on `/readyz` answers 503 (shutting down: stop sending work here). */
  markStopping(): void;
  close(): Promise<void>;
}

// why: a check that hangs (a frozen Redis) must turn readiness false, not hang the probe
const CHECK_TIMEOUT_MS = 1_000;

async function withTimeout(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve(check.check()).catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The operators' HTTP endpoints of one process: `/healthz` (the process is
 * alive and its event loop answers), `/readyz` (every check passes: 200, else
 * 503 with which failed) and `/metrics` (Prometheus text). Bound to loopback
 * unless HEALTH_HOST says otherwise: metrics are for operators only.
 */
export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  let stopping = false;
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok'));
  app.get('/readyz', async (c) => {
    const results = await Promise.all(
      opts.checks.map(async (ch) => [ch.name, await withTimeout(ch)] as const),
    );
    const checks = Object.fromEntries(results);
    const ready = !stopping && results.every(([, ok]) => ok);
    return c.json({ ready, stopping, checks }, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const body = await opts.metrics.text();
    return c.body(body, 200, { 'content-type': opts.metrics.registry.contentType });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    markStopping() {
      stopping = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
