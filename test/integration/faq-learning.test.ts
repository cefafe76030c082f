import { afterEach, describe, expect, it } from 'vitest';
import { runAction, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 11, 1, 15, 0);

async function ask(question: string, who = 'amina') {
  if (!app) throw new Error('no app');
  return runTextCommand(`/faq ${question}`, app.as(who));
}

/** Every value stored under the test's prefix, as text (strings, hashes, sets, sorted sets). */
async function everything(a: TestApp): Promise<string> {
  const keys = await a.redis.keys(`${a.options.prefix}*`);
  const out: string[] = [];
  for (const key of keys) {
    const type = await a.redis.type(key);
    out.push(key);
    if (type === 'string') out.push((await a.redis.get(key)) ?? '');
    if (type === 'hash') out.push(JSON.stringify(await a.redis.hgetall(key)));
    if (type === 'set') out.push(JSON.stringify(await a.redis.smembers(key)));
    if (type === 'zset') out.push(JSON.stringify(await a.redis.zrange(key, '0', '-1')));
  }
  return out.join('\n');
}

describe('greetings, thanks, off-topic and out-of-scope requests', () => {
  it.each(['hi', 'hello!', 'Hey there'])('GIVEN "%s" THEN a short hello that says what to try', async (q) => {
    app = createTestApp();
    const r = await ask(q);
    expect(r.error).toBe(false);
    expect(r.title).toContain('Hi');
    expect(r.text).toContain('/observership');
    expect(r.text).toContain('/help');
    expect(r.ids).toEqual([]);
  });

  it.each(['thanks!', 'thank you so much', 'thx'])('GIVEN "%s" THEN you are welcome', async (q) => {
    app = createTestApp();
    const r = await ask(q);
    expect(r.title).toBe("You're welcome");
    expect(r.text).toContain('/help');
    expect(r.ids).toEqual([]);
  });

  it('GIVEN an off-topic question THEN the reply says what the bot covers, not only "no answer"', async () => {
    app = createTestApp();
    const r = await ask('what is the capital of France');
    expect(r.ids).toEqual([]);
    expect(r.text).toContain('observerships and externships');
    expect(r.text).toContain('/remind');
  });

  it.each([
    ['write my personal statement', 'a personal statement', 'application-documents'],
    ['fill in my ERAS application for me', 'an application', 'listing-experience-eras'],
    ['write my cover letter', 'a cover letter', 'application-documents'],
    ['can you please draft my CV', 'a CV', 'listing-experience-eras'],
  ])('GIVEN the request "%s" THEN it is declined politely with topics that help', async (q, what, topic) => {
    app = createTestApp();
    const r = await ask(q);
    expect(r.title).toBe("That's not something I can do");
    expect(r.text).toContain(`fill in ${what}`);
    expect(r.ids).toEqual([]); // no neighbouring topic is given as the answer
    expect(r.actions.map((a) => a.payload)).toContain(topic);
  });

  it('GIVEN a question about the same documents THEN it is answered, not declined', async () => {
    app = createTestApp();
    expect((await ask('which documents should I prepare for an externship application')).ids).toEqual([
      'application-documents',
    ]);
    expect((await ask('hi, how long is an externship?')).ids).toEqual(['externship-duration']);
  });
});

describe('topics on USCE, observership length and observership letters', () => {
  it.each([
    ['what is USCE', 'what-counts-as-usce'],
    ['what counts as USCE?', 'what-counts-as-usce'],
    ['how long is an observership', 'observership-duration'],
    ['can I get a letter from an observership', 'observership-letters'],
  ])('GIVEN "%s" THEN the answer is %s', async (q, id) => {
    app = createTestApp();
    const r = await ask(q);
    expect(r.ids).toEqual([id]);
    expect(r.text.length).toBeLessThanOrEqual(1200);
    // Related topics end every answer, shown once: as buttons that open them.
    expect(r.actions.filter((a) => a.action === 'faq.show').length).toBeGreaterThan(0);
  });

  it('GIVEN "how long is an observership" THEN the answer is about observerships, not externship lengths', async () => {
    app = createTestApp();
    const r = await ask('how long is an observership');
    expect(r.text).toContain('2-4 weeks');
    expect(r.text).not.toContain('4-12 weeks');
  });

  it('GIVEN a moderator adds a topic THEN asking its own title finds it', async () => {
    app = createTestApp();
    const saved = await runTextCommand(
      '/faq-edit id:server-rules title:"Rules of this server" answer:"Ask in the community channel and a moderator will help you with this."',
      app.as('mod', { moderator: true }),
    );
    expect(saved.error).toBe(false);
    expect((await ask('Rules of this server')).ids).toEqual(['server-rules']);
    expect((await ask('rules of this server?')).ids).toEqual(['server-rules']);
  });
});

