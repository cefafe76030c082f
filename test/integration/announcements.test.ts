/**
 * Announcements of new listings on real Redis and real BullMQ: a listing that
 * becomes published (a clean /post, an /approve, a clean new import row) is
 * posted once in the community's announcement channel, through the workers
 * `startServices` runs, with a Details button; nothing is posted without a
 * channel, for a listing withdrawn before its job runs, or twice (published
 * again, two worker processes, a retry after a crash or a failure).
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { settingsFileSchema } from '../../src/config/settings-file.ts';
import { runAction } from '../../src/core/commands/dispatch.ts';
import type { DeliveryOutcome, SendOptions } from '../../src/core/ports/notifier.port.ts';
import type { Reply } from '../../src/core/reply.ts';
import { announcementJobId } from '../../src/jobs/announcement-queue.ts';
import { loadBootConfig } from '../../src/runtime/boot.ts';
import { type Services, startServices } from '../../src/runtime/services.ts';
import { SHIPPED_FAQ } from '../helpers/app.ts';
import { listingCells, seedListings } from '../helpers/listing-fixtures.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';
import {
  eventually,
  type Harness,
  localDate,
  OUTAGE,
  RecordingNotifier,
  reminderHarness,
} from './reminder-harness.ts';

const NY = 'America/New_York';
const CHANNEL = 'shell:general';

/** A notifier whose channel posts answer scripted outcomes first (then success), counting every attempt. */
class ChannelNotifier extends RecordingNotifier {
  readonly channelAttempts: string[] = [];
  /** The idempotency key of every channel attempt. */
  readonly channelKeys: (string | undefined)[] = [];
  channelScript: DeliveryOutcome[] = [];

  override async sendToChannel(
    address: string,
    message: Reply,
    opts?: SendOptions,
  ): Promise<DeliveryOutcome> {
    this.channelAttempts.push(address);
    this.channelKeys.push(opts?.idempotencyKey);
    const outcome = this.channelScript.shift() ?? { ok: true };
    if (outcome.ok) await super.sendToChannel(address, message);
    return outcome;
  }
}

let h: Harness;
let notifier: ChannelNotifier;
beforeEach(() => {
  h = reminderHarness();
  notifier = new ChannelNotifier();
  h.app.notifier.register('shell', notifier);
});
afterEach(async () => {
  await h.close();
});

const deadline = () => localDate(Date.now(), NY, 90);

function postLine(id: string, extra = ''): string {
  return (
    `/post id:${id} title:"Cardiology Externship ${id}" type:externship hands_on:true specialties:cardiology ` +
    `institution:"Riverbend Community Hospital" city:Albany state:NY duration_weeks:4-8 fee_usd:500 fee_covers:"malpractice cover" ` +
    `deadline:${deadline()} contact:externs@riverbend.example.org ` +
    `description:"Supervised by the cardiology attendings on the wards." ${extra}`
  );
}

async function ok(name: string, line: string): Promise<Reply> {
  const r = await h.run(name, line, { moderator: name === 'mod' });
  expect(r.error, `${line}: ${r.text}`).toBe(false);
  return r;
}

async function setChannel(): Promise<void> {
  await ok('mod', '/setup announce_channel:general');
}

/** Waits until the listing's announcement job is done (BullMQ removes completed jobs). */
async function jobDone(id: string): Promise<void> {
  await eventually(async () => {
    expect(await h.app.announcementScheduler.queue.getJob(announcementJobId(id))).toBeUndefined();
  });
}

/** Posts announcing a listing. */
function postsOf(id: string) {
  return notifier.posted.filter((p) => p.message.ids.includes(id));
}

