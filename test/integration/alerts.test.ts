/**
 * Member alerts on real Redis and real BullMQ: /alert add (the search
 * commands' filters, as options or bare words), /alerts, /alert remove, their
 * validation errors and the per-member limit; and matching: when a new listing
 * is announced, each member whose alerts in that community match it gets one
 * direct message (through the reminders' queued delivery, quiet hours
 * respected), while other communities and non-matching alerts get nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAutocomplete, runTextCommand } from '../../src/core/commands/dispatch.ts';
import type { Reply } from '../../src/core/reply.ts';
import { announcementJobId } from '../../src/jobs/announcement-queue.ts';
import { eventually, type Harness, localDate, reminderHarness, type Sent } from './reminder-harness.ts';

const NY = 'America/New_York';

let h: Harness;
beforeEach(() => {
  h = reminderHarness();
});
afterEach(async () => {
  await h.close();
});

async function ok(name: string, line: string, platform?: 'discord'): Promise<Reply> {
  const r = await runTextCommand(line, h.app.as(name, { moderator: name === 'mod', platform }));
  expect(r.error, `${line}: ${r.text}`).toBe(false);
  return r;
}

async function refused(name: string, line: string, code: string): Promise<Reply> {
  const r = await h.run(name, line);
  expect(r, `${line}: ${r.text}`).toMatchObject({ error: true, code });
  return r;
}

/** The alert DMs (reminder notices) a member got. */
function alertDms(userId: string): Sent[] {
  return h.notifier.to(userId).filter((s) => s.message.text.startsWith('New listing for'));
}

/** An externship in Albany NY: cardiology, hands-on, $500, Step 1 required, no ECFMG, letter possible. */
function postLine(
  id: string,
  over: { type?: string; specialties?: string; fee?: number; place?: string; lor?: boolean } = {},
): string {
  return (
    `/post id:${id} title:"Cardiology Externship ${id}" type:${over.type ?? 'externship'} hands_on:true ` +
    `specialties:${over.specialties ?? 'cardiology'} institution:"Riverbend Community Hospital" ` +
    `${over.place ?? 'city:Albany state:NY'} duration_weeks:4-8 fee_usd:${over.fee ?? 500} fee_covers:"malpractice cover" step1_required:true ` +
    `ecfmg_required:false lor_possible:${over.lor ?? true} deadline:${localDate(Date.now(), NY, 90)} ` +
    'contact:externs@riverbend.example.org description:"Supervised by the cardiology attendings on the wards."'
  );
}

/** Waits until a listing's announcement has run (its alerts placed, its job removed). */
async function announced(id: string): Promise<void> {
  await eventually(async () => {
    expect((await h.app.deps.alerts.ledger.state(id)).alertsDone).toBe(true);
    expect(await h.app.announcementScheduler.queue.getJob(announcementJobId(id))).toBeUndefined();
  });
}