describe('two close topics', () => {
  it('GIVEN a question two topics fit about equally THEN both are offered as buttons, no guess', async () => {
    app = createTestApp();
    const r = await ask('how old can my clinical experience be for eras');
    expect(r.title).toBe('Which of these did you mean?');
    expect(r.ids).toEqual(['usce-recency', 'listing-experience-eras']);
    expect(r.actions.map((a) => [a.action, a.payload])).toEqual([
      ['faq.show', 'usce-recency'],
      ['faq.show', 'listing-experience-eras'],
    ]);
  });
});

describe('/faq-gaps: what the FAQ could not answer', () => {
  it('keeps refused questions without the member, groups them with counts, moderators only', async () => {
    const clock = new FakeClock(START);
    app = createTestApp({ clock });
    await ask('how do I prepare for the visa interview at the embassy', 'amina');
    clock.advance(60_000);
    await ask('visa interview at the embassy tips', 'li');
    clock.advance(60_000);
    await ask('embassy visa interview preparation?', 'omar');
    await ask('what is the capital of France', 'li');
    await ask('how long is an externship', 'li'); // answered: not a gap

    const refused = await runTextCommand('/faq-gaps', app.as('amina'));
    expect(refused.code).toBe('PERMISSION.MODERATOR_ONLY');

    const r = await runTextCommand('/faq-gaps', app.as('mod', { moderator: true }));
    expect(r.error).toBe(false);
    expect(r.fields[0]?.name).toBe('3× "embassy visa interview preparation?"');
    expect(r.fields[1]?.name).toBe('1× "what is the capital of France"');
    expect(r.fields.map((f) => f.name).join('\n')).not.toContain('how long is an externship');
    expect(r.text).toContain('never who asked');

    const stored = await everything(app);
    expect(stored).toContain('embassy visa interview');
    for (const who of ['amina', 'omar', 'shell:li']) expect(stored).not.toContain(who);
  });

  it('turns a gap into a phrasing of its closest topic in one press, and the gap disappears', async () => {
    app = createTestApp();
    const mod = app.as('mod', { moderator: true });
    const q = 'is there a dress code for externs';
    const before = await ask(q);
    expect(before.ids).toEqual([]);
    const gaps = await runTextCommand('/faq-gaps', mod);
    const button = gaps.actions.find((a) => a.action === 'faq.gap-alias');
    expect(button?.payload).toMatch(/^g[0-9a-z]+\.[a-z-]+$/);
    const topic = button?.payload.split('.')[1];

    const member = await runAction('faq.gap-alias', button?.payload ?? '', app.as('amina'));
    expect(member.code).toBe('PERMISSION.MODERATOR_ONLY');
    const done = await runAction('faq.gap-alias', button?.payload ?? '', mod);
    expect(done.error).toBe(false);
    expect(done.title).toBe(`Phrasing added to ${topic}`);

    expect((await ask(q)).ids).toEqual([topic]);
    expect((await runTextCommand('/faq-gaps', mod)).fields).toEqual([]);
    const again = await runAction('faq.gap-alias', button?.payload ?? '', mod);
    expect(again.code).toBe('FAQ.GAP_NOT_FOUND');
  });

  it('turns a gap into a new topic with /faq-edit from_gap, and a dismissed gap is gone too', async () => {
    app = createTestApp();
    const mod = app.as('mod', { moderator: true });
    await ask('where can I park my car near campus');
    await ask('what is the capital of France');
    const gaps = await runTextCommand('/faq-gaps', mod);
    const parking = gaps.ids[gaps.fields.findIndex((f) => f.name.includes('park'))];
    const france = gaps.ids[gaps.fields.findIndex((f) => f.name.includes('France'))];

    const bad = await runTextCommand(
      '/faq-edit id:parking title:"Parking" answer:"Ask the coordinator." from_gap:gzzz',
      mod,
    );
    expect(bad.code).toBe('FAQ.GAP_NOT_FOUND');
    expect(await app.deps.faq.overrides.version('shell:local')).toBe(0);

    const saved = await runTextCommand(
      `/faq-edit id:rotation-parking title:"Where do I park on rotation days?" answer:"Ask your site coordinator for a visitor or student permit before day one." from_gap:${parking}`,
      mod,
    );
    expect(saved.error).toBe(false);
    expect((await ask('where can I park my car near campus')).ids).toEqual(['rotation-parking']);
    const dismissed = await runAction('faq.gap-dismiss', france ?? '', mod);
    expect(dismissed.title).toBe('Question dismissed');
    expect((await runTextCommand('/faq-gaps', mod)).fields).toEqual([]);
  });

  it('keeps a bounded log: the oldest beyond the cap and those past 90 days go', async () => {
    app = createTestApp();
    const store = app.deps.faqFeedback;
    const base = { communityId: 'shell:local', kind: 'refused' as const, closest: [] };
    for (let i = 0; i < 5; i++) {
      await store.addGap({ ...base, text: `question ${i}`, at: START + i }, { max: 3, retentionMs: DAY });
    }
    const kept = (await store.gaps('shell:local', 0)) as { text: string }[];
    expect(kept.map((g) => g.text)).toEqual(['question 4', 'question 3', 'question 2']);
    await store.addGap({ ...base, text: 'much later', at: START + 2 * DAY }, { max: 3, retentionMs: DAY });
    expect(((await store.gaps('shell:local', 0)) as { text: string }[]).map((g) => g.text)).toEqual([
      'much later',
    ]);
  });
});