describe('announcements of new listings', () => {
  it('a clean /post is posted once in the /setup channel with its terms and a Details button', async () => {
    await setChannel();
    await h.startWorker();
    await ok('mod', postLine('ext-1'));
    await eventually(() => expect(postsOf('ext-1')).toHaveLength(1));
    const [post] = postsOf('ext-1');
    expect(post?.to).toBe(CHANNEL);
    expect(post?.message).toMatchObject({
      title: 'New listing: Cardiology Externship ext-1',
      text: 'Riverbend Community Hospital · Albany, NY',
      actions: [{ action: 'listing.view', label: 'Details', payload: 'ext-1' }],
    });
    expect(post?.message.addressee).toBeUndefined(); // nobody is mentioned
    const fields = Object.fromEntries(post!.message.fields.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Type: 'Externship', 'Hands-on': 'yes', Fee: '$500' });
    expect(fields.Deadline).toMatch(/^apply by .* 20\d\d \(in \d+ days\)$/);
    // The button opens the listing for whoever presses it.
    const details = await runAction('listing.view', 'ext-1', h.app.as('amina'));
    expect(details).toMatchObject({ error: false, title: 'Cardiology Externship ext-1', ids: ['ext-1'] });
    await jobDone('ext-1');
    expect(await h.app.deps.alerts.ledger.state('ext-1')).toEqual({ post: 'posted', alertsDone: true });
  });

  it('/approve of a suggestion announces it; the waiting suggestion was not', async () => {
    await setChannel();
    const suggested = await ok(
      'amina',
      `/suggest title:"Free Clinic Volunteer" type:volunteer specialties:"family medicine" institution:"Granite Valley Free Clinic" city:Albany state:NY contact:volunteer@granitevalley.example.org description:"Evening intake and vital signs."`,
    );
    const id = suggested.ids[0]!;
    expect(await h.app.announcementScheduler.queue.getJob(announcementJobId(id))).toBeUndefined();
    await h.startWorker();
    await ok('mod', `/approve id:${id}`);
    await eventually(() => expect(postsOf(id)).toHaveLength(1));
    expect(postsOf(id)[0]?.message.title).toBe('New listing: Free Clinic Volunteer');
  });

  it('an import without --announce announces nothing', async () => {
    await setChannel();
    await h.startWorker();
    await seedListings(h.app, [listingCells({ id: 'imp-quiet', deadline: deadline() })]);
    expect((await h.app.deps.listings.get('imp-quiet'))?.status).toBe('published');
    // A listing posted after the import is announced; by then the import's would have been too.
    await ok('mod', postLine('ext-after'));
    await eventually(() => expect(postsOf('ext-after')).toHaveLength(1));
    expect(notifier.posted.map((p) => p.message.ids[0])).toEqual(['ext-after']);
    expect(await h.app.deps.alerts.ledger.state('imp-quiet')).toEqual({ alertsDone: false });
  });

  it('with --announce a clean new import row is announced; held rows, updated rows, edits and re-verification are not', async () => {
    await setChannel();
    await h.startWorker();
    await seedListings(
      h.app,
      [
        listingCells({ id: 'imp-clean', deadline: deadline() }),
        listingCells({
          id: 'imp-held',
          title: 'Observership with guaranteed residency',
          deadline: deadline(),
        }),
      ],
      undefined,
      { announce: true },
    );
    await eventually(() => expect(postsOf('imp-clean')).toHaveLength(1));
    await jobDone('imp-clean');
    // Update the clean row by import, edit it, verify it: none of this announces again.
    const update = await seedListings(
      h.app,
      [listingCells({ id: 'imp-clean', fee_usd: '100', fee_covers: 'a badge', deadline: deadline() })],
      undefined,
      { announce: true },
    );
    expect(update.updated).toBe(1);
    await ok('mod', '/edit id:imp-clean fee_usd:200');
    await ok('mod', '/verify id:imp-clean');
    expect(await h.app.announcementScheduler.queue.getJob(announcementJobId('imp-clean'))).toBeUndefined();
    expect(await h.app.announcementScheduler.queue.getJob(announcementJobId('imp-held'))).toBeUndefined();
    expect(notifier.posted.map((p) => p.message.ids[0])).toEqual(['imp-clean']);
  });

  it('without an announcement channel nothing is posted', async () => {
    await h.startWorker();
    await ok('mod', postLine('ext-quiet'));
    await jobDone('ext-quiet');
    expect(await h.app.deps.alerts.ledger.state('ext-quiet')).toEqual({
      post: 'no-channel',
      alertsDone: true,
    });
    expect(notifier.channelAttempts).toEqual([]);
  });

  it('a listing withdrawn before its job runs is not announced', async () => {
    await setChannel();
    await ok('mod', postLine('ext-gone'));
    await ok('mod', '/withdraw id:ext-gone reason:"filled already"');
    await h.startWorker();
    await jobDone('ext-gone');
    expect(notifier.channelAttempts).toEqual([]);
    expect(await h.app.deps.alerts.ledger.state('ext-gone')).toEqual({ alertsDone: false });
  });

  it('published again after its announcement, it is not announced again', async () => {
    await setChannel();
    await h.startWorker();
    await ok('mod', postLine('ext-again'));
    await eventually(() => expect(postsOf('ext-again')).toHaveLength(1));
    await jobDone('ext-again');
    // Withdrawn, then published again (e.g. by an import with status published): a new job, no new post.
    await ok('mod', '/withdraw id:ext-again reason:"paused"');
    const l = await h.app.deps.listings.get('ext-again');
    await h.app.deps.listings.save({ ...l!, status: 'published', withdrawn: undefined, rev: l!.rev + 1 });
    await h.app.deps.alerts.queue.enqueue(['ext-again']);
    await jobDone('ext-again');
    expect(notifier.channelAttempts).toEqual([CHANNEL]);
  });

  it('published twice at once and run by two worker processes, it is posted exactly once', async () => {
    await setChannel();
    // A second process on the same Redis and prefix, with its own platform connection.
    const other = createApp({
      redisUrl: TEST_REDIS_URL,
      prefix: h.app.keys.prefix,
      settings: settingsFileSchema.parse({}),
      logger: pino({ level: 'silent' }),
      faqEntries: SHIPPED_FAQ,
    });
    const otherNotifier = new ChannelNotifier();
    other.notifier.register('shell', otherNotifier);
    let otherServices: Services | undefined;
    try {
      await h.startWorker();
      const boot = await loadBootConfig({
        REDIS_URL: TEST_REDIS_URL,
        IMGBOT_PREFIX: h.app.keys.prefix,
        LOG_LEVEL: 'silent',
      });
      otherServices = await startServices(other, boot);
      await Promise.all([
        ok('mod', postLine('ext-twice')),
        other.deps.alerts.queue.enqueue(['ext-twice']),
        h.app.deps.alerts.queue.enqueue(['ext-twice']),
      ]);
      await other.deps.alerts.queue.enqueue(['ext-twice']);
      await eventually(() => expect([...notifier.posted, ...otherNotifier.posted]).toHaveLength(1));
      await jobDone('ext-twice');
      expect([...notifier.channelAttempts, ...otherNotifier.channelAttempts]).toEqual([CHANNEL]);
    } finally {
      await otherServices?.close();
      await other.close();
    }
  });

  it('a retry after a crash while posting does not post again', async () => {
    await setChannel();
    await ok('mod', postLine('ext-crash'));
    // What a worker that died right after calling the platform leaves behind.
    expect(await h.app.deps.alerts.ledger.claimPost('ext-crash')).toBe('claimed');
    await h.startWorker();
    await jobDone('ext-crash');
    expect(notifier.channelAttempts).toEqual([]);
    expect(await h.app.deps.alerts.ledger.state('ext-crash')).toEqual({
      post: 'uncertain',
      alertsDone: true,
    });
  });

  it('a platform outage is retried until the post goes out, once', async () => {
    await setChannel();
    notifier.channelScript.push(OUTAGE, OUTAGE);
    await h.startWorker();
    await ok('mod', postLine('ext-flaky'));
    await eventually(() => expect(postsOf('ext-flaky')).toHaveLength(1));
    await jobDone('ext-flaky');
    expect(notifier.channelAttempts).toEqual([CHANNEL, CHANNEL, CHANNEL]);
    // Every attempt carries the same key, so a platform that dedupes drops repeats.
    expect(new Set(notifier.channelKeys)).toEqual(new Set(['announce-ext-flaky']));
  });

  it('a channel that refuses for good stops the job without retries', async () => {
    await setChannel();
    notifier.channelScript.push({ ok: false, permanent: true, reason: '10003 unknown channel' });
    await h.startWorker();
    await ok('mod', postLine('ext-nochan'));
    await eventually(async () => {
      const failed = await h.app.announcementScheduler.queue.getFailed();
      expect(failed.map((j) => j.id)).toEqual([announcementJobId('ext-nochan')]);
      expect(failed[0]?.failedReason).toMatch(/10003 unknown channel/);
    });
    expect(notifier.channelAttempts).toEqual([CHANNEL]);
    expect(await h.app.deps.alerts.ledger.state('ext-nochan')).toEqual({ post: 'failed', alertsDone: true });
  });
});
