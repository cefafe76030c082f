import { describe, expect, it } from 'vitest';
import { html, isHttpUrl, textWithLinks } from '../../src/bots/web/html.ts';
import { csrfToken, safeNext, validCsrf } from '../../src/bots/web/security.ts';
import { parseEnv } from '../../src/config/env.ts';

describe('html: every interpolation is escaped', () => {
  it.each<[string, string]>([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["' or `", '&#39; or &#96;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
  ])('GIVEN %j THEN it renders as %j', (text, want) => {
    expect(html`<p title="${text}">${text}</p>`.value).toBe(`<p title="${want}">${want}</p>`);
  });

  it('GIVEN a fragment built with html THEN it is not escaped twice', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>');
  });
});

describe('textWithLinks: only http(s) addresses become links', () => {
  it.each<[string, string]>([
    [
      'apply at https://a.example.org/x.',
      'apply at <a href="https://a.example.org/x" rel="nofollow noopener">https://a.example.org/x</a>.',
    ],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['observers@riverbend.example.org', 'observers@riverbend.example.org'],
    ['<a href="javascript:x">y</a>', '&lt;a href=&quot;javascript:x&quot;&gt;y&lt;/a&gt;'],
    ['line one\nline two', 'line one<br>line two'],
  ])('GIVEN %j THEN %j', (text, want) => {
    expect(textWithLinks(text).value).toBe(want);
  });

  it.each<[string, boolean]>([
    ['https://x.org', true],
    ['http://x.org/a?b=c', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['mailto:a@b.org', false],
  ])('GIVEN %j THEN isHttpUrl is %s', (url, want) => {
    expect(isHttpUrl(url)).toBe(want);
  });
});

describe('safeNext: sign-in only returns to the site', () => {
  it.each<[unknown, string]>([
    ['/c/shell%3Alocal/listings?state=NY', '/c/shell%3Alocal/listings?state=NY'],
    ['/me', '/me'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/ok\r\nSet-Cookie: x', '/'],
    ['javascript:alert(1)', '/'],
    [undefined, '/'],
  ])('GIVEN %j THEN %j', (next, want) => {
    expect(safeNext(next)).toBe(want);
  });
});

describe('CSRF tokens', () => {
  it('GIVEN the token of one session THEN it is refused for another, and a missing one is refused', () => {
    const token = csrfToken('secret-secret-secret-secret-secret', 'sid-a');
    expect(validCsrf('secret-secret-secret-secret-secret', 'sid-a', token)).toBe(true);
    expect(validCsrf('secret-secret-secret-secret-secret', 'sid-b', token)).toBe(false);
    expect(validCsrf('secret-secret-secret-secret-secret', 'sid-a', undefined)).toBe(false);
  });
});

describe('web settings in the environment', () => {
  it.each<[Record<string, string>, string]>([
    [
      { WEB_PORT: 'eighty' },
      'WEB_PORT must be a port number from 0 to 65535 (got "eighty"). Example: WEB_PORT=8080',
    ],
    [{ WEB_BASE_URL: 'ftp://x.org' }, 'WEB_BASE_URL must be an http(s) URL'],
    [{ WEB_HOST: 'bad host' }, 'WEB_HOST must be a host name or IP address to listen on'],
    [{ WEB_SESSION_SECRET: 'short' }, 'WEB_SESSION_SECRET must be at least 32 random characters. Example:'],
  ])('GIVEN %j THEN start-up stops with %j', (vars, message) => {
    const env = parseEnv(vars);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.message).toContain(message);
  });

  it('GIVEN good values THEN they are read (the base URL without a trailing slash)', () => {
    const env = parseEnv({
      WEB_PORT: '8081',
      WEB_HOST: '0.0.0.0',
      WEB_BASE_URL: 'https://imgbot.example.org/',
    });
    expect(env.ok && env.value.WEB_PORT).toBe(8081);
    expect(env.ok && env.value.WEB_BASE_URL).toBe('https://imgbot.example.org');
  });
});
