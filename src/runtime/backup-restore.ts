import type { App } from '../app.ts';
import { reconcileReminders } from '../jobs/reconcile-reminders.ts';
import { loadBackupFile, prefixIsEmpty, readBackup, saveBackupFile, writeBackup } from '../ops/backup.ts';
import { appFromBoot, connectRedis, loadBootConfig } from './boot.ts';

type Source = Readonly<Record<string, string | undefined>>;

function defaultFile(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `imgbot-backup-${stamp}.json.gz`;
}

/**
 * `imgbot backup [--output FILE]`: every key under IMGBOT_PREFIX (listings
 * with history, reminders, tracker, alerts, settings, FAQ overrides, audit,
 * Slack installations) as one versioned, gzip'd JSON file.
 */
export async function backupCommand(source: Source, opts: { output?: string }): Promise<void> {
  const boot = await loadBootConfig(source);
  const redis = await connectRedis(boot, 'other');
  const app = appFromBoot(boot);
  const file = opts.output ?? defaultFile(new Date());
  try {
    const backup = await readBackup(app.redis, app.keys.prefix);
    await saveBackupFile(backup, file).catch((err: NodeJS.ErrnoException) => {
      throw new Error(`Cannot write ${file} (${err.code ?? err.message}). Nothing was backed up.`);
    });
    process.stdout.write(`Backed up ${backup.entries.length} keys under ${app.keys.prefix} to ${file}.\n`);
  } finally {
    await app.close();
    await redis.stop();
  }
}

/** Restores into `app`'s prefix (which must be empty) and re-creates every reminder's job. */
export async function restoreInto(app: App, file: string): Promise<{ keys: number; reminders: number }> {
  const backup = await loadBackupFile(file);
  const prefix = app.keys.prefix;
  // The queue's own bookkeeping keys exist as soon as a producer opens it; jobs would mean old data.
  const jobs = Object.values(await app.reminderScheduler.queue.getJobCounts()).reduce((x, y) => x + y, 0);
  if (jobs > 0 || !(await prefixIsEmpty(app.redis, [`${prefix}*`]))) {
    throw new Error(
      `IMGBOT_PREFIX=${prefix} already holds data in this Redis; restore only into an empty prefix (set IMGBOT_PREFIX to a new one). Nothing was restored.`,
    );
  }
  const keys = await writeBackup(app.redis, prefix, backup);
  // Each pending reminder gets its job back at its own time; overdue ones run at once and say they are late.
  const reminders = await reconcileReminders(
    app.deps.reminders.store,
    app.reminderScheduler,
    app.deps.settings.defaultTimezone,
  );
  return { keys, reminders };
}

/** `imgbot restore FILE`: loads a backup into an empty prefix and re-creates the jobs. */
export async function restoreCommand(source: Source, file: string): Promise<void> {
  const boot = await loadBootConfig(source);
  const redis = await connectRedis(boot, 'other');
  const app = appFromBoot(boot);
  try {
    const done = await restoreInto(app, file);
    process.stdout.write(
      `Restored ${done.keys} keys under ${app.keys.prefix} from ${file}; ${done.reminders} pending reminders have their jobs again.\n`,
    );
  } finally {
    await app.close();
    await redis.stop();
  }
}
