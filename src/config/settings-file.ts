import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { fail, ok, type Result } from '../core/result.ts';
import { type CoreSettings, coreSettingsSchema } from '../core/settings.ts';

// The message follows the field's path (describeIssue puts it first), so it does not repeat the name.
const zone = () =>
  z.string().refine((v) => IANAZone.isValidZone(v), 'must be an IANA time zone such as America/New_York');

/** `config/settings.json`: the core's defaults plus delivery tuning. Unknown keys are errors (typos). */
export const settingsFileSchema = coreSettingsSchema
  .extend({
    defaultTimezone: zone().default('America/New_York'),
    listingTimezone: zone().default('America/New_York'),
    delivery: z
      .object({
        /** Parallel deliveries per worker process. */
        concurrency: z.number().int().min(1).max(200).default(20),
        /** Max messages per second across all workers of the queue (0 = unlimited); Discord allows ~50 requests/s per bot. */
        maxPerSecond: z.number().int().min(0).max(1000).default(40),
        /**
         * Attempts before a transient failure gives up. why 15: with backoff doubling from 1 s
         * and capped at 5 min, a platform outage of about 45 minutes delays reminders, never drops them.
         */
        attempts: z.number().int().min(1).max(30).default(15),
      })
      .strict()
      .default({ concurrency: 20, maxPerSecond: 40, attempts: 15 }),
  })
  .strict();

export type SettingsFile = z.infer<typeof settingsFileSchema>;

function describeIssue(file: string, issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${file}: ${where} ${issue.message}. Example: {"defaultTimezone": "America/New_York", "pageSize": 5}`;
}

/** Reads and validates `settings.json` from the config directory; a missing file means defaults. */
export async function loadSettingsFile(configDir: string): Promise<Result<SettingsFile & CoreSettings>> {
  const file = join(configDir, 'settings.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return ok(settingsFileSchema.parse({}));
    return fail('CONFIG.FILE', `${file}: cannot be read (${(err as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail('CONFIG.FILE', `${file}: is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (!parsed.success)
    return fail('CONFIG.FILE', describeIssue(file, parsed.error.issues[0] as z.core.$ZodIssue));
  return ok(parsed.data);
}
