/**
 * Listings tell members only what is true (issue #10, points 1, 5, 6, 7, 8,
 * 16), through the core on real Redis: a fee, exam requirement or letter
 * nobody stated is "not stated" in every reply and never matches a filter;
 * contacts are read as people write them; past deadlines in a file are kept
 * as expired; export then import gives the same listings (status included),
 * and the CSV never carries a spreadsheet formula; new listings get readable
 * ids that never change.
 */
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { announcementMessage } from '../../src/core/alerts/announcement-message.ts';
import { importListings } from '../../src/core/opportunities/import-listings.ts';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { draftOf } from '../../src/core/opportunities/listing-record.ts';
import { CSV_COLUMNS } from '../../src/core/opportunities/listing-row.ts';
import type { Reply } from '../../src/core/reply.ts';
import { importReportLines, writeExport } from '../../src/runtime/import-export.ts';
import { parseListingText } from '../../src/runtime/listing-file.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { listingCells as cells, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';
import { eventually, type Harness, localDate, reminderHarness } from './reminder-harness.ts';

const apps: TestApp[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  for (const a of apps.splice(0)) await a.dispose();
  await harness?.close();
  harness = undefined;
});
function newApp(): TestApp {
  const app = createTestApp({ clock: new FakeClock(T0) });
  apps.push(app);
  return app;
}

function field(r: Reply, name: string): string | undefined {
  return r.fields.find((f) => f.name === name)?.value;
}

/** A /post line with the essentials only: no fee, exams or letter stated. */
const BARE_POST =
  '/post title:"Cardiology Observership" type:observership specialties:cardiology ' +
  'institution:"Riverbend Community Hospital" city:Albany state:NY deadline:2027-10-15 ' +
  'contact:observers@riverbend.example.org description:"Rounds with the consult team."';

async function ok(app: TestApp, line: string, who = 'mod'): Promise<Reply> {
  const r = await run(app, line, who, who === 'mod');
  expect(r.error, `${line}: ${r.text}`).toBe(false);
  return r;
}

async function importCsv(app: TestApp, text: string, name = 'file.csv') {
  const file = parseListingText(text, name);
  if (!file.ok) throw new Error(file.message);
  const report = await importListings(app.deps, file.value.rows, {
    actorId: 'cli:import',
    communityId: 'shell:local',
    now: app.deps.clock.now(),
    label: name,
  });
  return { report, lines: importReportLines(report, file.value) };
}

