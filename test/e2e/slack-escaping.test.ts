/**
 * Nothing a member or moderator writes can ping or break layout (rule 8):
 * a listing whose text holds `<!channel>`, `<@U999>` and `&` reaches Slack
 * escaped as `&lt;!channel&gt;`, `&lt;@U999&gt;`, `&amp;` in every mrkdwn
 * text and in the notification text; headers are plain_text, which Slack
 * never parses for mentions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import type { JsonObject } from './fake-slack/index.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  h.fake.workspace.setUser('U0ESCMOD1', { is_admin: true });
});
afterAll(async () => {
  await h?.close();
});

function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (typeof node !== 'object' || node === null) return [];
  const o = node as JsonObject;
  const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
}

describe('Slack escaping of user-written text', () => {
  it('renders <!channel> and <@U999> from a listing as text, never as mentions', async () => {
    const moderator = { id: 'U0ESCMOD1', name: 'mod' };
    const { triggerId } = await h.command('/post', '', { user: moderator });
    const opened = await h.opened(triggerId);
    const posted = await h.submit(
      opened,
      {
        title: 'Cardiology <!channel> Observership',
        type: 'observership',
        specialties: 'cardiology',
        institution: 'Hope & Mercy <@U999> Hospital',
        city: 'Albany',
        state: 'NY',
        contact: 'observers@hope.example.org',
        description: 'Hey <!channel> and <@U999>: rounds <b>daily</b> & clinic, supervised by faculty.',
      },
      moderator,
    );
    expect(posted).toMatchObject({ status: 200, body: '' });
    await h.fake.waitForCall('chat.postEphemeral', 10_000);

    const { responseUrl } = await h.command('/observership', 'cardiology NY');
    const answer = await h.answer(responseUrl);
    const texts = mrkdwnTexts(answer.body.blocks);
    const all = texts.join('\n');
    expect(all).toContain('Cardiology &lt;!channel&gt; Observership');
    expect(all).toContain('Hope &amp; Mercy &lt;@U999&gt; Hospital');
    expect(all).toContain(
      'Hey &lt;!channel&gt; and &lt;@U999&gt;: rounds &lt;b&gt;daily&lt;/b&gt; &amp; clinic',
    );
    for (const t of [...texts, String(answer.body.text)]) {
      expect(t).not.toMatch(/<[!@#]/); // no special token survives anywhere Slack parses mrkdwn
    }
    // Every mrkdwn object is sent verbatim, so Slack does not turn words like @here into mentions either.
    const objects = JSON.stringify(answer.body.blocks).match(/"type":"mrkdwn"/g) ?? [];
    expect(JSON.stringify(answer.body.blocks).match(/"verbatim":true/g)?.length).toBe(objects.length);
    expect(blockTexts(answer.body.blocks as JsonObject[]).length).toBeGreaterThan(0);
  });
});
