import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MAX_NOTES_PER_ENTRY } from '../../src/core/tracker/tracker.ts';
import {
  addEntry,
  addNote,
  chainsByEntry,
  removeEntry,
  updateEntry,
} from '../../src/core/tracker/tracker-entries.ts';
import { listing } from '../contracts/fixtures.ts';
import { type FakeDeps, fakeDeps } from '../fakes/fake-deps.ts';
import { caller, NY } from './caller.ts';

const ny = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toMillis();

async function added(deps: FakeDeps, program: string, fields: Parameters<typeof addEntry>[1]['fields'] = {}) {
  const res = await addEntry(deps, { ...caller(deps), program, fields });
  if (!res.ok) throw new Error(res.message);
  return res.value;
}

describe('the application tracker on the fakes', () => {
  it('GIVEN applied two days ago THEN a follow-up 14 days after the contact at 09:00, with its job', async () => {
    const deps = fakeDeps();
    const { entry, chain } = await added(deps, 'Mercy Hospital IM externship', {
      status: 'applied',
      contacted: '2027-02-27',
    });
    expect(entry).toMatchObject({
      status: 'applied',
      contactedOn: '2027-02-27',
      program: 'Mercy Hospital IM externship',
    });
    expect(chain.map((r) => [r.kind, r.dueAt, r.trackerId])).toEqual([
      ['follow-up', ny('2027-03-13T09:00'), entry.id],
    ]);
    expect(deps.reminders.scheduler.at(chain[0]!.id)).toEqual([ny('2027-03-13T09:00')]);
    expect(await deps.tracker.list('shell:amina')).toEqual([entry]);
  });

  it('GIVEN a community that follows up after 21 days THEN the follow-up waits 21 days', async () => {
    const deps = fakeDeps();
    await deps.userSettings.updateCommunity('shell:local', { followUpDays: 21 });
    const { chain } = await added(deps, 'St. Luke’s', { status: 'applied', contacted: '2027-02-27' });
    expect(chain[0]?.dueAt).toBe(ny('2027-03-20T09:00'));
  });

  it('GIVEN a listing id THEN the entry takes its title and links to it; a second one is refused', async () => {
    const deps = fakeDeps();
    await deps.listings.save(listing('obs-cardio-ny-01'));
    const { entry } = await added(deps, 'obs-cardio-ny-01');
    expect(entry).toMatchObject({
      program: 'Cardiology Observership',
      listingId: 'obs-cardio-ny-01',
      status: 'interested',
    });
    const again = await addEntry(deps, { ...caller(deps), program: 'obs-cardio-ny-01', fields: {} });
    expect(again).toMatchObject({ ok: false, code: 'TRACKER.DUPLICATE' });
  });

  it('GIVEN a contact date in the future THEN TRACKER.CONTACT_FUTURE and nothing is stored', async () => {
    const deps = fakeDeps();
    const res = await addEntry(deps, { ...caller(deps), program: 'X', fields: { contacted: '2027-03-05' } });
    expect(res).toMatchObject({ ok: false, code: 'TRACKER.CONTACT_FUTURE' });
    expect(await deps.tracker.list('shell:amina')).toEqual([]);
  });

  it('GIVEN a rotation ending before it starts THEN TRACKER.DATES', async () => {
    const deps = fakeDeps();
    const res = await addEntry(deps, {
      ...caller(deps),
      program: 'X',
      fields: { status: 'accepted', rotationStart: '2027-04-10', rotationEnd: '2027-04-01' },
    });
    expect(res).toMatchObject({ ok: false, code: 'TRACKER.DATES' });
  });

  it('GIVEN a move to rejected THEN the pending follow-up and its job are gone', async () => {
    const deps = fakeDeps();
    const { entry, chain } = await added(deps, 'X', { status: 'applied', contacted: '2027-02-27' });
    const res = await updateEntry(deps, { ...caller(deps), id: entry.id, fields: { status: 'rejected' } });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.chain).toEqual([]);
    expect(await deps.reminders.store.get(chain[0]!.id)).toBeUndefined();
    expect(deps.reminders.scheduler.at(chain[0]!.id)).toEqual([]);
    expect((await chainsByEntry(deps, 'shell:amina')).size).toBe(0);
  });

  it('GIVEN an accepted rotation THEN a letter request and a thank-you, listed by entry', async () => {
    const deps = fakeDeps();
    const { entry, chain } = await added(deps, 'X', {
      status: 'accepted',
      rotationStart: '2027-04-05',
      rotationEnd: '2027-04-30',
    });
    expect(chain.map((r) => r.kind)).toEqual(['letter', 'thank-you']);
    expect(chain[1]?.dueAt).toBe(ny('2027-05-01T09:00'));
    expect((await chainsByEntry(deps, 'shell:amina')).get(entry.id)?.length).toBe(2);
  });

  it("keeps the newest notes up to the cap; another member's entry is not found", async () => {
    const deps = fakeDeps();
    const { entry } = await added(deps, 'X');
    for (let i = 0; i <= MAX_NOTES_PER_ENTRY; i++) {
      const res = await addNote(deps, { ...caller(deps), id: entry.id, text: `note ${i}` });
      if (!res.ok) throw new Error(res.message);
    }
    const notes = (await deps.tracker.get('shell:amina', entry.id))?.notes ?? [];
    expect(notes.length).toBe(MAX_NOTES_PER_ENTRY);
    expect(notes[0]?.text).toBe('note 1');
    const theirs = await addNote(deps, { ...caller(deps, 'omar'), id: entry.id, text: 'hi' });
    expect(theirs).toMatchObject({ ok: false, code: 'TRACKER.NOT_FOUND' });
  });

  it('removing an entry removes its chain too', async () => {
    const deps = fakeDeps();
    const { entry, chain } = await added(deps, 'X', { status: 'applied', contacted: '2027-02-27' });
    expect(await removeEntry(deps, { by: caller(deps).by, id: entry.id })).toMatchObject({ ok: true });
    expect(await deps.tracker.list('shell:amina')).toEqual([]);
    expect(await deps.reminders.store.get(chain[0]!.id)).toBeUndefined();
    expect(deps.reminders.scheduler.at(chain[0]!.id)).toEqual([]);
  });
});
