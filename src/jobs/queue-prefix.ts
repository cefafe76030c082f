/**
 * BullMQ's key prefix for an app key prefix: `imgbot:` -> `{imgbot}`. The
 * braces are a Redis Cluster hash tag, so every key of a queue (and its Lua
 * scripts' keys) lands in one slot; tests get a unique queue space for free
 * because their app prefix is unique.
 */
export function queuePrefix(appPrefix: string): string {
  return `{${appPrefix.replace(/:$/, '').replace(/[{}]/g, '')}}`;
}

/** The queue that delivers reminders. */
export const REMINDER_QUEUE = 'reminders';

/** What a reminder job carries: ids only (job data sits in Redis in clear text). */
export interface ReminderJobData {
  /** Reminder id. */
  readonly r: string;
  /**
   * The occurrence: its delivery instant, UTC ms. Absent on a series' jobs,
   * whose instant is the job's own (`opts.prevMillis`, set by BullMQ).
   */
  readonly at?: number;
}

/** Deterministic job id of an occurrence; no `:` and never all digits (BullMQ's rules). */
export function reminderJobId(reminderId: string, at: number): string {
  return `reminder-${reminderId}-${at}`;
}

/** Deterministic id of a repeating reminder's job scheduler (no `:`, never all digits). */
export function reminderSeriesId(reminderId: string): string {
  return `reminder-${reminderId}`;
}
