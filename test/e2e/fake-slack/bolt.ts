/**
 * Helpers to run a REAL Bolt App (default HTTPReceiver) on an ephemeral port
 * against the fake Web API.
 *
 * Typical use:
 *   const fake = await FakeSlack.start();            // must run BEFORE new App():
 *   const app = new App({ ...boltOptions(fake) });   // the constructor already calls auth.test
 *   app.command('/ping', ...);
 *   const bolt = await listen(app);                  // bolt.url -> POST target
 *   ...
 *   await bolt.stop(); await fake.close();
 */
import type { AddressInfo } from 'node:net';
import { type App, type AppOptions, type Logger, LogLevel } from '@slack/bolt';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from './identity.ts';
import type { FakeSlack } from './server.ts';

export interface LogEntry {
  level: LogLevel;
  text: string;
}

/**
 * Logger that keeps entries for assertions. Bolt hands its logger to the
 * WebClient too (it sets clientOptions.logger), so rate-limit and retry notices
 * from @slack/web-api land here as well. Set FAKE_SLACK_LOG=1 to echo them.
 */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  private level: LogLevel = LogLevel.DEBUG;
  private name = 'bolt';

  debug(...msg: unknown[]): void {
    this.push(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.push(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.push(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.push(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }

  /** Entries whose text contains `needle`. */
  find(needle: string, level?: LogLevel): LogEntry[] {
    return this.entries.filter((e) => e.text.includes(needle) && (level === undefined || e.level === level));
  }

  private push(level: LogLevel, msg: unknown[]): void {
    const text = msg.map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : String(m))).join(' ');
    this.entries.push({ level, text });
    if (process.env.FAKE_SLACK_LOG === '1') console.log(`[${this.name}:${level}] ${text}`);
  }
}

/**
 * The Bolt options that wire an App to the fake. Builds a fresh clientOptions
 * object each time: Bolt mutates it (adds `logger`) and shares it with every
 * WebClient it creates, so never reuse one object across Apps.
 */
export function boltOptions(
  fake: FakeSlack,
  overrides: Omit<Partial<AppOptions>, 'logger'> = {},
): AppOptions & { logger: MemoryLogger } {
  const { clientOptions, ...rest } = overrides;
  return {
    signingSecret: FAKE_SIGNING_SECRET,
    token: FAKE_BOT_TOKEN,
    logger: new MemoryLogger(),
    ...rest,
    clientOptions: { slackApiUrl: fake.apiUrl, ...clientOptions },
  };
}

export interface RunningBolt {
  /** Default HTTPReceiver endpoint: POST /slack/events handles commands, actions and events alike. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts the App's HTTPReceiver on 127.0.0.1 with an OS-chosen port.
 * `app.start()` resolves with the node:http Server, whose address() has the port.
 */
export async function listen(app: App): Promise<RunningBolt> {
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // app.stop() -> server.close(), which waits for open keep-alive sockets
      // (fetch/undici keeps them); drop them so the promise settles at once.
      const closing = app.stop();
      server.closeAllConnections();
      await closing;
    },
  };
}
