import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { importListings } from '../../src/core/opportunities/import-listings.ts';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { draftOf } from '../../src/core/opportunities/listing-record.ts';
import { CSV_COLUMNS } from '../../src/core/opportunities/listing-row.ts';
import { loadBootConfig } from '../../src/runtime/boot.ts';
import { importReportLines, writeExport } from '../../src/runtime/import-export.ts';
import { type ListingFile, parseListingText, readListingFile } from '../../src/runtime/listing-file.ts';
import { loadSampleListingsIfEmpty } from '../../src/runtime/sample-listings.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { type CliRun, ROOT, runImgbot as runCli } from '../helpers/cli.ts';
import { listingCells as cells, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';

const SAMPLE = join(ROOT, 'config/opportunities.sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'imgbot-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.dispose();
});
function newApp(): TestApp {
  const app = createTestApp({ clock: new FakeClock(T0) });
  apps.push(app);
  return app;
}

/** One CSV line from cells in header order (quoted when needed). */
function csvLine(c: Record<string, string>): string {
  return CSV_COLUMNS.map((k) => {
    const v = c[k] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

/** A spreadsheet with good, flagged and bad rows (row numbers as a spreadsheet shows them). */
const MIXED = [
  CSV_COLUMNS.join(','),
  csvLine(cells({ id: 'obs-good-1' })), // row 2
  csvLine(cells({ id: 'obs-bad-3', fee_usd: 'lots', state: 'Atlantis' })), // row 3
  csvLine(
    cells({
      id: 'ext-good-4',
      type: 'externship',
      hands_on: 'yes',
      specialties: 'IM;geri',
      fee_usd: '2000',
      deadline: '',
      description: 'See patients, supervised by the attending, who co-signs every note.',
    }),
  ), // row 4
  csvLine(cells({ id: 'ext-held-5', description: 'A guaranteed residency position for every observer.' })), // row 5
  csvLine(cells({ id: 'obs-bad-6', title: '' })), // row 6
  'obs-bad-7,Too Short,observership', // row 7
  csvLine(cells({ id: 'obs-good-1', title: 'Same id again' })), // row 8
  csvLine(cells({ id: 'obs-past-9', deadline: '2026-06-01' })), // row 9
  csvLine(
    cells({
      id: '',
      title: 'Psychiatry Observership',
      specialties: 'psych',
      city: 'Pittsburgh',
      state: 'PA',
    }),
  ), // row 10
  csvLine(cells({ id: 'obs-bad-11', specialties: 'cardiolgy' })), // row 11
].join('\n');

async function importText(
  app: TestApp,
  text: string,
  name = 'mixed.csv',
): Promise<{ lines: string[]; file: ListingFile; report: Awaited<ReturnType<typeof importListings>> }> {
  const file = parseListingText(text, name);
  if (!file.ok) throw new Error(file.message);
  const report = await importListings(app.deps, file.value.rows, {
    actorId: 'cli:import',
    communityId: 'shell:local',
    now: app.deps.clock.now(),
    label: name,
  });
  return { lines: importReportLines(report, file.value), file: file.value, report };
}

async function allListings(app: TestApp): Promise<Listing[]> {
  return app.deps.listings.list(0, 1000);
}

describe('importing a file with good and bad rows', () => {
  it('stores exactly the good rows, holds the flagged one, and names every bad row with column and reason', async () => {
    const app = newApp();
    const { lines, report } = await importText(app, MIXED);
    const stored = (await allListings(app)).map((l) => [l.id, l.status]);
    // A row without an id gets a readable one: type, specialty, state and a short suffix.
    const psychId = stored.find(([id]) => String(id).startsWith('obs-psych-pa-'))?.[0];
    expect(psychId).toMatch(/^obs-psych-pa-[a-z2-9]{6}$/);
    expect(stored.sort()).toEqual(
      [
        ['obs-good-1', 'published'],
        ['ext-good-4', 'published'],
        ['ext-held-5', 'pending'],
        ['obs-past-9', 'expired'],
        [psychId, 'published'],
      ].sort(),
    );
    expect(report).toMatchObject({ imported: 3, updated: 0, rejected: 5 });
    expect(lines).toEqual([
      expect.stringMatching(/^rejected row 3, column state: must be a U\.S\. state code or name/),
      expect.stringMatching(/^rejected row 3, column fee_usd: must be whole US dollars/),
      'rejected row 6, column title: must not be empty',
      'rejected row 7, column row: has 3 cells but the header has 20 columns (quote cells that contain commas)',
      'rejected row 8, column id: repeats the id of row 2; give each listing its own id',
      expect.stringMatching(
        /^rejected row 11, column specialties: has an unknown specialty "cardiolgy" \(did you mean cardiology/,
      ),
      expect.stringMatching(/^held for review row 5, id ext-held-5: guaranteed-match: Promises a residency/),
      // A past deadline is history, not an error: stored as expired, with a warning.
      'warning: stored as expired row 9, id obs-past-9: the deadline 2026-06-01 has already passed, so it is kept for history but never shown in searches',
      'Imported 3, updated 0, held for review 1, stored as expired 1, rejected 5.',
    ]);
    expect((await run(app, '/observership cardiology')).ids).not.toContain('obs-past-9');
    // Nothing of a rejected row was stored: no record and no index entry finds it.
    for (const id of ['obs-bad-3', 'obs-bad-6', 'obs-bad-7', 'obs-bad-11']) {
      expect(await app.deps.listings.get(id)).toBeUndefined();
    }
    // The good rows are stored whole: every index finds them.
    expect((await run(app, '/observership cardiology NY free q:rounds city:albany')).ids).toEqual([
      'obs-good-1',
    ]);
    expect((await run(app, '/externship IM hands-on')).ids).toEqual(['ext-good-4']);
    expect((await run(app, '/observership psych PA')).ids).toEqual([psychId]);
    expect((await run(app, '/observership q:guaranteed')).ids).toEqual([]);
    // The held one is in the review queue with the rule that fired.
    const queue = await run(app, '/review', 'mod', true);
    expect(queue.ids).toEqual(['ext-held-5']);
    expect(queue.records[0]?.fields?.[0]?.name).toBe('flag: guaranteed-match');
    const [summary] = await app.deps.audit.list('shell:local', { limit: 1 });
    expect(summary).toMatchObject({
      action: 'listing.import',
      actorId: 'cli:import',
      target: 'mixed.csv',
      after: { imported: 3, held: 1, expired: 1, rejected: 5 },
    });
  });

  it('is an upsert by id: the same file again changes nothing, a changed row updates with before/after in the audit log', async () => {
    const app = newApp();
    await importText(app, MIXED);
    const before = await allListings(app);
    const again = await importText(app, MIXED);
    expect(again.lines.at(-1)).toBe(
      'Imported 0, updated 0, held for review 0, stored as expired 0, rejected 5, unchanged 5.',
    );
    expect(await allListings(app)).toEqual(before);

    const changed = MIXED.replace(
      csvLine(cells({ id: 'obs-good-1' })),
      csvLine(cells({ id: 'obs-good-1', fee_usd: '300' })),
    );
    const third = await importText(app, changed, 'fees.csv');
    expect(third.lines.at(-1)).toBe(
      'Imported 0, updated 1, held for review 0, stored as expired 0, rejected 5, unchanged 4.',
    );
    expect((await app.deps.listings.get('obs-good-1'))?.feeUsd).toBe(300);
    expect(await app.deps.listings.count()).toBe(5);
    const entries = await app.deps.audit.list('shell:local', { limit: 5, target: 'obs-good-1' });
    expect(entries[0]).toMatchObject({
      action: 'listing.import-update',
      before: { feeUsd: 0 },
      after: { feeUsd: 300 },
      reason: 'fees.csv, row 2',
    });
  });

  it('a bad row for a stored listing leaves that listing exactly as it was', async () => {
    const app = newApp();
    await seedListings(app, [cells({ id: 'obs-keep', fee_usd: '0' })]);
    const before = await app.deps.listings.get('obs-keep');
    const { report } = await importText(
      app,
      [CSV_COLUMNS.join(','), csvLine(cells({ id: 'obs-keep', fee_usd: '100', state: 'Nowhere' }))].join(
        '\n',
      ),
    );
    expect(report.rejected).toBe(1);
    expect(await app.deps.listings.get('obs-keep')).toEqual(before);
    expect((await run(app, '/observership free')).ids).toEqual(['obs-keep']);
  });

  it('a row can withdraw a listing (status column), which leaves searches', async () => {
    const app = newApp();
    await seedListings(app, [cells({ id: 'obs-w' })]);
    await importText(app, `${CSV_COLUMNS.join(',')},status\n${csvLine(cells({ id: 'obs-w' }))},withdrawn`);
    expect((await app.deps.listings.get('obs-w'))?.status).toBe('withdrawn');
    expect((await run(app, '/observership')).ids).toEqual([]);
  });

  it('reads JSON too, naming bad items by number and key', async () => {
    const app = newApp();
    const json = JSON.stringify([
      { ...cells({ id: 'obs-j1' }), hands_on: false, specialties: ['cardiology', 'IM'] },
      { ...cells({ id: 'obs-j2' }), fee_usd: -5 },
      'not a listing',
    ]);
    const { lines } = await importText(app, json, 'listings.json');
    expect(lines).toEqual([
      expect.stringMatching(/^rejected item 2, key fee_usd: must be whole US dollars/),
      'rejected item 3, key item: must be an object of listing fields',
      'Imported 1, updated 0, held for review 0, stored as expired 0, rejected 2.',
    ]);
    expect((await app.deps.listings.get('obs-j1'))?.specialties).toEqual(['cardiology', 'internal-medicine']);
  });
});

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('export then import', () => {
  it.each(['csv', 'json'] as const)(
    '%s: gives the same listings (content, status, verification)',
    async (format) => {
      const source = newApp();
      const sample = await readListingFile(SAMPLE);
      if (!sample.ok) throw new Error(sample.message);
      await importListings(source.deps, sample.value.rows, {
        actorId: 'x',
        communityId: 'shell:local',
        now: T0,
        label: 's',
      });
      await seedListings(source, [
        {
          ...cells({ id: 'obs-extra', description: 'Line one,\n"quoted" line two; @everyone' }),
          fee_covers: 'badge, parking',
          other_requirements: 'BLS',
          timezone: 'America/Chicago',
        },
        cells({ id: 'obs-old', deadline: '2026-11-01', status: 'expired' }),
        cells({ id: 'obs-held', status: 'pending' }),
      ]);
      await run(source, '/verify id:obs-cardio-ny-01', 'mod', true);
      await run(source, '/withdraw id:obs-im-nj-01 reason:closed', 'mod', true);

      const sink = new Sink();
      const n = await writeExport(source, format, sink);
      const original = await allListings(source);
      expect(n).toBe(original.length);

      const target = newApp();
      const { report } = await importText(target, sink.text, `export.${format}`);
      expect(report.rejected).toBe(0);
      const shape = (l: Listing) => ({
        ...draftOf(l),
        status: l.status,
        verifiedAt: l.verifiedAt,
        flags: l.flags,
      });
      const byId = (ls: Listing[]) => Object.fromEntries(ls.map((l) => [l.id, shape(l)]));
      expect(byId(await allListings(target))).toEqual(byId(original));
      expect((await target.deps.listings.get('obs-extra'))?.description).toBe(
        'Line one,\n"quoted" line two; @everyone',
      );
      expect((await run(target, '/observership cardiology NY')).ids).toEqual(
        (await run(source, '/observership cardiology NY')).ids,
      );
    },
  );
});

describe('the sample listings', () => {
  async function boot(extra: Record<string, string> = {}) {
    return loadBootConfig({ REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent', ...extra });
  }

  it('are all valid, fictional-looking, varied, with deadlines well after 2026 (or rolling)', async () => {
    const app = newApp();
    const file = await readListingFile(SAMPLE);
    if (!file.ok) throw new Error(file.message);
    const report = await importListings(app.deps, file.value.rows, {
      actorId: 'x',
      communityId: 'shell:local',
      now: Date.now(),
      label: 's',
    });
    expect(report.problems).toEqual([]);
    expect(report.held).toEqual([]);
    const all = await allListings(app);
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((l) => l.type)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((l) => l.state)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(all.flatMap((l) => l.specialties)).size).toBeGreaterThanOrEqual(12);
    const lateIn2027 = DateTime.fromISO('2027-08-01', { zone: 'America/New_York' }).toMillis();
    for (const l of all) if (l.deadlineAt !== null) expect(l.deadlineAt, l.id).toBeGreaterThan(lateIn2027);
    for (const l of all) expect(l.contact, l.id).toMatch(/example\.org/);
  });

  it('load into an empty store on start, so the first /observership shows results; never into a used store', async () => {
    const app = newApp();
    const b = await boot();
    const loaded = await loadSampleListingsIfEmpty(app, b);
    expect(loaded).toBeGreaterThanOrEqual(30);
    const first = await run(app, '/observership cardiology NY');
    expect(first.ids[0]).toBe('obs-cardio-ny-01');
    expect(first.records[0]?.subtitle).toContain(
      'Riverbend Community Hospital · Albany, NY · 4 weeks · free · apply by',
    );

    await run(app, '/withdraw id:obs-cardio-ny-01 reason:gone', 'mod', true);
    expect(await loadSampleListingsIfEmpty(app, b)).toBe(0);
    expect((await app.deps.listings.get('obs-cardio-ny-01'))?.status).toBe('withdrawn');

    const other = newApp();
    await seedListings(other, [cells({ id: 'mine' })]);
    expect(await loadSampleListingsIfEmpty(other, b)).toBe(0);
    expect(await other.deps.listings.count()).toBe(1);
  });

  it('are not loaded for a bot with Discord or Slack tokens (real members never see fictional listings)', async () => {
    const app = newApp();
    expect(
      await loadSampleListingsIfEmpty(
        app,
        await boot({ DISCORD_TOKEN: 'x'.repeat(60), DISCORD_APPLICATION_ID: '123456789012345678' }),
      ),
    ).toBe(0);
    expect(await app.deps.listings.count()).toBe(0);
  });
});

/** Runs `node bin/imgbot.mjs <args>` under a fresh key prefix, like a moderator at a terminal. */
function runImgbot(args: readonly string[], prefix: string, input = ''): Promise<CliRun> {
  return runCli(args, { REDIS_URL: TEST_REDIS_URL, IMGBOT_PREFIX: prefix, LOG_LEVEL: 'warn' }, { input });
}

describe('imgbot import / export (the CLI)', () => {
  let prefix = '';
  afterEach(async () => {
    const redis = testRedis();
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  });

  // Deadlines relative to the real clock the CLI runs on.
  const future = DateTime.now().plus({ years: 1 }).toISODate() ?? '';
  const sooner = DateTime.now().plus({ months: 6 }).toISODate() ?? '';
  function cleanFile(): string {
    const clean = join(dir, 'clean.csv');
    const rows = [
      cells({ id: 'obs-cli', deadline: future }),
      cells({ id: 'obs-cli-2', title: 'Sooner', deadline: sooner }),
    ];
    writeFileSync(clean, [CSV_COLUMNS.join(','), ...rows.map(csvLine)].join('\n'));
    return clean;
  }

  it('imgbot import prints every bad row and the summary, and exits 1 when a row was rejected', async () => {
    prefix = testPrefix();
    const mixed = join(dir, 'mixed.csv');
    writeFileSync(mixed, MIXED.replaceAll('2027-10-15', future));
    const bad = await runImgbot(['import', mixed], prefix);
    expect(bad.code, bad.stderr).toBe(1);
    const out = bad.stdout.trim().split('\n');
    expect(out.at(-1)).toBe('Imported 3, updated 0, held for review 1, stored as expired 1, rejected 5.');
    expect(out.filter((l) => l.startsWith('rejected row ')).map((l) => l.split(',')[0])).toEqual([
      'rejected row 3',
      'rejected row 3',
      'rejected row 6',
      'rejected row 7',
      'rejected row 8',
      'rejected row 11',
    ]);
    expect(out).toContain(
      'warning: stored as expired row 9, id obs-past-9: the deadline 2026-06-01 has already passed, so it is kept for history but never shown in searches',
    );
    expect(out).toContain(
      'rejected row 7, column row: has 3 cells but the header has 20 columns (quote cells that contain commas)',
    );
  });

  it('a clean file exits 0, and imgbot export --format json gives the listings back', async () => {
    prefix = testPrefix();
    const good = await runImgbot(['import', cleanFile()], prefix);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout.trim()).toBe(
      'Imported 2, updated 0, held for review 0, stored as expired 0, rejected 0.',
    );
    const exported = await runImgbot(['export', '--format', 'json'], prefix);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = JSON.parse(exported.stdout) as { id: string; status: string; deadline: string }[];
    expect(rows.map((r) => [r.id, r.status, r.deadline]).sort()).toEqual([
      ['obs-cli', 'published', future],
      ['obs-cli-2', 'published', sooner],
    ]);
  });

  it('the shell sees imported listings, with --json ids in display order (and never loads the samples)', async () => {
    prefix = testPrefix();
    await runImgbot(['import', cleanFile()], prefix);
    const shell = await runImgbot(
      ['shell', '--json'],
      prefix,
      '/observership cardiology NY\n/opportunities\n',
    );
    expect(shell.code, shell.stderr).toBe(0);
    const [found, all] = shell.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(found.ids).toEqual(['obs-cli-2', 'obs-cli']);
    expect(all.ids).toEqual(['obs-cli-2', 'obs-cli']);
  });

  it('imgbot start (npm start) loads the samples into the empty store, so /observership shows results', async () => {
    prefix = testPrefix();
    const run = await runImgbot(['start'], prefix, '/observership cardiology NY\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1. Cardiology Observership  [obs-cardio-ny-01]');
    expect(run.stdout).toContain('Riverbend Community Hospital · Albany, NY · 4 weeks · free · apply by');
    const again = await runImgbot(['shell', '--json'], prefix, '/opportunities\n');
    expect(JSON.parse(again.stdout.trim()).text).toMatch(/^\d+ listings match/);
  });

  it('refuses a missing file and a file with a misspelt column, importing nothing', async () => {
    prefix = testPrefix();
    const missing = await runImgbot(['import', join(dir, 'nope.csv')], prefix);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv does not exist.');
    expect(missing.stderr).toContain('Nothing was imported.');
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'id,title,fee_uds\n1,2,3\n');
    const header = await runImgbot(['import', broken], prefix);
    expect(header.code).toBe(1);
    expect(header.stderr).toContain('Unknown column "fee_uds" in the header. Did you mean fee_usd?');
  });

  it('refuses an unknown export format; a fresh shell has no listings at all', async () => {
    prefix = testPrefix();
    const format = await runImgbot(['export', '--format', 'xml'], prefix);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format must be csv or json (got "xml")');
    const shell = await runImgbot(['shell', '--json'], prefix, '/observership\n');
    expect(JSON.parse(shell.stdout.trim()).ids).toEqual([]);
  });
});
