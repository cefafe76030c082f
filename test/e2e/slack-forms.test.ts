/**
 * Modals end to end: `/post`, `/suggest` and `/remind` open a form through
 * views.open; the view_submission is validated with the core's own messages
 * (`response_action: errors`, under the inputs they are about) and, when
 * valid, runs the command. Moderators are workspace admins/owners, members
 * of the configured user group, or the operator's configured list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blockTexts, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import { DEFAULT_USER, type FakeActor, type JsonObject } from './fake-slack/index.ts';
import { FUTURE_DEADLINE } from './fake-slack/listings.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ADMIN: FakeActor = { id: 'U0ADMIN01', name: 'rivera' };
const GROUPIE: FakeActor = { id: 'U0GROUP01', name: 'chen' };
const LISTED: FakeActor = { id: 'U0LISTED1', name: 'okafor' };

const VALID_POST = {
  title: 'Nephrology Observership',
  type: 'observership',
  specialties: 'nephrology',
  institution: 'Lakeside General Hospital',
  city: 'Buffalo',
  state: 'NY',
  contact: 'observers@lakeside.example.org',
  description: 'Four weeks of rounds and clinic with the renal team.',
};

function inputsOf(opened: { body: JsonObject }): string[] {
  const view = opened.body.view as { blocks: JsonObject[] };
  return view.blocks.filter((b) => b.type === 'input').map((b) => String(b.block_id));
}

async function start(opts: Parameters<typeof startSlackHarness>[0] = {}) {
  h = await startSlackHarness(opts);
  h.fake.workspace.setUser(ADMIN.id, { is_admin: true });
  return h;
}

async function published(harness: SlackHarness) {
  const { listings } = await harness.app.deps.listings.pending(0, 50);
  const page = await harness.app.deps.listings.search({}, Date.now(), { offset: 0, count: 50 });
  return { pending: listings, published: page.listings };
}

describe('Slack modals: /post, /suggest, /remind', () => {
  it('a member’s /post is refused: the form turns into the core’s refusal and nothing is stored', async () => {
    const harness = await start();
    const { res, triggerId } = await harness.command('/post');
    expect(res.status).toBe(200);
    const opened = await harness.opened(triggerId);
    const updated = await harness.fake.waitForCall('views.update', 10_000);
    expect(updated.body.view_id).toBeDefined();
    expect(blockTexts((updated.body.view as { blocks: JsonObject[] }).blocks).join(' ')).toContain(
      'Only moderators can use /post',
    );
    // Even a forged submission of the form is refused by the core, inside the modal.
    const forged = await harness.submit(opened, VALID_POST);
    expect(forged.json).toMatchObject({
      response_action: 'errors',
      errors: { title: expect.stringContaining('Only moderators can use /post') },
    });
    expect(await published(harness)).toEqual({ pending: [], published: [] });
  });

  it('a moderator’s submission creates the listing; an invalid one gets field errors in the core’s words', async () => {
    const harness = await start();
    const { triggerId } = await harness.command('/post', '', { user: ADMIN });
    const opened = await harness.opened(triggerId);
    expect((opened.body.view as JsonObject).type).toBe('modal');
    // Slack commands have no typed options, so the modal asks every required one, the
    // command's form inputs, the options its example shows, and "More options" for the rest.
    expect(inputsOf(opened)).toEqual([
      'title',
      'type',
      'specialties',
      'institution',
      'city',
      'contact',
      'description',
      'state',
      'duration_weeks',
      'fee_usd',
      'deadline',
      '_more',
    ]);

    const invalid = await harness.submit(
      opened,
      { ...VALID_POST, type: 'sabbatical', city: '', contact: 'call me maybe' },
      ADMIN,
    );
    expect(invalid.status).toBe(200);
    const body = invalid.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.type).toMatch(/Option type of \/post must be one of observership/);
    expect(body.errors.city).toMatch(/\/post needs city/);
    expect(body.errors.contact).toMatch(/contact/i);
    expect(await published(harness)).toEqual({ pending: [], published: [] });

    const ok = await harness.submit(opened, VALID_POST, ADMIN);
    expect(ok).toMatchObject({ status: 200, body: '' }); // an empty ack closes the modal
    const answer = await harness.fake.waitForCall('chat.postEphemeral', 10_000);
    expect(answer.body).toMatchObject({ channel: 'C0GENERAL', user: ADMIN.id });
    expect(blockTexts(answer.body.blocks as JsonObject[]).join(' ')).toContain(
      'Published: Nephrology Observership',
    );
    const { published: live } = await published(harness);
    expect(live.map((l) => [l.title, l.city, l.postedBy])).toEqual([
      ['Nephrology Observership', 'Buffalo', `slack:T0FAKE:${ADMIN.id}`],
    ]);
  });

  it('/post with some options typed opens the modal prefilled, the rest in "More options"', async () => {
    const harness = await start();
    const { triggerId } = await harness.command(
      '/post',
      `title:"Renal Clinic Observership" deadline:${FUTURE_DEADLINE} lor_possible:yes`,
      { user: ADMIN },
    );
    const opened = await harness.opened(triggerId);
    const view = opened.body.view as { blocks: { block_id?: string; element?: JsonObject }[] };
    const elementOf = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
    expect(elementOf('title')?.initial_value).toBe('Renal Clinic Observership');
    expect(elementOf('deadline')?.initial_value).toBe(FUTURE_DEADLINE);
    expect(elementOf('_more')?.initial_value).toBe('lor_possible:yes');

    const badMore = await harness.submit(
      opened,
      { ...VALID_POST, title: 'Renal Clinic', _more: 'lor_possible:maybe' },
      ADMIN,
    );
    expect(badMore.json).toMatchObject({
      response_action: 'errors',
      errors: {
        _more: expect.stringContaining('Option lor_possible of /post must be yes, no or not stated'),
      },
    });

    const { title: _typedTitle, ...rest } = VALID_POST;
    const ok = await harness.submit(opened, rest, ADMIN);
    expect(ok).toMatchObject({ status: 200, body: '' });
    await harness.fake.waitForCall('chat.postEphemeral', 10_000);
    const [listing] = (await published(harness)).published;
    expect(listing).toMatchObject({
      title: 'Renal Clinic Observership',
      deadline: FUTURE_DEADLINE,
      lorPossible: true,
    });
  });

  it('moderators: members of the /setup user group, and the operator’s configured list', async () => {
    const harness = await start({ moderators: { users: [LISTED.id], groups: [] } });
    harness.fake.workspace.setGroup('S0MODS01', [GROUPIE.id]);
    const setup = await harness.command('/setup', 'mod_role:<!subteam^S0MODS01|@mods>', { user: ADMIN });
    expect(
      blockTexts((await harness.answer(setup.responseUrl)).body.blocks as JsonObject[]).join(' '),
    ).toContain('S0MODS01');
    for (const who of [GROUPIE, LISTED]) {
      const { triggerId } = await harness.command('/post', '', { user: who });
      const opened = await harness.opened(triggerId);
      const ok = await harness.submit(opened, { ...VALID_POST, title: `Observership by ${who.name}` }, who);
      expect(ok).toMatchObject({ status: 200, body: '' });
    }
    await expect
      .poll(async () => (await published(harness)).published.map((l) => l.title).sort(), { timeout: 10_000 })
      .toEqual(['Observership by chen', 'Observership by okafor']);
    expect(harness.fake.callsTo('views.update')).toEqual([]); // nobody was refused
  });

  it('/suggest: a member’s valid submission waits in the review queue', async () => {
    const harness = await start();
    const { triggerId } = await harness.command('/suggest');
    const opened = await harness.opened(triggerId);
    const ok = await harness.submit(opened, VALID_POST);
    expect(ok).toMatchObject({ status: 200, body: '' });
    const answer = await harness.fake.waitForCall('chat.postEphemeral', 10_000);
    expect(blockTexts(answer.body.blocks as JsonObject[]).join(' ')).toContain('suggestion received');
    expect((await published(harness)).pending.map((l) => l.title)).toEqual(['Nephrology Observership']);
  });

  it('/remind (as /imgbot remind): the form asks when/what; a time in the past is an inline error', async () => {
    const harness = await start();
    const { triggerId } = await harness.command('/imgbot', 'remind');
    const opened = await harness.opened(triggerId);
    expect(inputsOf(opened)).toEqual(['when', 'what', 'repeat']);
    const past = await harness.submit(opened, { when: 'yesterday 9am', what: 'send CV' });
    expect(past.json).toMatchObject({
      response_action: 'errors',
      errors: { when: expect.stringContaining('points to the past') },
    });
    const missing = await harness.submit(opened, { when: 'tomorrow 9am' });
    expect(missing.json).toMatchObject({ errors: { what: expect.stringContaining('/remind needs what') } });
    expect(await harness.app.deps.reminders.store.listForUser(`slack:T0FAKE:${DEFAULT_USER.id}`)).toEqual([]);

    const ok = await harness.submit(opened, { when: 'in 3 days', what: 'send CV to Dr. Rivera' });
    expect(ok).toMatchObject({ status: 200, body: '' });
    await expect
      .poll(async () =>
        (await harness.app.deps.reminders.store.listForUser(`slack:T0FAKE:${DEFAULT_USER.id}`)).map(
          (r) => r.text,
        ),
      )
      .toEqual(['send CV to Dr. Rivera']);
  });
});
