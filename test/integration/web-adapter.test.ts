import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/bots/web/web-app.ts';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { listingCells, seedListings, T0 } from '../helpers/listing-fixtures.ts';
import { testWebDeps, WebClient } from '../helpers/web.ts';

let app: TestApp;
let web: ReturnType<typeof createWebApp>;
let client: WebClient;

beforeEach(() => {
  app = createTestApp({ clock: new FakeClock(T0) });
  web = createWebApp(testWebDeps(app));
  client = new WebClient((path, init) => web.request(path, init));
});
afterEach(() => app.dispose());

describe('web adapter over the core', () => {
  it('GIVEN a stranger THEN the board asks to sign in, and after local sign-in it lists the listings', async () => {
    await seedListings(app, [listingCells()]);
    const anon = await client.get('/c/shell:local/listings');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/login?next=%2Fc%2Fshell%3Alocal%2Flistings');
    await client.signIn('amina');
    const board = await (await client.get('/c/shell:local/listings?specialty=cardiology&state=NY')).text();
    expect(board).toContain('Cardiology Observership');
    expect(board).toContain('href="/c/shell%3Alocal/listings/obs-cardio-ny-01"');
  });

  it('GIVEN the session cookie THEN it is HttpOnly and SameSite=Lax, and Secure only behind https', async () => {
    const res = await client.get('/');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
    const secure = createWebApp(testWebDeps(app, { baseUrl: 'https://imgbot.example.org' }));
    expect((await secure.request('/')).headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('GIVEN a POST without a valid CSRF token THEN it is refused with 403 and nothing changes', async () => {
    await client.signIn('mo');
    const res = await client.post('/run', { command: 'setup', 'o.public_board': 'on', _csrf: 'forged' });
    expect(res.status).toBe(403);
    expect((await app.deps.userSettings.getCommunity('shell:local')).publicBoard).toBeUndefined();
  });

  it('GIVEN next= pointing elsewhere THEN sign-in stays on the site', async () => {
    for (const next of ['https://evil.example', '//evil.example/x', '/\\evil.example']) {
      const login = await (await client.get('/login')).text();
      const res = await client.post('/login/local', { _csrf: WebClient.csrfOf(login), user: 'amina', next });
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('GIVEN a member THEN every moderator page is 403; a stranger is sent to sign in', async () => {
    const stranger = await client.get('/mod/review');
    expect(stranger.status).toBe(303);
    const csrf = await client.signIn('amina');
    for (const path of ['/mod', '/mod/review', '/mod/listings', '/mod/import', '/mod/export', '/mod/audit']) {
      expect((await client.get(path)).status, path).toBe(403);
    }
    expect((await client.post('/mod/review', { _csrf: csrf, ids: 'x', decision: 'approve' })).status).toBe(
      403,
    );
  });

  it('GIVEN public_board on THEN a stranger reads the board without signing in', async () => {
    await seedListings(app, [listingCells()]);
    const csrf = await client.signIn('mo');
    await client.post('/run', { _csrf: csrf, command: 'setup', 'o.public_board': 'on', back: '/' });
    const stranger = new WebClient((path, init) => web.request(path, init));
    const board = await stranger.get('/c/shell:local/listings');
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('Cardiology Observership');
  });

  it('GIVEN listing text with markup THEN it shows as text and only http(s) contacts are links', async () => {
    await seedListings(app, [
      listingCells({
        title: 'Evil <script>alert(1)</script>',
        description: '<img src=x onerror=alert(1)> see javascript:alert(1) or https://ok.example.org/apply',
      }),
    ]);
    await client.signIn('amina');
    const page = await (await client.get('/c/shell:local/listings/obs-cardio-ny-01')).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/href="javascript:/);
    expect(page).toContain('href="https://ok.example.org/apply"');
    expect(page).toContain('observers@riverbend.example.org');
    expect(page).not.toContain('href="mailto:');
  });

  it('GIVEN a moderator THEN verify and withdraw from the listings table act through the core and show in the audit log', async () => {
    await seedListings(app, [listingCells()]);
    const csrf = await client.signIn('mo');
    const table = await (await client.get('/mod/listings')).text();
    expect(table).toContain('obs-cardio-ny-01');
    expect(table).toContain('never');
    const verified = await client.post('/run', {
      _csrf: csrf,
      command: 'verify',
      'o.id': 'obs-cardio-ny-01',
      back: '/mod/listings',
    });
    expect(verified.status).toBe(200);
    expect((await app.deps.listings.get('obs-cardio-ny-01'))?.verifiedAt).toBe(T0);
    const withdrawn = await client.post('/run', {
      _csrf: csrf,
      command: 'withdraw',
      'o.id': 'obs-cardio-ny-01',
      'o.reason': 'program closed for 2027',
      back: '/mod/listings',
    });
    expect(withdrawn.status).toBe(200);
    expect((await app.deps.listings.get('obs-cardio-ny-01'))?.status).toBe('withdrawn');
    const audit = await (await client.get('/mod/audit')).text();
    expect(audit).toContain('listing.withdraw obs-cardio-ny-01');
    expect(audit).toContain('Mon 4 Jan 2027, 12:00');
  });

  it('GIVEN a moderator THEN export downloads every listing as CSV or JSON', async () => {
    await seedListings(app, [listingCells(), listingCells({ id: 'obs-2', title: 'Second' })]);
    await client.signIn('mo');
    const csv = await client.get('/mod/export?format=csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="listings.csv"');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]?.startsWith('id,title,type')).toBe(true);
    expect(lines).toHaveLength(3);
    const json = (await (await client.get('/mod/export?format=json')).json()) as { id: string }[];
    expect(json.map((r) => r.id).sort()).toEqual(['obs-2', 'obs-cardio-ny-01']);
  });

  it('GIVEN a member THEN snooze, quiet hours and /mydata export work from My page', async () => {
    const set = await runTextCommand('/remind when:"in 3 days" what:"send the CV"', app.as('amina'));
    const id = set.ids[0] ?? '';
    const csrf = await client.signIn('amina');
    const snoozed = await client.post('/act', {
      _csrf: csrf,
      action: 'reminder.snooze-1h',
      payload: id,
      back: '/me',
    });
    expect(await snoozed.text()).toContain('I will remind you again at');
    const quiet = await client.post('/run', {
      _csrf: csrf,
      command: 'quiet-hours',
      'o.from': '22:00',
      'o.to': '07:00',
      back: '/me',
    });
    expect(quiet.status).toBe(200);
    expect((await app.deps.userSettings.getUser('shell:amina')).quietHours).toEqual({
      from: { hour: 22, minute: 0 },
      to: { hour: 7, minute: 0 },
    });
    const data = await client.post('/run', { _csrf: csrf, command: 'mydata export', back: '/me' });
    expect(data.headers.get('content-disposition')).toMatch(/^attachment; filename="imgbot-my-data\.json"$/);
    expect(await data.text()).toContain('send the CV');
  });

  it('GIVEN ten sign-in attempts from one address THEN the eleventh is refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const login = await (await client.get('/login')).text();
      const res = await client.post('/login/local', {
        _csrf: WebClient.csrfOf(login),
        user: 'nobody',
        next: '/',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });

  it('GIVEN a trusted proxy THEN each forwarded address has its own sign-in limit', async () => {
    const proxied = createWebApp(testWebDeps(app, { trustProxy: true }));
    const attempt = async (from: string) => {
      const c = new WebClient((path, init) =>
        proxied.request(path, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), 'x-forwarded-for': from },
        }),
      );
      const login = await (await c.get('/login')).text();
      return (await c.post('/login/local', { _csrf: WebClient.csrfOf(login), user: 'nobody', next: '/' }))
        .status;
    };
    for (let i = 0; i < 10; i++) await attempt('203.0.113.7');
    expect(await attempt('203.0.113.7')).toBe(429);
    expect(await attempt('198.51.100.2')).toBe(400);
  });
});
