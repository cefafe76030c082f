import { describe, expect, it } from 'vitest';
import { dismissReport } from '../../src/core/moderation/dismiss-report.ts';
import { editListing } from '../../src/core/moderation/edit-listing.ts';
import { approveListing, rejectListing } from '../../src/core/moderation/review-decisions.ts';
import { verifyListing } from '../../src/core/moderation/verify-listing.ts';
import { withdrawListing } from '../../src/core/moderation/withdraw-listing.ts';
import type { Listing } from '../../src/core/opportunities/listing.ts';
import { subscribeToDeadline } from '../../src/core/reminders/deadline-reminders.ts';
import { listing } from '../contracts/fixtures.ts';
import { type FakeDeps, fakeDeps } from '../fakes/fake-deps.ts';

const MOD = { userId: 'shell:mod', communityId: 'shell:local' };
const DAY = 86_400_000;

function decision(deps: FakeDeps) {
  return { by: MOD, at: deps.clock.now() };
}

/** A published listing that a member follows (deadline reminders) and has reported. */
async function followed(deps: FakeDeps, id = 'obs-a'): Promise<Listing> {
  const l = listing(id);
  await deps.listings.save(l, 0);
  const sub = await subscribeToDeadline(deps, { userId: 'shell:amina', communityId: 'shell:local' }, id);
  if (!sub.ok) throw new Error(sub.message);
  await deps.listings.addReport({
    id: 'rep1',
    listingId: id,
    reporterId: 'shell:omar',
    communityId: 'shell:local',
    reason: 'dead link',
    at: deps.clock.now(),
  });
  return l;
}

/**
 * The store as another moderator leaves it: `get` hands out the version read
 * before their save, so the save that follows meets a newer revision.
 */
async function racing(deps: FakeDeps, id: string): Promise<FakeDeps> {
  const read = await deps.listings.get(id);
  if (!read) throw new Error('no listing');
  await deps.listings.save({ ...read, title: 'Changed by another moderator', rev: read.rev + 1 }, read.rev);
  const stale = Object.assign(Object.create(deps.listings), { get: async () => read });
  return { ...deps, listings: stale, listingLookup: stale };
}

