import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, buildManifest, manifestJson } from '../../src/bots/slack/manifest.ts';
import { SLACK_BUILTIN_COMMANDS } from '../../src/bots/slack/slack-names.ts';
import { slackManifestCommand } from '../../src/bots/slack/start-slack.ts';
import { createRegistry } from '../../src/core/command-list.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const registry = createRegistry();
const EXAMPLE_URL = 'https://imgbot.example.org';

describe('Slack app manifest, generated from the registry', () => {
  it('GIVEN the committed config/slack-manifest.json THEN it equals the generated HTTP manifest', () => {
    const committed = readFileSync(join(root, 'config/slack-manifest.json'), 'utf8');
    expect(
      committed,
      `regenerate it: npx imgbot slack-manifest --url ${EXAMPLE_URL} > config/slack-manifest.json`,
    ).toBe(manifestJson(registry, { url: EXAMPLE_URL }));
  });

  it('GIVEN the committed config/slack-manifest.socket.json THEN it equals the generated Socket Mode manifest', () => {
    const committed = readFileSync(join(root, 'config/slack-manifest.socket.json'), 'utf8');
    expect(committed, 'regenerate it: npx imgbot slack-manifest > config/slack-manifest.socket.json').toBe(
      manifestJson(registry),
    );
  });

  it('has a slash command for every top-level command except names Slack keeps, plus /imgbot', () => {
    const commands = buildManifest(registry).features.slash_commands.map((c) => c.command);
    const expected = registry
      .topLevelNames()
      .filter((n) => !SLACK_BUILTIN_COMMANDS.has(n))
      .map((n) => `/${n}`);
    expect(commands).toEqual(['/imgbot', ...expected]);
    expect(commands).not.toContain('/remind'); // reached as /imgbot remind
    expect(commands).toContain('/track'); // subcommands: /track add|list|...
    for (const c of buildManifest(registry).features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.should_escape).toBe(true);
      expect(c.description.length).toBeGreaterThan(0);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(1000);
    }
  });

  it('points every request URL at <url>/slack/events in HTTP mode and none in Socket Mode', () => {
    const http = buildManifest(registry, { url: `${EXAMPLE_URL}/` });
    const endpoint = `${EXAMPLE_URL}/slack/events`;
    expect(http.settings).toMatchObject({
      socket_mode_enabled: false,
      interactivity: { is_enabled: true, request_url: endpoint },
      event_subscriptions: { request_url: endpoint },
    });
    expect(http.features.slash_commands.every((c) => c.url === endpoint)).toBe(true);
    expect(http.oauth_config.redirect_urls).toEqual([`${EXAMPLE_URL}/slack/oauth_redirect`]);
    const socket = buildManifest(registry);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(socket.features.app_home.home_tab_enabled).toBe(true);
    expect(socket.features.shortcuts).toEqual([
      expect.objectContaining({
        type: 'message',
        callback_id: 'remind_message',
        name: 'Remind me about this',
      }),
    ]);
  });

  it('asks least privilege: exactly the scopes of the Web API methods the adapter calls', () => {
    // Every Web API call in the adapter, and the bot scope Slack requires for it (none for views.* and getPermalink).
    const SCOPE_OF: Record<string, string | null> = {
      'chat.postMessage': 'chat:write',
      'chat.postEphemeral': 'chat:write',
      'chat.getPermalink': null,
      'users.info': 'users:read',
      'usergroups.users.list': 'usergroups:read',
      'views.open': null,
      'views.update': null,
      'views.publish': null,
    };
    const dir = join(root, 'src/bots/slack');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const called = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(
        /\b(?:api|client)\.([a-z]+(?:\.[a-zA-Z]+)+)\(/g,
      )) {
        called.add(m[1] ?? '');
      }
    }
    for (const method of called) expect(Object.keys(SCOPE_OF), `scope of ${method}`).toContain(method);
    const needed = new Set(
      [...called].map((m) => SCOPE_OF[m]).filter((s): s is string => typeof s === 'string'),
    );
    // commands: slash commands and the shortcut; im:history: the message.im event (questions by DM).
    expect([...BOT_SCOPES].sort()).toEqual([...needed, 'commands', 'im:history'].sort());
    expect(buildManifest(registry).settings.event_subscriptions.bot_events).toContain('message.im');
  });

  it('`imgbot slack-manifest` prints the same JSON and refuses a non-https URL', async () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    await slackManifestCommand({ url: EXAMPLE_URL }, sink);
    expect(out).toBe(manifestJson(registry, { url: EXAMPLE_URL }));
    await expect(slackManifestCommand({ url: 'http://imgbot.example.org' }, sink)).rejects.toThrow(
      /--url must be the public https:\/\/ address/,
    );
  });
});
