/**
 * /mydata export and /mydata delete on real Redis and BullMQ: the export holds
 * everything stored about the member; after the confirmed delete, a SCAN of the
 * whole key prefix (and BullMQ's) finds nothing that names the member or any
 * of their reminders, entries or jobs, while another member's data is intact.
 */
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberDataExport } from '../../src/core/account/member-data.ts';
import { deleteConfirmation } from '../../src/core/account/mydata.command.ts';
import { runAction, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { queuePrefix } from '../../src/jobs/queue-prefix.ts';
import {
  DMS_CLOSED,
  eventually,
  type Harness,
  localDate,
  reminderHarness,
  testListing,
} from './reminder-harness.ts';

const NY = 'America/New_York';
let h: Harness;
beforeEach(() => {
  h = reminderHarness();
});
afterEach(async () => {
  await h.close();
});

async function ok(name: string, line: string, moderator = name === 'mod') {
  const r = await h.run(name, line, { moderator });
  expect(r.error, `${line}: ${r.text}`).toBe(false);
  return r;
}

/** Every key under a pattern, by SCAN. */
async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

/** A key's contents as text, whatever its type (streams too: the audit log and BullMQ's job events). */
async function contentOf(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  if (type === 'stream') return JSON.stringify(await redis.xrange(key, '-', '+'));
  if (type === 'string') return (await redis.get(key)) ?? '';
  if (type === 'hash') return JSON.stringify(await redis.hgetall(key));
  if (type === 'set') return JSON.stringify(await redis.smembers(key));
  if (type === 'zset') return JSON.stringify(await redis.zrange(key, '0', '-1'));
  if (type === 'list') return JSON.stringify(await redis.lrange(key, 0, -1));
  return '';
}

/** Everything in Redis under the app's prefix and its queue prefix that mentions one of `needles`. */
async function mentions(needles: readonly string[]): Promise<string[]> {
  const { redis, keys } = h.app;
  const all = [
    ...(await scanKeys(redis, `${keys.prefix}*`)),
    ...(await scanKeys(redis, `${queuePrefix(keys.prefix)}*`)),
  ];
  const found: string[] = [];
  for (const key of all) {
    const text = `${key}\n${await contentOf(redis, key)}`;
    for (const n of needles) if (text.includes(n)) found.push(`${key} mentions ${n}`);
  }
  return found;
}

/** The options of a /suggest or /post of a clean listing (different institutions, so no duplicates). */
function listingOptions(title: string, institution: string, days: number): string {
  return (
    `title:"${title} observership" type:observership specialties:IM institution:"${institution}" ` +
    `city:Paterson state:NJ deadline:${localDate(Date.now(), NY, days)} fee_usd:0 ` +
    `contact:https://${institution.split(' ')[0]?.toLowerCase()}.example.org/observers description:"Rounds with the team."`
  );
}

/** Gives ana (and bob) a bit of everything: settings, reminders of each kind and state, jobs, tracker. */
async function populate(): Promise<void> {
  await h.app.deps.listings.save(testListing('mercy-im', localDate(Date.now(), NY, 30), Date.now()));
  await h.app.deps.userSettings.updateCommunity('shell:local', { notifyUndeliverableInChannel: true });
  await ok('ana', '/timezone zone:Lagos');
  await ok('ana', '/quiet-hours from:23:00 to:06:00');
  await ok('ana', '/remind when:"in 3 days" what:"email Dr. Rivera"');
  await ok('ana', '/remind when:"next Friday 9am" what:"update CV" repeat:weekly');
  await ok('ana', '/deadline-reminders id:mercy-im');
  await ok('ana', `/track add program:"Mercy IM" status:applied contacted:${localDate(Date.now(), NY, -1)}`);
  const entry = await ok('ana', '/track add program:mercy-im status:accepted');
  await ok('ana', `/track note id:${entry.ids[0]} text:"asked for Step 2 CK"`);
  // What a member and a moderator leave in moderation records: a report, a suggestion, a post,
  // an approval, a verification that closes reports, a FAQ change, the community setup.
  await h.app.deps.listings.save(testListing('other-im', localDate(Date.now(), NY, 40), Date.now()));
  await ok('ana', '/report id:mercy-im reason:"the application page is gone"');
  await ok('bob', '/report id:other-im reason:"wrong fee"');
  await ok('ana', `/suggest ${listingOptions('Ana suggests', 'Anaville Clinic', 50)}`);
  const bobs = await ok('bob', `/suggest ${listingOptions('Bob suggests', 'Bobtown Hospital', 55)}`);
  await ok('mod', `/approve id:${bobs.ids[0]}`);
  await ok('ana', `/post ${listingOptions('Ana posts', 'Anaford Center', 60)}`, true);
  const suggestion = (await h.app.deps.listings.pending(0, 10)).listings.find(
    (l) => l.postedBy === 'shell:ana',
  );
  await ok('ana', `/approve id:${suggestion?.id}`, true);
  await ok('ana', '/verify id:other-im', true);
  await ok('ana', '/faq-edit id:visa-constraints title:"Visa limits?" answer:"Ask the embassy first."', true);
  await ok('ana', '/setup announce_channel:general', true);
  await ok('bob', '/remind when:"in 2 days" what:"bob stays"');
  await ok('bob', '/deadline-reminders id:mercy-im');
  await ok('bob', '/track add program:"Bob program" status:applied');
  // A delivered reminder, then a permanently failed one: a kept failed job, a channel notice counter.
  await h.app.deps.userSettings.updateUser('shell:ana', {
    lastChannel: 'shell:general',
    quietHours: undefined,
  });
  await h.startWorker();
  await ok('ana', '/remind when:"in 1 second" what:"delivered one"');
  await eventually(() => expect(h.notifier.to('shell:ana')).toHaveLength(1));
  h.notifier.failAlways(DMS_CLOSED);
  await ok('ana', '/remind when:"in 1 second" what:"fails"');
  await eventually(async () => expect(await h.app.reminderScheduler.queue.getFailed()).toHaveLength(1));
  h.notifier.failAlways(undefined);
  // Alerts, and a listing announced to them: bob is told by DM; ana (DMs closed now) is skipped.
  await ok('ana', '/alert add observership IM NY');
  await ok('bob', '/alert add observership IM');
  await h.app.deps.alerts.queue.enqueue(['mercy-im']);
  await eventually(async () => {
    expect((await h.app.deps.alerts.ledger.state('mercy-im')).alertsDone).toBe(true);
    expect(
      h.notifier.to('shell:bob').filter((s) => s.message.text.startsWith('New listing for')),
    ).toHaveLength(1);
    const anas = await h.app.deps.reminders.store.listForUser('shell:ana');
    expect(anas.filter((r) => r.kind === 'notice')).toEqual([]);
  });
  await ok('ana', '/quiet-hours from:23:00 to:06:00'); // cleared above so the test reminders arrive
}

describe('/mydata', () => {
  it('exports everything as a JSON attachment, then deletes every key and job of the member only', async () => {
    await populate();
    const exported = await ok('ana', '/mydata export');
    expect(exported.attachment).toMatchObject({ name: 'imgbot-my-data.json', mime: 'application/json' });
    const data = JSON.parse(exported.attachment!.content) as MemberDataExport;
    expect(data.userId).toBe('shell:ana');
    expect(data.settings).toMatchObject({ zone: 'Africa/Lagos', lastChannel: 'shell:general' });
    expect(data.settings.undeliverable?.reason).toMatch(/^50007/);
    expect(data.reminders.map((r) => r.kind).sort()).toEqual(
      ['custom', 'custom', 'custom', 'custom', 'deadline', 'deadline', 'deadline', 'follow-up'].sort(),
    );
    expect(data.deadlineSubscriptions).toEqual({ 'mercy-im': 'shell:local' });
    expect(data.tracker.map((e) => e.program)).toEqual([
      'Mercy IM',
      'Internal Medicine Observership mercy-im',
    ]);
    expect(data.tracker[1]?.notes.map((n) => n.text)).toEqual(['asked for Step 2 CK']);
    expect(data.alerts.map((a) => [a.communityId, a.filters])).toEqual([
      ['shell:local', { type: 'observership', specialty: 'internal-medicine', state: 'NY' }],
    ]);
    expect(data.settings.quietHours).toEqual({ from: { hour: 23, minute: 0 }, to: { hour: 6, minute: 0 } });
    expect(data.listings.map((l) => [l.title, l.parts])).toEqual([
      ['Ana suggests observership', ['suggested', 'reviewed']],
      ['Ana posts observership', ['posted']],
    ]);
    expect(data.reports.map((r) => [r.listingId, r.reporterId, r.resolved?.by ?? null])).toEqual([
      ['mercy-im', 'shell:ana', null],
      ['other-im', 'shell:bob', 'shell:ana'],
    ]);
    expect(data.audit.map((e) => e.action).sort()).toEqual(
      ['community.setup', 'faq.edit', 'listing.approve', 'listing.post', 'listing.verify'].sort(),
    );
    expect(exported.text).toMatch(
      /2 listings you suggested, posted or decided on, 2 reports, 5 audit-log entries/,
    );

    const needles = [
      'shell:ana',
      ...data.reminders.map((r) => r.id),
      ...data.tracker.map((e) => e.id),
      ...data.alerts.map((a) => a.id),
    ];
    const before = await mentions(needles);
    expect(before.length).toBeGreaterThan(10); // the check below can see them
    // ...in BullMQ's job-event stream too, which named her reminder jobs.
    expect(before.some((m) => m.includes(':reminders:events mentions'))).toBe(true);
    expect(await h.app.reminderScheduler.queue.getJobSchedulers()).toHaveLength(1);

    const ask = await ok('ana', '/mydata delete');
    expect(ask.text).toMatch(/It cannot be undone\. Export first with \/mydata export/);
    expect(await mentions(['shell:ana'])).not.toEqual([]); // asking deletes nothing
    const [button] = ask.actions;
    const done = await h.press('ana', button!.action, button!.payload);
    expect(done.title).toBe('Your data is deleted');
    expect(done.text).toMatch(/^Removed 8 reminders, 2 tracker entries/);
    expect(done.text).toMatch(
      /10 moderation records \(listings, reports, audit entries, FAQ changes\) no longer name you/,
    );

    expect(await mentions(needles)).toEqual([]);
    // Moderators keep the content, without the member's id.
    const reports = await h.app.deps.listings.openReports(0, 10);
    expect(reports.reports.map((r) => [r.reason, r.reporterId])).toEqual([
      ['the application page is gone', 'deleted-member'],
    ]);
    const audit = await h.app.deps.audit.list('shell:local', { limit: 50 });
    expect(
      audit
        .filter((e) => e.actorId === 'deleted-member')
        .map((e) => e.action)
        .sort(),
    ).toEqual(['community.setup', 'faq.edit', 'listing.approve', 'listing.post', 'listing.verify'].sort());
    const posted = (await h.app.deps.listings.list(0, 50)).filter((l) => l.postedBy === 'deleted-member');
    expect(posted.map((l) => [l.title, l.status, l.review?.by ?? null])).toEqual([
      ['Ana suggests observership', 'published', 'deleted-member'],
      ['Ana posts observership', 'published', null],
    ]);
    expect(await h.app.reminderScheduler.queue.getJobSchedulers()).toEqual([]);
    const jobs = await h.app.reminderScheduler.queue.getJobs([
      'delayed',
      'wait',
      'active',
      'failed',
      'completed',
    ]);
    expect(jobs.filter((j) => needles.includes(j.data.r))).toEqual([]);
    expect((await h.run('ana', '/reminders')).text).toMatch(/^You have no pending reminders/);
    expect((await h.run('ana', '/timezone')).text).toMatch(/^America\/New_York \(the community default/);
    expect((await h.run('ana', '/alerts')).text).toMatch(/^You have no alerts\./);
    expect(await h.app.deps.alerts.store.candidates('shell:local', 'observership')).toHaveLength(1);

    // Bob is untouched.
    const bobs = (await h.run('bob', '/reminders')).records.map((r) => r.title);
    expect(bobs).toHaveLength(5); // his reminder, 3 deadline steps, 1 follow-up
    expect(bobs).toContain('bob stays');
    expect(await h.app.deps.tracker.list('shell:bob')).toHaveLength(1);
    expect(await h.app.deps.reminders.store.deadlineSubscribers('mercy-im')).toEqual(['shell:bob']);
    expect((await h.app.deps.alerts.store.listForUser('shell:bob')).map((a) => a.filters)).toEqual([
      { type: 'observership', specialty: 'internal-medicine' },
    ]);
  });

  it('GIVEN three rounds of delete in one day THEN at most 10 reports and 3 suggestions are accepted', async () => {
    await h.app.deps.listings.save(testListing('mercy-im', localDate(Date.now(), NY, 30), Date.now()));
    let reports = 0;
    let suggestions = 0;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 11; i++) {
        const r = await h.run('ana', `/report id:mercy-im reason:"closed, round ${round} try ${i}"`);
        if (!r.error) reports++;
        else expect(r.code).toBe('REPORT.RATE_LIMITED');
      }
      for (let i = 0; i < 4; i++) {
        const r = await h.run(
          'ana',
          `/suggest ${listingOptions(`Round ${round} try ${i}`, `Clinic${round}x${i} Hospital`, 50)}`,
        );
        if (!r.error) suggestions++;
        else expect(r.code).toBe('SUGGEST.RATE_LIMITED');
      }
      const ask = await ok('ana', '/mydata delete');
      const [button] = ask.actions;
      expect((await h.press('ana', button!.action, button!.payload)).title).toBe('Your data is deleted');
    }
    expect([reports, suggestions]).toEqual([10, 3]);
    // The counters never named her, so the delete could leave them.
    expect(await mentions(['shell:ana'])).toEqual([]);
  });

  it('GIVEN a Slack member slack:T1:U1 THEN delete leaves nothing naming them, and slack:T1:U12 intact', async () => {
    await h.app.deps.listings.save(testListing('mercy-im', localDate(Date.now(), NY, 30), Date.now()));
    const base = h.app.as('x', { platform: 'slack' });
    const as = (user: string, moderator = false) => ({
      ...base,
      actor: { ...base.actor, userId: `slack:T1:${user}`, displayName: user, platformAdmin: moderator },
    });
    const lines = [
      '/timezone zone:Asia/Karachi',
      '/remind when:"in 3 days" what:"call the coordinator"',
      '/deadline-reminders id:mercy-im',
      '/track add program:"Mercy IM" status:applied',
      '/alert add observership IM',
      '/report id:mercy-im reason:"the page moved"',
      `/suggest ${listingOptions('Slack suggests', 'Slackford Clinic', 45)}`,
      '/profile step1:passed visa:visitor grad_year:2019',
      '/alert-digest mode:weekly day:friday at:18:00',
    ];
    for (const user of ['U1', 'U12']) {
      for (const line of lines) {
        const r = await runTextCommand(line, as(user));
        expect(r.error, `${user} ${line}: ${r.text}`).toBe(false);
      }
    }
    const posted = await runTextCommand(
      `/post ${listingOptions('U1 posts', 'Uoneville Center', 65)}`,
      as('U1', true),
    );
    expect(posted.error, posted.text).toBe(false);
    expect((await mentions(['slack:T1:U1"'])).length).toBeGreaterThan(5);

    const ask = await runTextCommand('/mydata delete', as('U1'));
    const done = await runAction(ask.actions[0]!.action, ask.actions[0]!.payload, as('U1'));
    expect(done.title).toBe('Your data is deleted');
    // Quoted, so slack:T1:U12 does not count as a mention of slack:T1:U1.
    expect(await mentions(['slack:T1:U1"', 'slack:T1:U1:', 'slack:T1:U1\n', '"U1"'])).toEqual([]);
    const other = await runTextCommand('/mydata export', as('U12'));
    const data = JSON.parse(other.attachment!.content) as MemberDataExport;
    expect([data.reminders.length > 0, data.tracker.length, data.alerts.length, data.reports.length]).toEqual(
      [true, 1, 1, 1],
    );
    expect(data.listings.map((l) => l.parts)).toEqual([['suggested']]);
  });

  it('GIVEN a forged or expired confirmation THEN nothing is deleted', async () => {
    await ok('ana', '/remind when:"in 3 days" what:"keep me"');
    const ask = await ok('ana', '/mydata delete');
    const [button] = ask.actions;
    const forged = await h.press('bob', button!.action, button!.payload);
    expect(forged).toMatchObject({ error: true, code: 'MYDATA.CONFIRM_INVALID' });
    expect((await h.run('ana', '/reminders')).records).toHaveLength(1);
    const tampered = await h.press('ana', button!.action, `${Date.now().toString(36)}.x`);
    expect(tampered).toMatchObject({ error: true, code: 'MYDATA.CONFIRM_INVALID' });
    const old = deleteConfirmation('shell:ana', Date.now() - 11 * 60_000);
    const expired = await h.press('ana', button!.action, old);
    expect(expired).toMatchObject({ error: true, code: 'MYDATA.CONFIRM_EXPIRED' });
    expect(expired.text).toBe('This confirmation expired after 10 minutes. Run /mydata delete again.');
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
  });
});
