import { expect, it } from 'vitest';
import type { ListingReport, ListingsPort } from '../../src/core/opportunities/listing.port.ts';
import { AT, listing } from './fixtures.ts';
import { eachTest, type Factory } from './harness.ts';

function report(id: string, listingId: string, minutes: number): ListingReport {
  return {
    id,
    listingId,
    reporterId: 'shell:amina',
    communityId: 'shell:local',
    reason: 'the link is dead',
    at: AT + minutes * 60_000,
  };
}

/**
 * What every {@link ListingsPort} does with records, revisions, the review
 * queue, reports and saved searches. Searching is the Redis store's own
 * (its indexes) and is tested there, in test/integration/listings-search*.test.ts.
 */
export function listingsStoreContract(make: Factory<ListingsPort>): void {
  const store = eachTest(make);

  it('reads back a saved listing, one or many in the order asked', async () => {
    const a = listing('obs-a', 1);
    const b = listing('obs-b', 2, { status: 'pending', flags: ['fee-unclear'] });
    expect(await store().save(a, 0)).toBe(true);
    expect(await store().save(b)).toBe(true);
    expect(await store().get('obs-a')).toEqual(a);
    expect(await store().get('nope')).toBeUndefined();
    expect(await store().getMany(['obs-b', 'nope', 'obs-a'])).toEqual([b, undefined, a]);
  });

  it('saves with a revision check: 0 means new, a number must be the stored one, none overwrites', async () => {
    const a = listing('obs-a');
    expect(await store().save(a, 0)).toBe(true);
    expect(await store().save({ ...a, title: 'Again' }, 0)).toBe(false);
    expect(await store().save({ ...a, title: 'Second', rev: 2 }, 1)).toBe(true);
    expect(await store().save({ ...a, title: 'Stale', rev: 2 }, 1)).toBe(false);
    expect((await store().get('obs-a'))?.title).toBe('Second');
    expect(await store().save({ ...a, title: 'Forced', rev: 7 })).toBe(true);
    expect(await store().save({ ...a, title: 'Next', rev: 8 }, 7)).toBe(true);
    expect((await store().get('obs-a'))?.title).toBe('Next');
  });

  it('saves many, each on its own revision check, and says which were stored', async () => {
    await store().save(listing('obs-a'), 0);
    const results = await store().saveMany([
      { listing: listing('obs-a', 0, { title: 'Clash' }), expectedRev: 0 },
      { listing: listing('obs-b'), expectedRev: 0 },
      { listing: listing('obs-c') },
    ]);
    expect(results).toEqual([false, true, true]);
    expect(await store().count()).toBe(3);
    expect((await store().get('obs-a'))?.title).not.toBe('Clash');
  });

  it('counts and lists every listing in any status, oldest posting first; removes one', async () => {
    await store().save(listing('obs-c', 3, { status: 'withdrawn' }));
    await store().save(listing('obs-a', 1));
    await store().save(listing('obs-b', 2, { status: 'pending' }));
    expect(await store().count()).toBe(3);
    expect((await store().list(0, 10)).map((l) => l.id)).toEqual(['obs-a', 'obs-b', 'obs-c']);
    expect((await store().list(1, 1)).map((l) => l.id)).toEqual(['obs-b']);
    await store().remove('obs-b');
    expect(await store().get('obs-b')).toBeUndefined();
    expect((await store().list(0, 10)).map((l) => l.id)).toEqual(['obs-a', 'obs-c']);
  });

  it('keeps the review queue: pending listings only, oldest first, leaving it when decided', async () => {
    await store().save(listing('p2', 2, { status: 'pending' }));
    await store().save(listing('p1', 1, { status: 'pending' }));
    await store().save(listing('live', 0));
    const queue = await store().pending(0, 10);
    expect(queue.total).toBe(2);
    expect(queue.listings.map((l) => l.id)).toEqual(['p1', 'p2']);
    const p1 = queue.listings[0]!;
    await store().save({ ...p1, status: 'published', rev: p1.rev + 1 }, p1.rev);
    expect((await store().pending(0, 10)).listings.map((l) => l.id)).toEqual(['p2']);
  });

  it('lists published listings whose deadline instant has passed, oldest deadline first', async () => {
    const soon = listing('soon');
    const later = listing('later');
    await store().save({ ...soon, deadlineAt: AT - 1000 });
    await store().save({ ...later, deadlineAt: AT - 500 });
    await store().save({ ...listing('ahead'), deadlineAt: AT + 1000 });
    await store().save({ ...listing('held'), deadlineAt: AT - 2000, status: 'pending' });
    await store().save({ ...listing('rolling'), deadline: null, deadlineAt: null });
    expect(await store().dueForExpiry(AT, 10)).toEqual(['soon', 'later']);
    expect(await store().dueForExpiry(AT, 1)).toEqual(['soon']);
  });

  it('keeps reports: open ones oldest first; resolving by listing or by id closes each once', async () => {
    await store().addReport(report('r2', 'obs-a', 2));
    await store().addReport(report('r1', 'obs-a', 1));
    await store().addReport(report('r3', 'obs-b', 3));
    const open = await store().openReports(0, 10);
    expect(open.total).toBe(3);
    expect(open.reports.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    const how = { by: 'shell:mod', at: AT, how: 'listing verified' };
    expect(await store().resolveReports({ listingId: 'obs-a' }, how)).toBe(2);
    expect(await store().resolveReports({ listingId: 'obs-a' }, how)).toBe(0);
    expect((await store().getReport('r1'))?.resolved).toEqual(how);
    expect(await store().resolveReports({ reportId: 'r3' }, { ...how, how: 'dismissed' })).toBe(1);
    expect(await store().resolveReports({ reportId: 'r3' }, how)).toBe(0);
    expect(await store().openReports(0, 10)).toEqual({ reports: [], total: 0 });
    expect(await store().getReport('nope')).toBeUndefined();
  });

  it('keeps a saved search under its token', async () => {
    await store().saveSearch('tok1', '{"command":"opportunities"}', 60_000);
    expect(await store().loadSearch('tok1')).toBe('{"command":"opportunities"}');
    expect(await store().loadSearch('nope')).toBeUndefined();
  });
}
