import { z } from 'zod';

/**
 * How a member receives alert matches: `instant` (one DM per new listing),
 * or a `daily` / `weekly` digest at a local time of their choosing: one DM
 * listing every new match since the last digest, and none when nothing is new.
 */
export const DIGEST_MODES = ['instant', 'daily', 'weekly'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const digestScheduleSchema = z
  .object({
    mode: z.enum(DIGEST_MODES),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
    /** Weekly digests only. */
    weekday: z.enum(WEEKDAYS).optional(),
  })
  .strip();
export type DigestSchedule = z.infer<typeof digestScheduleSchema>;

/** A digest's cron pattern (minute hour * * day), read in the member's zone by the job system. */
export function digestCron(s: DigestSchedule): string {
  const day = s.mode === 'weekly' ? String(WEEKDAYS.indexOf(s.weekday ?? 'monday') + 1) : '*';
  return `${s.minute} ${s.hour} * * ${day === '7' ? '0' : day}`;
}

/** "daily at 08:00", "weekly on Monday at 18:30", "instant". */
export function describeDigest(s: DigestSchedule | undefined): string {
  if (!s || s.mode === 'instant') return 'instant (one DM per new listing)';
  const time = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
  if (s.mode === 'daily') return `daily at ${time}`;
  const day = s.weekday ?? 'monday';
  return `weekly on ${day[0]?.toUpperCase()}${day.slice(1)} at ${time}`;
}

/** Listings waiting for a member's next digest, and the schedule that sends it. */
export interface DigestPort {
  /** Adds a listing to the member's next digest (once per listing). */
  add(userId: string, listingId: string, at: number): Promise<void>;
  /** Takes (and removes) every listing waiting for the member's digest, oldest first. */
  take(userId: string): Promise<string[]>;
  /** What is waiting, without taking it (for /mydata export). */
  peek(userId: string): Promise<string[]>;
  /** Starts or moves the member's digest job, in their zone. */
  schedule(userId: string, s: DigestSchedule, zone: string): Promise<void>;
  /** Stops the member's digest job and forgets what was waiting. */
  forget(userId: string): Promise<void>;
}
