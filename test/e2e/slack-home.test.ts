/**
 * The App Home tab, published with views.publish when a member opens it
 * (app_home_opened): their next reminders, tracked applications and commands
 * to try; moderators also see the review queue and its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { blockTexts, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import {
  appHomeOpenedBody,
  type FakeCall,
  homeBlockActionsBody,
  type JsonObject,
} from './fake-slack/index.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  h.fake.workspace.setUser('U0HOMEMOD', { is_owner: true });
});
afterAll(async () => {
  await h?.close();
});

async function openHome(user: string): Promise<string> {
  const res = await h.post(appHomeOpenedBody({ user }));
  expect(res).toMatchObject({ status: 200, body: '' });
  const published: FakeCall = await h.fake.waitForCall(
    (c) => c.method === 'views.publish' && c.body.user_id === user,
    10_000,
  );
  const view = published.body.view as { type: string; blocks: JsonObject[] };
  expect(view.type).toBe('home');
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  return blockTexts(view.blocks).join('\n');
}

describe('Slack App Home', () => {
  it('shows the member’s next reminders, tracked applications and commands to try', async () => {
    const member = { id: 'U0HOMEMEM', name: 'lina' };
    const remind = await h.command('/imgbot', 'remind when:"in 4 days" what:"ask Dr. Chen for a letter"', {
      user: member,
    });
    await h.answer(remind.responseUrl);
    const track = await h.command('/track', 'add program:"Lakeside General IM Externship" status:applied', {
      user: member,
    });
    await h.answer(track.responseUrl);

    const home = await openHome(member.id);
    expect(home).toContain('Your next reminders');
    expect(home).toContain('ask Dr. Chen for a letter');
    expect(home).toContain('Your applications');
    expect(home).toContain('Lakeside General IM Externship');
    expect(home).toContain('Commands to try');
    expect(home).toContain('`/observership`');
    expect(home).toContain('`/imgbot remind`'); // Slack keeps /remind for itself
    expect(home).not.toContain('Review queue');
    expect(home).not.toContain('/post'); // moderator commands are not offered to members
  });

  it('moderators also see the review queue size', async () => {
    const suggester = h.app.as('suggester');
    const suggested = await runTextCommand(
      '/suggest title:"Pulmonology Observership" type:observership specialties:pulmonology institution:"Harbor Point Hospital" city:Erie state:PA contact:observers@harbor.example.org description:"Clinic and rounds, supervised by faculty."',
      suggester,
    );
    expect(suggested.error).toBe(false);
    const home = await openHome('U0HOMEMOD');
    expect(home).toContain('Review queue');
    expect(home).toContain('1 pending listing, 0 open reports');
    expect(home).toContain('Pulmonology Observership');
  });

  it('a moderator approves from the Home tab: the listing goes live, the answer comes by DM, the tab refreshes', async () => {
    const home = await h.fake.waitForCall(
      (c) => c.method === 'views.publish' && c.body.user_id === 'U0HOMEMOD',
    );
    const view = home.body.view as { blocks: JsonObject[] };
    const approve = view.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as JsonObject[])
      .find((e) => (e.text as JsonObject).text === 'Approve 1');
    expect(approve).toBeDefined();
    const publishedBefore = h.fake.callsTo('views.publish').length;
    const res = await h.post(
      homeBlockActionsBody({
        actions: [{ action_id: String(approve?.action_id), value: String(approve?.value) }],
        user: { id: 'U0HOMEMOD', name: 'owner' },
      }),
    );
    expect(res.status).toBe(200);
    const dm = await h.fake.waitForCall(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'U0HOMEMOD',
      10_000,
    );
    expect(blockTexts(dm.body.blocks as JsonObject[]).join(' ')).toMatch(/Pulmonology Observership/);
    const refreshed = await h.fake.waitForCall('views.publish', 10_000, publishedBefore + 1);
    expect(blockTexts((refreshed.body.view as { blocks: JsonObject[] }).blocks).join('\n')).toContain(
      'Nothing to review',
    );
    const live = await h.app.deps.listings.search({}, Date.now(), { offset: 0, count: 10 });
    expect(live.listings.map((l) => l.title)).toEqual(['Pulmonology Observership']);
  });

  it('ignores the Messages tab (nothing to publish there)', async () => {
    const res = await h.post(appHomeOpenedBody({ user: 'U0HOMEMSG', tab: 'messages' }));
    expect(res.status).toBe(200);
    await openHome('U0HOMESEN'); // a later Home open is published, so the Messages one was handled
    expect(
      h.fake.calls.filter((c) => c.method === 'views.publish' && c.body.user_id === 'U0HOMEMSG'),
    ).toEqual([]);
  });
});
