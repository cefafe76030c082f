/**
 * "Deliver this reminder occurrence at that instant": the core's whole view of
 * the job system. An occurrence is identified by its reminder id and its
 * delivery instant, so scheduling is idempotent and rescheduling never
 * duplicates (architecture rule 6). `src/jobs` implements it on BullMQ.
 */
export interface SchedulerPort {
  /** Schedules occurrence `at` (UTC ms) of a reminder; scheduling the same occurrence twice keeps one job. */
  schedule(reminderId: string, at: number): Promise<void>;
  /** Removes a scheduled occurrence if it is still waiting (best effort: workers skip stale occurrences anyway). */
  unschedule(reminderId: string, at: number): Promise<void>;
  /** Removes every waiting, delayed or failed job of these reminders (used by `/mydata delete`). */
  purge(reminderIds: readonly string[]): Promise<void>;
}
