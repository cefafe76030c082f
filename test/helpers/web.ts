import type { WebDeps } from '../../src/bots/web/web-deps.ts';
import { parseListingText } from '../../src/runtime/listing-file.ts';
import { RedisWebSessionStore } from '../../src/store/web-sessions.redis-store.ts';
import type { TestApp } from './app.ts';

/** Web adapter deps over a test app: Redis sessions under its prefix, local users amina (member) and mo (moderator). */
export function testWebDeps(app: TestApp, over: Partial<WebDeps> = {}): WebDeps {
  return {
    core: { deps: app.deps, registry: app.registry },
    sessions: new RedisWebSessionStore(app.redis, app.keys),
    secret: 'test-secret-test-secret-test-secret',
    baseUrl: 'http://127.0.0.1',
    localUsers: [
      { name: 'amina', moderator: false },
      { name: 'mo', moderator: true },
    ],
    parseListingFile: parseListingText,
    ...over,
  };
}

/** A tiny cookie-keeping client for `app.request` (Hono's in-process fetch). */
export class WebClient {
  private cookie = '';
  constructor(private readonly request: (path: string, init?: RequestInit) => Response | Promise<Response>) {}

  async get(path: string): Promise<Response> {
    return this.keep(await this.request(path, { headers: { cookie: this.cookie } }));
  }

  async post(path: string, form: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    return this.keep(
      await this.request(path, {
        method: 'POST',
        body,
        headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  /** The CSRF token of a page's first form. */
  static csrfOf(page: string): string {
    return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  }

  /** Signs in locally as `user`; returns the CSRF token of the new session. */
  async signIn(user: string): Promise<string> {
    const login = await (await this.get('/login')).text();
    await this.post('/login/local', { _csrf: WebClient.csrfOf(login), user, next: '/' });
    return WebClient.csrfOf(await (await this.get('/me')).text());
  }

  private keep(res: Response): Response {
    const set = res.headers.get('set-cookie');
    const m = set ? /imgbot_sid=([^;]+)/.exec(set) : null;
    if (m) this.cookie = `imgbot_sid=${m[1]}`;
    return res;
  }
}