describe('withdrawing a listing', () => {
  it('takes it down, audits it, closes its reports and tells the member with reminders', async () => {
    const deps = fakeDeps();
    await followed(deps);
    const res = await withdrawListing(deps, {
      ...decision(deps),
      id: 'obs-a',
      reason: 'program closed for 2027',
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.closedReports).toBe(1);
    const stored = await deps.listings.get('obs-a');
    expect(stored).toMatchObject({
      status: 'withdrawn',
      rev: 2,
      withdrawn: { by: 'shell:mod', reason: 'program closed for 2027' },
    });
    expect(deps.audit.entries.map((e) => [e.action, e.target, e.actorId])).toEqual([
      ['listing.withdraw', 'obs-a', 'shell:mod'],
    ]);
    const pending = (await deps.reminders.store.listForUser('shell:amina')).filter(
      (r) => r.kind === 'deadline',
    );
    expect(pending).toEqual([]);
    const told = (await deps.reminders.store.listForUser('shell:amina')).filter((r) => r.kind === 'notice');
    expect(told.map((r) => r.text).join(' ')).toContain('program closed for 2027');
  });

  it('refuses an unknown id, a withdrawn listing, and a listing changed meanwhile, changing nothing', async () => {
    const deps = fakeDeps();
    await followed(deps);
    expect(await withdrawListing(deps, { ...decision(deps), id: 'nope', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'LISTING.NOT_FOUND',
    });
    const raced = await racing(deps, 'obs-a');
    const conflict = await withdrawListing(raced, { ...decision(deps), id: 'obs-a', reason: 'x' });
    expect(conflict).toMatchObject({ ok: false, code: 'LISTING.CONFLICT' });
    expect((await deps.listings.get('obs-a'))?.status).toBe('published');
    expect(deps.audit.entries).toEqual([]);
    await withdrawListing(deps, { ...decision(deps), id: 'obs-a', reason: 'x' });
    expect(await withdrawListing(deps, { ...decision(deps), id: 'obs-a', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'LISTING.ALREADY_WITHDRAWN',
    });
  });
});

describe('verifying a listing', () => {
  it('stamps the day it was checked and closes its reports; a withdrawn one is refused', async () => {
    const deps = fakeDeps();
    await followed(deps);
    deps.clock.advance(DAY);
    const res = await verifyListing(deps, { ...decision(deps), id: 'obs-a' });
    if (!res.ok) throw new Error(res.message);
    expect(res.value).toMatchObject({ closedReports: 1, listing: { verifiedAt: deps.clock.now(), rev: 2 } });
    expect((await deps.listings.getReport('rep1'))?.resolved?.how).toBe('listing verified');
    await withdrawListing(deps, { ...decision(deps), id: 'obs-a', reason: 'x' });
    expect(await verifyListing(deps, { ...decision(deps), id: 'obs-a' })).toMatchObject({
      ok: false,
      code: 'LISTING.WITHDRAWN',
    });
  });
});

describe('dismissing a report', () => {
  it('closes it once, audited against its listing, and leaves the listing as it was', async () => {
    const deps = fakeDeps();
    await followed(deps);
    const res = await dismissReport(deps, { ...decision(deps), reportId: 'rep1' });
    expect(res).toMatchObject({ ok: true, value: { listingId: 'obs-a' } });
    expect((await deps.listings.getReport('rep1'))?.resolved).toEqual({
      by: 'shell:mod',
      at: deps.clock.now(),
      how: 'dismissed',
    });
    expect(deps.audit.entries.map((e) => [e.action, e.target, e.reason])).toEqual([
      ['report.dismiss', 'obs-a', 'dead link'],
    ]);
    expect(await dismissReport(deps, { ...decision(deps), reportId: 'rep1' })).toMatchObject({
      ok: false,
      code: 'REPORT.NOT_OPEN',
    });
    expect((await deps.listings.get('obs-a'))?.rev).toBe(1);
  });
});

describe('review decisions', () => {
  const suggestion = (over: Partial<Listing> = {}) =>
    listing('sug-1', 0, {
      status: 'pending',
      source: 'suggest',
      postedBy: 'shell:amina',
      flags: ['fee-unexplained'],
      ...over,
    });

  it('approving publishes it, queues its announcement, accepts its flags and tells the suggester', async () => {
    const deps = fakeDeps();
    await deps.listings.save(suggestion(), 0);
    const res = await approveListing(deps, { ...decision(deps), id: 'sug-1' });
    if (!res.ok) throw new Error(res.message);
    expect(res.value).toMatchObject({
      status: 'published',
      approvedFlags: ['fee-unexplained'],
      review: { by: 'shell:mod' },
    });
    expect(deps.alerts.queue.queued).toEqual(['sug-1']);
    expect(deps.notifier.directTo('shell:amina')[0]?.text).toContain('was approved');
    expect((await deps.listings.pending(0, 10)).total).toBe(0);
  });

  it('approving one whose deadline passed while it waited marks it expired and announces nothing', async () => {
    const deps = fakeDeps();
    await deps.listings.save(suggestion({ deadlineAt: deps.clock.now() - DAY }), 0);
    const res = await approveListing(deps, { ...decision(deps), id: 'sug-1' });
    expect(res).toMatchObject({ ok: true, value: { status: 'expired' } });
    expect(deps.alerts.queue.queued).toEqual([]);
  });

  it('rejecting keeps it as withdrawn and tells the suggester why; a decided one is not pending', async () => {
    const deps = fakeDeps();
    await deps.listings.save(suggestion(), 0);
    const res = await rejectListing(deps, { ...decision(deps), id: 'sug-1', reason: 'duplicate of obs-a' });
    expect(res).toMatchObject({
      ok: true,
      value: { status: 'withdrawn', withdrawn: { reason: 'duplicate of obs-a' } },
    });
    expect(deps.notifier.directTo('shell:amina')[0]?.text).toContain('duplicate of obs-a');
    expect(await approveListing(deps, { ...decision(deps), id: 'sug-1' })).toMatchObject({
      ok: false,
      code: 'REVIEW.NOT_PENDING',
    });
    expect(deps.audit.entries.map((e) => e.action)).toEqual(['listing.reject']);
  });

  it('a decision on a listing another moderator just changed is a conflict', async () => {
    const deps = fakeDeps();
    await deps.listings.save(suggestion(), 0);
    const raced = await racing(deps, 'sug-1');
    expect(await approveListing(raced, { ...decision(deps), id: 'sug-1' })).toMatchObject({
      ok: false,
      code: 'LISTING.CONFLICT',
    });
    expect(deps.notifier.sent).toEqual([]);
  });
});

describe('editing a listing', () => {
  it('a new deadline is saved with before/after in the audit, and moves members’ deadline reminders', async () => {
    const deps = fakeDeps();
    await followed(deps);
    const before = (await deps.reminders.store.listForUser('shell:amina')).map((r) => r.dueAt);
    const res = await editListing(deps, {
      ...decision(deps),
      id: 'obs-a',
      values: { deadline: '2027-11-30' },
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.value).toMatchObject({
      changed: true,
      diff: { before: { deadline: '2027-10-15' }, after: { deadline: '2027-11-30' } },
    });
    const after = (await deps.reminders.store.listForUser('shell:amina')).map((r) => r.dueAt);
    expect(after.length).toBe(before.length);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
    expect(deps.audit.entries[0]).toMatchObject({
      action: 'listing.edit',
      before: { deadline: '2027-10-15' },
    });
  });

  it('wording that trips a red flag holds a live listing for review', async () => {
    const deps = fakeDeps();
    await deps.listings.save(listing('obs-a'), 0);
    const res = await editListing(deps, {
      ...decision(deps),
      id: 'obs-a',
      values: { description: 'Pay the deposit by Western Union to hold your seat.' },
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.changed && res.value.heldFor?.length).toBeGreaterThan(0);
    expect((await deps.listings.get('obs-a'))?.status).toBe('pending');
  });

  it('no field, the same values, or a past deadline change nothing', async () => {
    const deps = fakeDeps();
    await deps.listings.save(listing('obs-a'), 0);
    expect(await editListing(deps, { ...decision(deps), id: 'obs-a', values: {} })).toMatchObject({
      ok: false,
      code: 'EDIT.NOTHING',
    });
    expect(
      await editListing(deps, { ...decision(deps), id: 'obs-a', values: { deadline: '2027-10-15' } }),
    ).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    expect(
      await editListing(deps, { ...decision(deps), id: 'obs-a', values: { deadline: '2027-01-15' } }),
    ).toMatchObject({
      ok: false,
      code: 'LISTING.DEADLINE_PASSED',
    });
    expect((await deps.listings.get('obs-a'))?.rev).toBe(1);
    expect(deps.audit.entries).toEqual([]);
  });
});
