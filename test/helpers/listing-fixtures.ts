import { DateTime } from 'luxon';
import { ShellNotifier } from '../../src/bots/shell/shell-notifier.ts';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { type ImportReport, importListings } from '../../src/core/opportunities/import-listings.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { TestApp } from './app.ts';

/** 2027-01-04 12:00 in New York: every fixture deadline (2027) is still ahead. */
export const T0 = DateTime.fromISO('2027-01-04T12:00', { zone: 'America/New_York' }).toMillis();

/** A complete, clean listing row as a spreadsheet has it; override any cell. */
export function listingCells(over: Record<string, string> = {}): Record<string, string> {
  return {
    id: 'obs-cardio-ny-01',
    title: 'Cardiology Observership',
    type: 'observership',
    hands_on: 'no',
    specialties: 'cardiology',
    institution: 'Riverbend Community Hospital',
    city: 'Albany',
    state: 'NY',
    country: 'US',
    setting: 'community-hospital',
    duration_weeks: '4',
    fee_usd: '0',
    step1_required: 'no',
    step2ck_required: 'no',
    ecfmg_required: 'no',
    lor_possible: 'no',
    deadline: '2027-10-15',
    start_date: '',
    contact: 'observers@riverbend.example.org',
    description: 'Observers join the consult team on rounds.',
    ...over,
  };
}

/** Stores listings through the import use case (rows numbered from 2, as in a spreadsheet). */
export async function seedListings(
  app: TestApp,
  rows: readonly Record<string, string>[],
  now = app.deps.clock.now(),
  opts: { announce?: boolean } = {},
): Promise<ImportReport> {
  const report = await importListings(
    app.deps,
    rows.map((cells, i) => ({ row: i + 2, cells })),
    { actorId: 'cli:import', communityId: 'shell:local', now, label: 'fixture', ...opts },
  );
  if (report.rejected > 0) throw new Error(`fixture rows rejected: ${JSON.stringify(report.problems)}`);
  return report;
}

/** Runs a text command line as a shell member (or moderator). */
export function run(app: TestApp, line: string, who = 'amina', moderator = false): Promise<Reply> {
  return runTextCommand(line, app.as(who, { moderator }));
}

/** Collects the direct messages the core sends to shell users, through the real shell notifier. */
export function collectDms(app: TestApp): { to: string; reply: Reply }[] {
  const dms: { to: string; reply: Reply }[] = [];
  const notifier = new ShellNotifier();
  notifier.attach((reply, dm) => {
    if (dm) dms.push({ to: dm.to, reply });
  });
  app.notifier.register('shell', notifier);
  return dms;
}
