/**
 * Backup and restore: data written under one prefix (listings, reminders,
 * settings) is backed up by `imgbot backup`, restored under a new, empty
 * prefix, and comes back record for record; every reminder has its job again
 * at its original time, and one that came due meanwhile is delivered at once,
 * marked late. A restore into a prefix that holds data changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { readBackup } from '../../src/ops/backup.ts';
import { restoreInto } from '../../src/runtime/backup-restore.ts';
import { runImgbot } from '../helpers/cli.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';
import { eventually, type Harness, localDate, reminderHarness, testListing } from './reminder-harness.ts';

const harnesses: Harness[] = [];
let dir: string | undefined;
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const withoutTtl = (entries: readonly { k: string; t: string; v: unknown }[]) =>
  entries.map(({ k, t, v }) => ({ k, t, v }));

describe('imgbot backup / restore', () => {
  it('GIVEN a filled prefix THEN a restore under a new prefix has every record and every reminder fires', async () => {
    const a = reminderHarness();
    harnesses.push(a);
    const now = Date.now();
    await a.app.deps.listings.save(testListing('obs-backup-1', localDate(now, 'America/New_York', 40), now));
    await a.app.deps.userSettings.updateUser('shell:ana', { zone: 'Asia/Karachi' });
    const future = await a.run('ana', '/remind when:"in 3 days" what:"email the program"');
    expect(future.error, future.text).toBeFalsy();
    const overdue: Reminder = {
      id: 'rbackupoverdue',
      userId: 'shell:ana',
      communityId: 'shell:local',
      kind: 'custom',
      text: 'call the coordinator',
      status: 'pending',
      dueAt: now - 10 * 60_000,
      fireAt: now - 10 * 60_000,
      createdAt: now - 60 * 60_000,
    };
    await a.app.deps.reminders.store.save(overdue);

    dir = mkdtempSync(join(tmpdir(), 'imgbot-backup-'));
    const file = join(dir, 'backup.json.gz');
    const backedUp = await runImgbot(['backup', '--output', file], {
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: a.app.keys.prefix,
      LOG_LEVEL: 'warn',
    });
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/^Backed up \d+ keys under imgbot-test-\w+: to .*backup\.json\.gz\.\n$/);

    // Restoring over existing data is refused and changes nothing.
    const before = await readBackup(a.app.redis, a.app.keys.prefix);
    const refused = await runImgbot(['restore', file], {
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: a.app.keys.prefix,
      LOG_LEVEL: 'warn',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds data');
    expect(withoutTtl((await readBackup(a.app.redis, a.app.keys.prefix)).entries)).toEqual(
      withoutTtl(before.entries),
    );

    // Into a fresh prefix: every record comes back.
    const b = reminderHarness();
    harnesses.push(b);
    const done = await restoreInto(b.app, file);
    expect(done.keys).toBe(before.entries.length);
    expect(done.reminders).toBe(2);
    const after = await readBackup(b.app.redis, b.app.keys.prefix);
    expect(withoutTtl(after.entries)).toEqual(withoutTtl(before.entries));
    expect(await b.app.deps.listings.get('obs-backup-1')).toMatchObject({ id: 'obs-backup-1' });
    expect((await b.app.deps.userSettings.getUser('shell:ana')).zone).toBe('Asia/Karachi');

    // The future reminder's job runs at its original time; the overdue one at once, marked late.
    const futureId = future.ids[0] as string;
    const futureReminder = await b.app.deps.reminders.store.get(futureId);
    expect(b.runsAt(await b.job(futureId, futureReminder?.fireAt ?? 0))).toBe(futureReminder?.fireAt);
    await b.startWorker();
    await eventually(() => expect(b.notifier.to('shell:ana')).toHaveLength(1), 20_000);
    const [dm] = b.notifier.to('shell:ana');
    expect(JSON.stringify(dm?.message)).toContain('call the coordinator');
    expect(dm?.message.footer).toMatch(/late/);
  }, 90_000);
});
