import { join } from 'node:path';
import type { App } from '../app.ts';
import { enabledPlatforms } from '../config/env.ts';
import { importListings } from '../core/opportunities/import-listings.ts';
import type { BootConfig } from './boot.ts';
import { readListingFile } from './listing-file.ts';

/** The file of fictional listings shipped in the config directory. */
export const SAMPLE_FILE = 'opportunities.sample.csv';
/** Who the sample listings are recorded as. */
export const SAMPLE_ACTOR = 'cli:sample';

/**
 * On `npm start` only (never `imgbot shell` or `imgbot import`): loads
 * `<config>/opportunities.sample.csv` into a store that has no listing at all,
 * in any status, so a newcomer's first search shows results. A store that has
 * ever held a listing is left alone, and so is a bot with Discord or Slack
 * tokens (real members must never see fictional listings). Problems are
 * logged, never fatal: the bot works without samples. Returns how many
 * listings were stored.
 */
export async function loadSampleListingsIfEmpty(app: App, boot: BootConfig): Promise<number> {
  const { deps } = app;
  const platforms = enabledPlatforms(boot.env);
  if (platforms.discord || platforms.slack) return 0;
  if ((await deps.listings.count()) > 0) return 0;
  const path = join(boot.env.IMGBOT_CONFIG_DIR, SAMPLE_FILE);
  const file = await readListingFile(path);
  if (!file.ok) {
    boot.logger.warn({ path, problem: file.message }, 'sample listings not loaded');
    return 0;
  }
  const report = await importListings(deps, file.value.rows, {
    actorId: SAMPLE_ACTOR,
    communityId: 'shell:local',
    now: deps.clock.now(),
    label: SAMPLE_FILE,
  });
  if (report.rejected > 0 || report.held.length > 0) {
    boot.logger.warn(
      { path, rejected: report.problems, held: report.held.map((h) => h.id) },
      'some sample listings were rejected or held for review',
    );
  }
  const stored = report.imported + report.updated + report.held.length;
  boot.logger.info({ listings: stored, path }, 'loaded the sample listings into the empty store');
  return stored;
}
