import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/core/commands/dispatch.ts';
import { importListings } from '../../src/core/opportunities/import-listings.ts';
import type { Reply } from '../../src/core/reply.ts';
import { readListingFile } from '../../src/runtime/listing-file.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { ROOT } from '../helpers/cli.ts';
import { listingCells as cells, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';

let app: TestApp;
beforeEach(() => {
  app = createTestApp({ clock: new FakeClock(T0) });
});
afterEach(async () => {
  await app.dispose();
});

const mod = (line: string) => run(app, line, 'mod', true);
const member = (line: string) => run(app, line, 'amina');

/** A clean cardiology observership; `over` replaces whole `key:value` options. */
function post(over: Record<string, string> = {}, command = '/post'): string {
  const opts: Record<string, string> = {
    title: '"Cardiology Observership"',
    type: 'observership',
    specialties: 'cardiology',
    institution: '"Riverbend Community Hospital"',
    city: 'Albany',
    state: 'NY',
    duration_weeks: '4',
    fee_usd: '0',
    deadline: '2027-08-31',
    contact: 'observers@riverbend.example.org',
    description: '"Rounds with the consult team."',
    ...over,
  };
  return `${command} ${Object.entries(opts)
    .map(([k, v]) => `${k}:${v}`)
    .join(' ')}`;
}

function flag(r: Reply): string | undefined {
  return r.fields.find((f) => f.name === 'possible-duplicate')?.value;
}

describe('possible duplicates of an open listing are held for review', () => {
  it('a post of the same program (institution, city, type, specialty) is held, naming the other listing', async () => {
    const first = await mod(post({ id: 'obs-first' }));
    expect(first.title).toBe('Published: Cardiology Observership');
    const again = await mod(post({ id: 'obs-again', title: '"Observership in Cardiology"' }));
    expect(again.title).toBe('Held for review: Observership in Cardiology');
    expect(flag(again)).toBe(
      'Looks like listing obs-first "Cardiology Observership" (same institution, city, type and specialty)',
    );
    expect((await app.deps.listings.get('obs-again'))?.status).toBe('pending');
    expect((await member('/observership cardiology')).ids).toEqual(['obs-first']);

    const queue = await mod('/review');
    expect(queue.ids).toEqual(['obs-again']);
    expect(queue.records[0]?.fields).toEqual([
      {
        name: 'flag: possible-duplicate',
        value:
          'Looks like listing obs-first "Cardiology Observership" (same institution, city, type and specialty)',
      },
    ]);
    // Fixing a detail while it waits keeps the question open.
    await mod('/edit id:obs-again description:"Rounds and clinic with the consult team."');
    expect((await mod('/review')).records[0]?.fields?.map((f) => f.name)).toEqual([
      'flag: possible-duplicate',
    ]);
    // A moderator who knows better approves it; an edit later does not hold it again.
    await runAction('review.approve', 'obs-again', app.as('mod', { moderator: true }));
    expect((await mod('/edit id:obs-again duration_weeks:6')).text).toContain('Saved');
    expect((await app.deps.listings.get('obs-again'))?.status).toBe('published');
  });

  it('a member’s suggestion with a near-identical title at the same hospital is flagged, and told so', async () => {
    await mod(post({ id: 'obs-first' }));
    const s = await member(
      post(
        { title: '"Cardiology Observeship"', city: 'Troy', contact: 'cardio@riverbend.example.org' },
        '/suggest',
      ),
    );
    expect(s.error, s.text).toBe(false);
    expect(flag(s)).toBe(
      'Looks like listing obs-first "Cardiology Observership" (near-identical title at the same place)',
    );
    const queue = await mod('/review');
    expect(queue.records[0]?.fields?.[0]).toEqual({
      name: 'flag: possible-duplicate',
      value:
        'Looks like listing obs-first "Cardiology Observership" (near-identical title at the same place)',
    });
  });

  it.each([
    [
      'another specialty at the same hospital',
      { title: '"Nephrology Observership"', specialties: 'nephrology' },
    ],
    [
      'the same generic title at another hospital',
      { institution: '"Pinecrest Valley Hospital"', contact: 'im@pinecrest.example.org' },
    ],
    ['another type at the same hospital', { title: '"Cardiology Externship"', type: 'externship' }],
  ])('%s is not a duplicate and is published', async (_name, over) => {
    await mod(post({ id: 'obs-first' }));
    const other = await mod(post({ id: 'obs-other', ...over }));
    expect(other.title, JSON.stringify(other.fields)).toMatch(/^Published: /);
  });

  it('a withdrawn listing is not an open listing to duplicate', async () => {
    await mod(post({ id: 'obs-first' }));
    await mod('/withdraw id:obs-first reason:"program closed"');
    expect((await mod(post({ id: 'obs-new' }))).title).toBe('Published: Cardiology Observership');
  });
});

describe('imports: new rows are compared with open listings, never with themselves', () => {
  const opts = { actorId: 'cli:import', communityId: 'shell:local', now: T0, label: 'sheet.csv' };

  it('a new row that repeats a stored listing under another id is held; re-running the file is not', async () => {
    const sample = await readListingFile(join(ROOT, 'config/opportunities.sample.csv'));
    if (!sample.ok) throw new Error(sample.message);
    const first = await importListings(app.deps, sample.value.rows, opts);
    expect(first.held).toEqual([]);
    const stored = first.imported;

    // The same file again (the same ids): an upsert, so nothing is a duplicate of itself.
    const again = await importListings(app.deps, sample.value.rows, opts);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: stored, held: [], rejected: 0 });

    // A row with a changed field of a stored id is an update, not a duplicate.
    const changed = sample.value.rows.map((r) =>
      r.cells.id === 'obs-cardio-ny-01' ? { ...r, cells: { ...r.cells, duration_weeks: '6' } } : r,
    );
    expect(await importListings(app.deps, changed, opts)).toMatchObject({ updated: 1, held: [] });

    // A spreadsheet from elsewhere lists the same program under its own id.
    const report = await seedListings(app, [
      cells({ id: 'sheet-cardio-albany', title: 'Cardiology observership (Riverbend)' }),
      cells({ id: 'sheet-unrelated', institution: 'Extra Lane Clinic', city: 'Utica' }),
    ]);
    expect(report.imported).toBe(1);
    expect(report.held).toEqual([
      {
        row: 2,
        id: 'sheet-cardio-albany',
        reasons: [
          'possible-duplicate: Looks like listing obs-cardio-ny-01 "Cardiology Observership" (same institution, city, type and specialty)',
        ],
      },
    ]);
    expect((await app.deps.listings.get('sheet-cardio-albany'))?.status).toBe('pending');
    const queue = await mod('/review');
    expect(queue.records[0]?.fields?.[0]?.value).toContain('obs-cardio-ny-01 "Cardiology Observership"');

    // Importing that spreadsheet again updates its own rows and holds nothing new.
    const rerun = await seedListings(app, [
      cells({ id: 'sheet-cardio-albany', title: 'Cardiology observership (Riverbend)' }),
      cells({ id: 'sheet-unrelated', institution: 'Extra Lane Clinic', city: 'Utica' }),
    ]);
    expect(rerun).toMatchObject({ imported: 0, updated: 0, unchanged: 2, held: [] });
  });
});