describe('/alert add, /alerts, /alert remove', () => {
  it('saves bare words and options as normalised filters, lists them, removes one', async () => {
    const bare = await ok('ana', '/alert add externship cardiology NY hands-on');
    expect(bare.title).toBe('Alert saved');
    expect(bare.text).toMatch(
      /^I will send you a direct message when a new listing for Externships: cardiology · NY · hands-on is published in this community\. No open listing matches it yet\. Stop it with \/alert remove id:a[0-9a-z]{9}\.$/,
    );
    await ok('mod', postLine('ext-open'));
    const named = await ok(
      'ana',
      '/alert add type:observership specialty:IM state:"New York" free:true lor:yes',
    );
    expect(named.text).toContain('Observerships: internal medicine · NY · free · letter possible');
    const matching = await ok('ana', '/alert add cardiology under $800');
    expect(matching.text).toContain(
      '1 open listing already matches: /opportunities specialty:cardiology max_fee:800 shows them.',
    );

    const list = await ok('ana', '/alerts');
    expect(list.text).toBe('3 of at most 10. Remove one with /alert remove id:<id>.');
    expect(list.records.map((r) => r.title)).toEqual([
      'Externships: cardiology · NY · hands-on',
      'Observerships: internal medicine · NY · free · letter possible',
      'Opportunities: cardiology · fee ≤ $800',
    ]);
    expect(list.ids).toEqual([bare.ids[0], named.ids[0], matching.ids[0]]);
    const stored = await h.app.deps.alerts.store.listForUser('shell:ana');
    expect(stored[1]?.filters).toEqual({
      type: 'observership',
      specialty: 'internal-medicine',
      state: 'NY',
      free: true,
      lor: true,
    });

    // Autocomplete offers the member's own alerts only.
    const choices = await runAutocomplete('alert remove', 'id', 'intern', h.app.as('ana'));
    expect(choices).toEqual([
      {
        name: `Observerships: internal medicine · NY · free · letter possible (${named.ids[0]})`,
        value: named.ids[0],
      },
    ]);
    expect(await runAutocomplete('alert remove', 'id', '', h.app.as('bob'))).toEqual([]);

    const removed = await ok('ana', `/alert remove id:${named.ids[0]}`);
    expect(removed.text).toBe(
      'No more messages for Observerships: internal medicine · NY · free · letter possible.',
    );
    expect((await ok('ana', '/alerts')).ids).toEqual([bare.ids[0], matching.ids[0]]);
    await refused('ana', `/alert remove id:${named.ids[0]}`, 'ALERT.NOT_FOUND');
  });

  it('refuses bad input with a specific message and stores nothing', async () => {
    const words = await refused('ana', '/alert add cardiology somewhere nice', 'ALERT.UNKNOWN_WORDS');
    expect(words.text).toMatch(
      /^\/alert add did not understand "somewhere nice": an alert takes a type, a specialty/,
    );
    expect(words.text).toContain('Example: /alert add externship cardiology NY hands-on');
    const none = await refused('ana', '/alert add', 'ALERT.NO_FILTERS');
    expect(none.text).toBe(
      'Give at least one filter, or the alert would match every new listing. Example: /alert add externship cardiology NY hands-on',
    );
    await refused('ana', '/alert add free:false', 'ALERT.NO_FILTERS');
    const date = await refused('ana', '/alert add cardiology before 2027-06-01', 'ALERT.NO_DEADLINE_FILTER');
    expect(date.text).toContain('takes no deadline ("2027-06-01")');
    const q = await refused('ana', '/alert add q:"heart failure"', 'OPTION.UNKNOWN');
    expect(q.text).toContain('/alert add has no option "q"');
    const specialty = await refused('ana', '/alert add specialty:cardiolgy', 'SPECIALTY.UNKNOWN');
    expect(specialty.text).toContain('cardiology');
    await refused('ana', '/alert add state:Atlantis', 'STATE.UNKNOWN');
    await refused('ana', '/alert add type:internship', 'OPTION.INVALID');
    await refused('ana', '/alert add max_fee:-5', 'OPTION.INVALID');
    await refused('ana', '/alert add cardiology neurology', 'SEARCH.TWO_VALUES');
    expect(await h.app.deps.alerts.store.listForUser('shell:ana')).toEqual([]);

    await ok('ana', '/alert add cardiology NY');
    const dup = await refused('ana', '/alert add state:ny specialty:cardio', 'ALERT.DUPLICATE');
    expect(dup.text).toMatch(
      /^You already have this alert \(a[0-9a-z]{9}: Opportunities: cardiology · NY\)\. Nothing was added\./,
    );
    await refused('ana', '/alert remove id:a000000000', 'ALERT.NOT_FOUND');
    expect(await h.app.deps.alerts.store.listForUser('shell:ana')).toHaveLength(1);
  });

  it('keeps at most 10 alerts per member, also when they are added at once', async () => {
    const specialties = ['cardiology', 'IM', 'peds', 'psych', 'neurology', 'FM', 'nephrology', 'oncology'];
    const lines = [...specialties, 'dermatology', 'radiology', 'urology', 'anesthesiology'].map(
      (s) => `/alert add ${s}`,
    );
    const replies = await Promise.all(lines.map((line) => h.run('ana', line)));
    expect(replies.filter((r) => !r.error)).toHaveLength(10);
    const over = replies.filter((r) => r.error);
    expect(over.map((r) => r.code)).toEqual(['ALERT.LIMIT', 'ALERT.LIMIT']);
    expect(over[0]?.text).toBe(
      'You already have 10 alerts, the most a member can keep. Remove one with /alert remove id:<id> (/alerts lists them), then add this one again.',
    );
    expect(await h.app.deps.alerts.store.listForUser('shell:ana')).toHaveLength(10);
    await ok('bob', '/alert add cardiology'); // the limit is per member
  });
});

