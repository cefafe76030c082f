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
  /**
   * Creates or replaces the series of a repeating reminder: the job system then
   * adds each occurrence itself (a BullMQ job scheduler), each the first instant
   * of the series after the previous one. One series per reminder. Returns
   * the instant of the first occurrence it queued (the first one after now).
   */
  scheduleSeries(reminderId: string, series: RepeatSeries): Promise<number | undefined>;
  /** Removes a reminder's series and its waiting occurrence (no-op when there is none). */
  unscheduleSeries(reminderId: string): Promise<void>;
  /** Removes every series and every waiting, delayed, failed or kept job of these reminders (`/mydata delete`). */
  purge(reminderIds: readonly string[]): Promise<void>;
}

/** A repeating reminder's series: its rule (see `seriesRule` in reminders/recurrence.ts) read in a zone. */
export interface RepeatSeries {
  readonly rule: string;
  readonly zone: string;
}
