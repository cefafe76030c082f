/**
 * Alert digests on real Redis and BullMQ: a member who picks a daily or
 * weekly digest gets no DM per new listing; their matches wait, and the
 * digest job sends one DM naming every open one (none when nothing is new).
 * The digest's job scheduler runs in the member's zone and follows their
 * zone; instant mode and /mydata delete remove it.
 */
import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction, runTextCommand } from '../../src/core/commands/dispatch.ts';
import type { Reply } from '../../src/core/reply.ts';
import { announcementJobId } from '../../src/jobs/announcement-queue.ts';
import { digestProcessor } from '../../src/jobs/digest.worker.ts';
import { type DigestJobData, digestSchedulerId } from '../../src/jobs/digest-queue.ts';
import { eventually, type Harness, localDate, reminderHarness } from './reminder-harness.ts';

const NY = 'America/New_York';
let h: Harness;
beforeEach(() => {
  h = reminderHarness();
});
afterEach(async () => {
  await h.close();
});

async function ok(name: string, line: string): Promise<Reply> {
  const r = await runTextCommand(line, h.app.as(name, { moderator: name === 'mod' }));
  expect(r.error, `${line}: ${r.text}`).toBe(false);
  return r;
}

function post(id: string): string {
  return (
    `/post id:${id} title:"Cardiology Externship ${id}" type:externship hands_on:true specialties:cardiology ` +
    'institution:"Riverbend Community Hospital" city:Albany state:NY duration_weeks:4-8 fee_usd:500 ' +
    `step1_required:true ecfmg_required:false lor_possible:true deadline:${localDate(Date.now(), NY, 90)} ` +
    'contact:externs@riverbend.example.org description:"Supervised by the cardiology attendings on the wards."'
  );
}

async function announced(id: string): Promise<void> {
  await eventually(async () => {
    expect((await h.app.deps.alerts.ledger.state(id)).alertsDone).toBe(true);
    expect(await h.app.announcementScheduler.queue.getJob(announcementJobId(id))).toBeUndefined();
  });
}

const runDigest = (userId: string) =>
  digestProcessor(h.app.deps)({ data: { u: userId } } as Job<DigestJobData>);

async function scheduler(userId: string) {
  return h.app.digestScheduler.queue.getJobScheduler(digestSchedulerId(userId));
}

describe('/alert-digest', () => {
  it('holds matches for one daily DM listing every open one, and sends nothing when nothing is new', async () => {
    await h.startWorker();
    await ok('ana', '/alert add externship cardiology NY');
    const set = await ok('ana', '/alert-digest mode:daily at:07:30');
    expect(set.text).toMatch(/daily at 07:30 your time \(America\/New_York\)/);
    expect(await scheduler('shell:ana')).toMatchObject({ pattern: '30 7 * * *', tz: NY });

    for (const id of ['ext-d1', 'ext-d2', 'ext-d3']) {
      await ok('mod', post(id));
      await announced(id);
    }
    await ok('mod', '/withdraw id:ext-d3 reason:"filled"');
    expect(h.notifier.to('shell:ana').filter((s) => s.message.text.startsWith('New listing for'))).toEqual(
      [],
    );

    expect(await runDigest('shell:ana')).toBe('2 listings');
    const dm = await eventually(() => {
      const sent = h.notifier
        .to('shell:ana')
        .filter((s) => /new listings? for your alerts/.test(s.message.text));
      expect(sent).toHaveLength(1);
      return sent[0];
    });
    expect(dm?.message.text).toContain('Cardiology Externship ext-d1');
    expect(dm?.message.text).toContain('Cardiology Externship ext-d2');
    expect(dm?.message.text).not.toContain('ext-d3'); // withdrawn before the digest went out

    expect(await runDigest('shell:ana')).toBe('nothing new');
  });

  it('weekly digests follow the member’s zone; instant mode sends what waits and removes the job', async () => {
    await ok('li', '/alert add cardiology');
    await ok('li', '/alert-digest mode:weekly day:friday at:18:00');
    expect(await scheduler('shell:li')).toMatchObject({ pattern: '0 18 * * 5', tz: NY });
    await ok('li', '/timezone zone:Asia/Karachi');
    expect(await scheduler('shell:li')).toMatchObject({ pattern: '0 18 * * 5', tz: 'Asia/Karachi' });
    expect((await ok('li', '/alert-digest')).text).toMatch(/weekly on Friday at 18:00/);

    await ok('mod', post('ext-w1'));
    await h.app.deps.alerts.digests.add('shell:li', 'ext-w1', Date.now());
    const back = await ok('li', '/alert-digest mode:instant');
    expect(back.text).toMatch(/The 1 waiting for your digest come in one DM now/);
    expect(await scheduler('shell:li')).toBeUndefined();
  });

  it('refuses a time it cannot read and a day without a mode, changing nothing', async () => {
    const bad = await runTextCommand('/alert-digest mode:daily at:25:99', h.app.as('sam'));
    expect(bad.error).toBe(true);
    expect(bad.text).toMatch(/could not read "25:99" as a time of day/);
    const noMode = await runTextCommand('/alert-digest day:friday', h.app.as('sam'));
    expect(noMode.code).toBe('DIGEST.NO_MODE');
    expect(await scheduler('shell:sam')).toBeUndefined();
  });

  it('/mydata export names what waits; /mydata delete removes the job and the waiting list', async () => {
    await ok('kim', '/alert-digest mode:daily');
    await h.app.deps.alerts.digests.add('shell:kim', 'ext-x', Date.now());
    const exported = await ok('kim', '/mydata export');
    const data = JSON.parse(exported.attachment?.content ?? '{}') as { digestPending?: string[] };
    expect(data.digestPending).toEqual(['ext-x']);
    const asked = await ok('kim', '/mydata delete');
    const confirm = asked.actions.find((a) => /delete/i.test(a.label));
    await runAction(confirm?.action ?? '', confirm?.payload ?? '', h.app.as('kim'));
    expect(await scheduler('shell:kim')).toBeUndefined();
    expect(await h.app.deps.alerts.digests.peek('shell:kim')).toEqual([]);
  });
});