describe('alert matching', () => {
  it('sends one DM per member per listing to matching alerts of its community only', async () => {
    await ok('ana', '/alert add externship cardiology NY hands-on');
    const anaLor = await ok('ana', '/alert add lor no-ecfmg');
    await ok('bob', '/alert add state:NY city:albany max_fee:500');
    await ok('carl', '/alert add cardiology no-usmle'); // Step 1 is required
    await ok('dina', '/alert add externship free'); // it costs $500
    await ok('eli', '/alert add observership cardiology'); // wrong type
    await ok('fay', '/alert add cardiology observational'); // it is hands-on
    await ok('hana', '/alert add max_fee:499');
    await ok('ivy', '/alert add cardiology city:Boston');
    await ok('gus', '/alert add cardiology', 'discord'); // another community
    await h.startWorker();

    await ok('mod', postLine('ext-match'));
    await announced('ext-match');
    await eventually(() => {
      expect(alertDms('shell:ana')).toHaveLength(1);
      expect(alertDms('shell:bob')).toHaveLength(1);
    });
    const [ana] = alertDms('shell:ana');
    expect(ana?.message.title).toBe('Update from imgbot');
    expect(ana?.message.text).toMatch(
      /^New listing for 2 of your alerts \(a[0-9a-z]{9}, a[0-9a-z]{9}\): "Cardiology Externship ext-match", Riverbend Community Hospital, Albany, NY\. Externship · hands-on · \$500 · apply by .+\. Details: \/opportunity id:ext-match\./,
    );
    expect(ana?.message.text).toContain(anaLor.ids[0]);
    expect(alertDms('shell:bob')[0]?.message.text).toContain(
      'New listing for your alert "Opportunities: albany · NY · fee ≤ $500"',
    );
    expect(alertDms('shell:bob')[0]?.message.text).toMatch(
      /Stop an alert with \/alert remove id:a[0-9a-z]{9}\.$/,
    );
    const told = h.notifier.sent.filter((s) => s.message.text.startsWith('New listing for')).map((s) => s.to);
    expect(told.sort()).toEqual(['shell:ana', 'shell:bob']);
    expect(h.notifier.to('discord:gus')).toEqual([]);

    // The job running again (a retry, a re-publication) tells nobody twice; a listing nobody wants, nobody.
    await h.app.deps.alerts.queue.enqueue(['ext-match']);
    await ok(
      'mod',
      postLine('obs-none', {
        type: 'observership',
        specialties: 'dermatology',
        fee: 900,
        place: 'city:"San Diego" state:CA',
        lor: false,
      }),
    );
    await announced('obs-none');
    await announced('ext-match');
    const pendingNotices = await Promise.all(
      ['shell:ana', 'shell:bob', 'shell:carl', 'shell:hana'].map(async (u) =>
        (await h.app.deps.reminders.store.listForUser(u)).filter((r) => r.kind === 'notice'),
      ),
    );
    expect(pendingNotices.flat()).toEqual([]);
    expect(h.notifier.sent.filter((s) => s.message.text.startsWith('New listing for'))).toHaveLength(2);
  });

  it('a member in quiet hours gets the alert when they end, not now', async () => {
    await ok('ana', '/alert add cardiology');
    await ok('ana', '/timezone zone:UTC');
    const now = new Date();
    const from = `${String(now.getUTCHours()).padStart(2, '0')}:00`;
    const to = `${String((now.getUTCHours() + 2) % 24).padStart(2, '0')}:00`;
    await ok('ana', `/quiet-hours from:${from} to:${to}`);
    await h.startWorker();
    await ok('mod', postLine('ext-quiet'));
    await announced('ext-quiet');
    const [notice] = (await h.app.deps.reminders.store.listForUser('shell:ana')).filter(
      (r) => r.kind === 'notice',
    );
    expect(notice?.status).toBe('pending');
    expect(notice!.fireAt).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(alertDms('shell:ana')).toEqual([]);
  });

  it('reads only the alerts of the listing community that name its type or none', async () => {
    await ok('ana', '/alert add externship cardiology');
    await ok('ana', '/alert add cardiology');
    await ok('bob', '/alert add observership');
    await ok('gus', '/alert add externship', 'discord');
    const found = await h.app.deps.alerts.store.candidates('shell:local', 'externship');
    expect(found.map((a) => `${a.userId} ${a.filters.type ?? 'any'}`).sort()).toEqual([
      'shell:ana any',
      'shell:ana externship',
    ]);
    expect(await h.app.deps.alerts.store.candidates('discord:guild1', 'observership')).toEqual([]);
  });
});