describe('helpful / not helpful', () => {
  it('counts one vote per member per answer, and moderators see the counts', async () => {
    app = createTestApp();
    const r = await ask('how long is an externship');
    const up = r.actions.find((a) => a.label === 'Helpful');
    const down = r.actions.find((a) => a.label === 'Not helpful');
    expect(up?.payload).toBe('externship-duration.up');
    expect(down?.payload).toBe('externship-duration.down');

    await runAction('faq.vote', 'externship-duration.up', app.as('amina'));
    const twice = await runAction('faq.vote', 'externship-duration.up', app.as('amina'));
    expect(twice.text).toContain('one vote per member');
    await runAction('faq.vote', 'externship-duration.up', app.as('li'));
    await runAction('faq.vote', 'externship-duration.down', app.as('li')); // li changes their mind
    await runAction('faq.vote', 'externship-duration.up', app.as('omar'));

    const modList = await runTextCommand('/faq-list', app.as('mod', { moderator: true }));
    const lines = modList.fields.flatMap((f) => f.value.split('\n'));
    expect(lines).toContain('externship-duration: How long do externships last? (2 helpful, 1 not)');
    const memberList = await runTextCommand('/faq-list', app.as('amina'));
    expect(memberList.fields.flatMap((f) => f.value.split('\n'))).toContain(
      'externship-duration: How long do externships last?',
    );
    const gaps = await runTextCommand('/faq-gaps', app.as('mod', { moderator: true }));
    expect(gaps.fields.at(-1)?.value).toContain('externship-duration: 2 / 1');

    const stored = await everything(app);
    for (const who of ['amina', 'omar', 'shell:li']) expect(stored).not.toContain(who);
  });

  it('refuses a vote on a topic that no longer exists', async () => {
    app = createTestApp();
    const r = await runAction('faq.vote', 'no-such-topic.up', app.as('amina'));
    expect(r.code).toBe('FAQ.NOT_FOUND');
  });
});