function csvLine(c: Record<string, string>, columns: readonly string[] = CSV_COLUMNS): string {
  return columns
    .map((k) => {
      const v = c[k] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('unknown is not no (point 1)', () => {
  it('a /post without fee, exams or letter shows "not stated" everywhere and matches no free/no_usmle/no_ecfmg/lor/max_fee filter', async () => {
    const app = newApp();
    const posted = await ok(app, BARE_POST);
    const id = posted.ids[0] ?? '';
    const shown = await run(app, `/opportunity id:${id}`);
    expect(field(shown, 'Fee')).toBe('not stated');
    expect(field(shown, 'Requirements')).toBe('USMLE and ECFMG requirements not stated');
    expect(field(shown, 'Letter of recommendation')).toBe('not stated');

    const found = await run(app, '/observership cardiology');
    expect(found.ids).toEqual([id]);
    expect(found.records[0]?.subtitle).toContain(' · fee not stated · ');
    expect(found.records[0]?.subtitle).not.toContain('free');

    for (const filter of ['free:true', 'no_usmle:true', 'no_ecfmg:true', 'lor:true', 'max_fee:5000']) {
      expect((await run(app, `/observership cardiology ${filter}`)).ids, filter).toEqual([]);
    }
    // The announcement says the same.
    const listing = (await app.deps.listings.get(id)) as Listing;
    expect(field(announcementMessage(listing, T0), 'Fee')).toBe('not stated');
  });

  it('stated values still match: 0 is free, no is no, yes is yes; mixed requirements are each named', async () => {
    const app = newApp();
    await ok(
      app,
      `${BARE_POST.replace('/post', '/post id:obs-stated')} fee_usd:0 step1_required:no step2ck_required:no ecfmg_required:no lor_possible:yes`,
    );
    await ok(
      app,
      `${BARE_POST.replace('/post', '/post id:obs-mixed').replace('Cardiology Observership', 'Echo Observership')} fee_usd:free step1_required:yes ecfmg_required:no`,
    );
    for (const filter of ['free:true', 'no_usmle:true', 'no_ecfmg:true', 'lor:true', 'max_fee:0']) {
      expect([...(await run(app, `/observership ${filter}`)).ids].sort(), filter).toEqual(
        filter === 'free:true' || filter === 'max_fee:0' || filter === 'no_ecfmg:true'
          ? ['obs-mixed', 'obs-stated']
          : ['obs-stated'],
      );
    }
    const stated = await run(app, '/opportunity id:obs-stated');
    expect(field(stated, 'Fee')).toBe('free');
    expect(field(stated, 'Requirements')).toBe('no USMLE or ECFMG requirement');
    expect(field(stated, 'Letter of recommendation')).toBe('possible');
    const mixed = await run(app, '/opportunity id:obs-mixed');
    expect(field(mixed, 'Requirements')).toBe(
      'USMLE Step 1 required; ECFMG certification not required; Step 2 CK not stated',
    );
    expect(field(mixed, 'Letter of recommendation')).toBe('not stated');
    // A moderator can set a field back to "not stated".
    const edited = await ok(app, '/edit id:obs-stated fee_usd:"not stated" lor_possible:"not stated"');
    expect(edited.fields.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'feeUsd: 0 → "not stated"',
      'lorPossible: true → "not stated"',
    ]);
    expect(field(await run(app, '/opportunity id:obs-stated'), 'Fee')).toBe('not stated');
    expect((await run(app, '/observership free:true')).ids).toEqual(['obs-mixed']);
    expect((await run(app, '/observership lor:true')).ids).toEqual([]);
  });

  it('a /suggest without a fee is "not stated" for the moderator who reviews it', async () => {
    const app = newApp();
    const suggested = await ok(
      app,
      '/suggest title:"IM Observership" type:observership specialties:IM institution:"Pinecrest Valley Hospital" city:Paterson state:NJ contact:https://pinecrest.example.org/observers description:"Rounds with the hospitalists."',
      'amina',
    );
    const queue = await run(app, '/review', 'mod', true);
    expect(queue.ids).toEqual(suggested.ids);
    expect(queue.records[0]?.subtitle).toContain('fee not stated');
    expect(field(await run(app, `/opportunity id:${suggested.ids[0]}`, 'mod', true), 'Fee')).toBe(
      'not stated',
    );
  });

  it('import: an empty cell is "not stated", 0 is free, and an alert for free listings never hears of an unstated fee', async () => {
    harness = reminderHarness();
    const h = harness;
    const deadline = localDate(Date.now(), 'America/New_York', 90);
    expect((await h.run('ana', '/alert add cardiology free')).error).toBe(false);
    expect((await h.run('bob', '/alert add cardiology')).error).toBe(false);
    await h.startWorker();
    const text = [
      CSV_COLUMNS.join(','),
      csvLine(
        cells({
          id: 'obs-unstated',
          deadline,
          fee_usd: '',
          step1_required: '',
          step2ck_required: '',
          ecfmg_required: '',
          lor_possible: '',
        }),
      ),
    ].join('\n');
    const file = parseListingText(text, 'a.csv');
    if (!file.ok) throw new Error(file.message);
    await importListings(h.app.deps, file.value.rows, {
      actorId: 'cli:import',
      communityId: 'shell:local',
      now: Date.now(),
      label: 'a.csv',
      announce: true,
    });
    const stored = await h.app.deps.listings.get('obs-unstated');
    expect(stored).toMatchObject({
      feeUsd: null,
      requirements: { step1: null, step2ck: null, ecfmg: null },
      lorPossible: null,
    });
    const bobDm = await eventually(() => {
      const dm = h.notifier.to('shell:bob').find((s) => s.message.text.startsWith('New listing for'));
      expect(dm).toBeDefined();
      return dm;
    });
    expect(bobDm?.message.text).toContain('Observership · observational · fee not stated · apply by');
    expect(h.notifier.to('shell:ana').filter((s) => s.message.text.startsWith('New listing for'))).toEqual(
      [],
    );
  });
});

describe('contacts as people write them (point 5)', () => {
  it('a bare domain, a domain with a path, www. and phone numbers are stored, not rejected', async () => {
    const app = newApp();
    const contacts = {
      'obs-c1': ['hospital.org/observers', 'https://hospital.org/observers'],
      'obs-c2': ['www.riverbend-hospital.org', 'https://www.riverbend-hospital.org'],
      'obs-c3': ['+1 555 010 0199', '+1 555 010 0199'],
      'obs-c4': ['(518) 555-0199 ext 12', '(518) 555-0199 ext 12'],
      'obs-c5': ['mailto:observers@riverbend.example.org', 'observers@riverbend.example.org'],
      'obs-c6': ['http://riverbend.example.org', 'http://riverbend.example.org'],
    } as const;
    const rows = Object.entries(contacts).map(([id, [contact]]) =>
      csvLine(cells({ id, contact, title: `Cardiology Observership ${id}` })),
    );
    const { lines, report } = await importCsv(
      app,
      [CSV_COLUMNS.join(','), ...rows, csvLine(cells({ id: 'obs-bad', contact: 'ask at reception' }))].join(
        '\n',
      ),
    );
    expect(report.rejected).toBe(1);
    expect(lines[0]).toBe(
      'rejected row 8, column contact: must be an email address, a web address or a phone number, e.g. observers@hospital.org, hospital.org/observers or +1 555 010 0199',
    );
    for (const [id, [, stored]] of Object.entries(contacts)) {
      const shown = await run(app, `/opportunity id:${id}`);
      expect(field(shown, 'Contact'), id).toBe(stored);
      expect(field(shown, 'Status'), `${id} is published, not held`).toBeUndefined();
    }
    const posted = await ok(
      app,
      BARE_POST.replace('contact:observers@riverbend.example.org', 'contact:www.hospital.org'),
    );
    expect(field(await run(app, `/opportunity id:${posted.ids[0]}`), 'Contact')).toBe(
      'https://www.hospital.org',
    );
  });
});

describe('past deadlines in an import (point 6)', () => {
  it('are stored as expired with a warning, never shown in search, and not counted as rejected', async () => {
    const app = newApp();
    const { lines, report } = await importCsv(
      app,
      [
        CSV_COLUMNS.join(','),
        csvLine(cells({ id: 'obs-open' })),
        csvLine(cells({ id: 'obs-2025', deadline: '2025-03-01', title: 'Last year’s observership' })),
      ].join('\n'),
    );
    expect(report).toMatchObject({ imported: 1, rejected: 0 });
    expect(lines).toEqual([
      'warning: stored as expired row 3, id obs-2025: the deadline 2025-03-01 has already passed, so it is kept for history but never shown in searches',
      'Imported 1, updated 0, held for review 0, stored as expired 1, rejected 0.',
    ]);
    expect((await run(app, '/observership')).ids).toEqual(['obs-open']);
    const old = await run(app, '/opportunity id:obs-2025');
    expect(field(old, 'Status')).toBe('expired');
    expect(field(old, 'Deadline')).toBe('closed Sat 1 Mar 2025');
  });
});

describe('export then import (points 7 and 16)', () => {
  /** Listings in every status, with every tri-state value, and cells a spreadsheet would run. */
  async function source(): Promise<TestApp> {
    const app = newApp();
    await seedListings(app, [
      cells({
        id: 'obs-pub',
        fee_usd: '0',
        step1_required: 'yes',
        step2ck_required: 'no',
        ecfmg_required: '',
        lor_possible: 'yes',
      }),
      cells({
        id: 'obs-unknown',
        title: 'Unknown terms',
        fee_usd: '',
        step1_required: '',
        step2ck_required: '',
        ecfmg_required: '',
        lor_possible: '',
      }),
      cells({
        id: 'obs-paid',
        title: 'Paid',
        fee_usd: '600',
        step1_required: 'no',
        step2ck_required: '',
        ecfmg_required: 'yes',
        lor_possible: 'no',
      }),
      { ...cells({ id: 'obs-pending', title: 'Waiting' }), status: 'pending' },
      cells({ id: 'obs-withdrawn', title: 'Closed early' }),
      { ...cells({ id: 'obs-expired', title: 'Old', deadline: '2026-11-01' }), status: 'expired' },
      cells({
        id: 'obs-formula',
        title: '=HYPERLINK("http://evil.example","click me")',
        contact: '+1 555 010 0199',
        description: '-5 C outside; @everyone welcome\n+ bring a coat',
      }),
      cells({ id: 'obs-quoted', title: "'=already quoted", description: "'plain quote" }),
      // A fee above the usual ceiling: held, then approved by a moderator (published with an accepted flag).
      cells({
        id: 'ext-approved',
        type: 'externship',
        title: 'Approved despite a flag',
        fee_usd: '9000',
        duration_weeks: '4',
      }),
    ]);
    await ok(app, '/withdraw id:obs-withdrawn reason:"program closed"');
    expect((await app.deps.listings.get('ext-approved'))?.status).toBe('pending');
    await ok(app, '/approve id:ext-approved');
    expect((await app.deps.listings.get('ext-approved'))?.status).toBe('published');
    return app;
  }

  const shape = (l: Listing) => ({ ...draftOf(l), status: l.status, verifiedAt: l.verifiedAt });

  it.each(['csv', 'json'] as const)(
    '%s: every status and every not-stated value comes back the same',
    async (format) => {
      const from = await source();
      const sink = new Sink();
      await writeExport(from, format, sink);
      const to = newApp();
      const { report } = await importCsv(to, sink.text, `export.${format}`);
      expect(report).toMatchObject({ rejected: 0, expired: [] });
      expect(report.held.map((h) => h.id)).toEqual(['obs-pending']);
      const byId = async (app: TestApp) =>
        Object.fromEntries((await app.deps.listings.list(0, 100)).map((l) => [l.id, shape(l)]));
      const before = await byId(from);
      expect(await byId(to)).toEqual(before);
      expect(
        Object.values(before)
          .map((l) => l.status)
          .sort(),
      ).toEqual([
        'expired',
        'pending',
        'published',
        'published',
        'published',
        'published',
        'published',
        'published',
        'withdrawn',
      ]);
      // What members see is the same too.
      for (const line of [
        '/opportunities',
        '/opportunities free:true',
        '/opportunities no_ecfmg:true',
        '/opportunities lor:true',
      ]) {
        expect((await run(to, line)).ids, line).toEqual((await run(from, line)).ids);
      }
      expect(field(await run(to, '/opportunity id:obs-unknown'), 'Fee')).toBe('not stated');
      expect((await run(to, '/review', 'mod', true)).ids).toEqual(['obs-pending']);
    },
  );

  it('csv: no cell starts a formula, and the neutralised cells import exactly as written', async () => {
    const from = await source();
    const sink = new Sink();
    await writeExport(from, 'csv', sink);
    const rows = parse(sink.text) as string[][];
    const cellsOut = rows.slice(1).flat();
    expect(cellsOut.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cellsOut).toContain('\'=HYPERLINK("http://evil.example","click me")');
    expect(cellsOut).toContain("'+1 555 010 0199");
    expect(cellsOut).toContain("''=already quoted");
    expect(cellsOut).toContain("'plain quote");

    const to = newApp();
    await importCsv(to, sink.text, 'export.csv');
    const formula = await to.deps.listings.get('obs-formula');
    expect(formula?.title).toBe('=HYPERLINK("http://evil.example","click me")');
    expect(formula?.contact).toBe('+1 555 010 0199');
    expect(formula?.description).toBe('-5 C outside; @everyone welcome\n+ bring a coat');
    const quoted = await to.deps.listings.get('obs-quoted');
    expect(quoted?.title).toBe("'=already quoted");
    expect(quoted?.description).toBe("'plain quote");
  });
});

describe('export then import, one point at a time', () => {
  it('point 7: a flagged listing a moderator approved comes back published, not pending', async () => {
    const from = newApp();
    await seedListings(from, [
      cells({ id: 'ext-approved', type: 'externship', title: 'Approved despite a flag', fee_usd: '9000' }),
    ]);
    await ok(from, '/approve id:ext-approved');
    for (const format of ['csv', 'json'] as const) {
      const sink = new Sink();
      await writeExport(from, format, sink);
      const to = newApp();
      const { report } = await importCsv(to, sink.text, `export.${format}`);
      expect(report.held, format).toEqual([]);
      expect((await to.deps.listings.get('ext-approved'))?.status, format).toBe('published');
      expect((await run(to, '/externship')).ids, format).toEqual(['ext-approved']);
    }
  });

  it('point 16: a member’s /suggest title =HYPERLINK(...) is exported as text and re-imported as written', async () => {
    const from = newApp();
    const title = '=HYPERLINK("http://evil.example","Click for the letter")';
    const suggested = await ok(
      from,
      `/suggest title:'${title}' type:observership specialties:IM institution:"Pinecrest Valley Hospital" city:Paterson state:NJ contact:https://pinecrest.example.org/observers description:"@staff -- rounds daily"`,
      'amina',
    );
    const sink = new Sink();
    await writeExport(from, 'csv', sink);
    const [, row] = parse(sink.text) as string[][];
    expect(row?.[1]).toBe(`'${title}`);
    expect(row?.[19]).toBe("'@staff -- rounds daily");
    const to = newApp();
    await importCsv(to, sink.text, 'export.csv');
    const back = await to.deps.listings.get(suggested.ids[0] ?? '');
    expect(back?.title).toBe(title);
    expect(back?.description).toBe('@staff -- rounds daily');
  });
});

describe('readable ids (point 8)', () => {
  it('a new listing gets type-specialty-state and a short suffix, which edits never change', async () => {
    const app = newApp();
    const posted = await ok(app, BARE_POST);
    const id = posted.ids[0] ?? '';
    expect(id).toMatch(/^obs-cardio-ny-[a-z2-9]{4}$/);
    const suggested = await ok(
      app,
      '/suggest title:"IM Externship" type:externship specialties:IM institution:"Lone Star Clinic" city:Houston state:TX contact:https://lonestar.example.org description:"Supervised by the attending."',
      'amina',
    );
    expect(suggested.ids[0]).toMatch(/^ext-im-tx-[a-z2-9]{4}$/);
    await ok(app, `/edit id:${id} title:"Heart Observership" type:externship state:NJ specialties:IM`);
    const after = await run(app, `/opportunity id:${id}`);
    expect(after.title).toContain('Heart Observership');
    expect(after.ids).toEqual([id]);
    expect(await app.deps.listings.count()).toBe(2);
  });

  it('an import row without an id never takes an id another listing holds', async () => {
    const app = newApp();
    const row = cells({
      id: '',
      title: 'Psychiatry Observership',
      specialties: 'psych',
      city: 'Pittsburgh',
      state: 'PA',
    });
    // Imported here, not at the top, so the other tests of this file run on a tree without readable ids.
    const { derivedListingId } = await import('../../src/core/opportunities/listing-id.ts');
    const wanted = derivedListingId({
      type: 'observership',
      title: 'Psychiatry Observership',
      institution: row.institution ?? '',
      city: 'Pittsburgh',
      state: 'PA',
      specialties: ['psychiatry'],
      country: 'US',
    });
    // Someone already posted a different listing under exactly that id.
    await ok(app, BARE_POST.replace('/post', `/post id:${wanted}`));
    const text = [CSV_COLUMNS.join(','), csvLine(row)].join('\n');
    const first = await importCsv(app, text);
    expect(first.report.imported).toBe(1);
    expect((await app.deps.listings.get(wanted))?.title).toBe('Cardiology Observership');
    const psych = (await run(app, '/observership psych PA')).ids;
    expect(psych).toHaveLength(1);
    expect(psych[0]).toMatch(/^obs-psych-pa-[a-z2-9]{8}$/);
    // The same file again finds the same listing (stable), rather than adding another.
    const again = await importCsv(app, text);
    expect(again.report).toMatchObject({ imported: 0, unchanged: 1 });
    expect(await app.deps.listings.count()).toBe(2);
  });
});
