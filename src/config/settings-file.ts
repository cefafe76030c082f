import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { type MatchCycle, matchCycleSchema } from '../core/profile/match-cycle.ts';
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

/** `config/match-cycles.json`: the Match seasons' dates, one entry per Match year. */
const matchCyclesFileSchema = z
  .object({ note: z.string().optional(), cycles: z.array(matchCycleSchema) })
  .strict()
  .refine((f) => new Set(f.cycles.map((c) => c.matchYear)).size === f.cycles.length, {
    error: 'has two entries for the same matchYear',
  });

async function readJson(file: string): Promise<Result<unknown | undefined>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return ok(undefined);
    return fail('CONFIG.FILE', `${file}: cannot be read (${(err as Error).message}).`);
  }
  try {
    return ok(JSON.parse(text));
  } catch (err) {
    return fail('CONFIG.FILE', `${file}: is not valid JSON (${(err as Error).message}).`);
  }
}

/** Reads `match-cycles.json` (optional: without it `/plan` says no season is configured). */
async function loadMatchCycles(configDir: string): Promise<Result<MatchCycle[] | undefined>> {
  const file = join(configDir, 'match-cycles.json');
  const json = await readJson(file);
  if (!json.ok) return json;
  if (json.value === undefined) return ok(undefined);
  const parsed = matchCyclesFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return fail(
      'CONFIG.FILE',
      `${file}: ${where} ${issue.message}. Example: {"cycles": [{"matchYear": 2028, "applicationOpens": "2027-06", "programsReceive": "2027-09", "matchDay": "2028-03-17", "source": "ERAS and NRMP calendars"}]}`,
    );
  }
  return ok(parsed.data.cycles);
}

/**
 * Reads and validates `settings.json` (a missing file means defaults) and
 * `match-cycles.json` from the config directory.
 */
export async function loadSettingsFile(configDir: string): Promise<Result<SettingsFile & CoreSettings>> {
  const settings = await loadSettingsJson(configDir);
  if (!settings.ok) return settings;
  const cycles = await loadMatchCycles(configDir);
  if (!cycles.ok) return cycles;
  return ok({ ...settings.value, matchCycles: cycles.value ?? settings.value.matchCycles });
}

async function loadSettingsJson(configDir: string): Promise<Result<SettingsFile & CoreSettings>> {
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
