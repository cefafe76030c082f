import { describe, expect, it } from 'vitest';
import { addAlert, removeAlert } from '../../src/core/alerts/add-alert.ts';
import { MAX_ALERTS_PER_MEMBER } from '../../src/core/alerts/alert.ts';
import { announceListing } from '../../src/core/alerts/announce-listing.ts';
import { sendDigest } from '../../src/core/alerts/send-digest.ts';
import { listing } from '../contracts/fixtures.ts';
import { type FakeDeps, fakeDeps } from '../fakes/fake-deps.ts';
import { caller } from './caller.ts';

async function alertFor(deps: FakeDeps, name: string, filters: Parameters<typeof addAlert>[1]['filters']) {
  const res = await addAlert(deps, { ...caller(deps, name), filters });
  if (!res.ok) throw new Error(res.message);
  return res.value;
}

describe('member alerts', () => {
  it('saves normalised filters in the community where it was asked', async () => {
    const deps = fakeDeps();
    const a = await alertFor(deps, 'amina', { type: 'observership', specialty: 'cardio', state: 'new york' });
    expect(a).toMatchObject({
      userId: 'shell:amina',
      communityId: 'shell:local',
      filters: { type: 'observership', specialty: 'cardiology', state: 'NY' },
    });
    expect(await deps.alerts.store.listForUser('shell:amina')).toEqual([a]);
  });

  it('refuses an alert without filters, the same alert twice, and one past the limit', async () => {
    const deps = fakeDeps();
    expect(await addAlert(deps, { ...caller(deps), filters: {} })).toMatchObject({
      ok: false,
      code: 'ALERT.NO_FILTERS',
    });
    await alertFor(deps, 'amina', { state: 'NY' });
    expect(await addAlert(deps, { ...caller(deps), filters: { state: 'ny' } })).toMatchObject({
      ok: false,
      code: 'ALERT.DUPLICATE',
    });
    for (let fee = 1; fee < MAX_ALERTS_PER_MEMBER; fee++)
      await alertFor(deps, 'amina', { max_fee: fee * 100 });
    expect(await addAlert(deps, { ...caller(deps), filters: { state: 'CA' } })).toMatchObject({
      ok: false,
      code: 'ALERT.LIMIT',
    });
  });

  it("removes the member's own alert only", async () => {
    const deps = fakeDeps();
    const a = await alertFor(deps, 'amina', { state: 'NY' });
    expect(await removeAlert(deps, { userId: 'shell:omar', id: a.id })).toMatchObject({
      ok: false,
      code: 'ALERT.NOT_FOUND',
    });
    expect(await removeAlert(deps, { userId: 'shell:amina', id: a.id })).toMatchObject({ ok: true });
    expect(await deps.alerts.store.listForUser('shell:amina')).toEqual([]);
  });
});

describe('announcing a published listing', () => {
  it('posts once in the announcement channel and tells each matching member once', async () => {
    const deps = fakeDeps();
    await deps.userSettings.updateCommunity('shell:local', { announceChannel: 'shell:announcements' });
    await deps.listings.save(listing('obs-a'), 0);
    await alertFor(deps, 'amina', { specialty: 'cardiology' });
    await alertFor(deps, 'amina', { state: 'NY' });
    await alertFor(deps, 'omar', { state: 'CA' });
    expect(await announceListing(deps, 'obs-a')).toMatchObject({
      kind: 'announced',
      posted: true,
      alerted: 1,
    });
    expect(await announceListing(deps, 'obs-a')).toMatchObject({ kind: 'skipped' });
    expect(deps.notifier.sent.filter((m) => m.kind === 'channel').map((m) => m.to)).toEqual([
      'shell:announcements',
    ]);
    const notices = (await deps.reminders.store.listForUser('shell:amina')).filter(
      (r) => r.kind === 'notice',
    );
    expect(notices.length).toBe(1);
    expect(deps.reminders.scheduler.at(notices[0]!.id)).toEqual([deps.clock.now()]);
    expect(await deps.reminders.store.listForUser('shell:omar')).toEqual([]);
  });

  it('a member on a daily digest gets the listing in the digest, not a notice of its own', async () => {
    const deps = fakeDeps();
    await deps.listings.save(listing('obs-a'), 0);
    await deps.userSettings.updateUser('shell:amina', { alertDigest: { mode: 'daily', hour: 8, minute: 0 } });
    await alertFor(deps, 'amina', { state: 'NY' });
    await announceListing(deps, 'obs-a');
    expect(await deps.reminders.store.listForUser('shell:amina')).toEqual([]);
    expect(await deps.alerts.digests.peek('shell:amina')).toEqual(['obs-a']);
    expect(await sendDigest(deps, 'shell:amina')).toBe(1);
    const digest = (await deps.reminders.store.listForUser('shell:amina')).filter((r) => r.kind === 'notice');
    expect(digest.map((r) => r.text).join('')).toContain('Cardiology Observership');
    expect(deps.reminders.scheduler.at(digest[0]!.id)).toEqual([deps.clock.now()]);
    expect(await deps.alerts.digests.peek('shell:amina')).toEqual([]);
  });

  it('a listing withdrawn before its announcement runs is not announced', async () => {
    const deps = fakeDeps();
    await deps.listings.save(listing('obs-a', 0, { status: 'withdrawn' }), 0);
    await alertFor(deps, 'amina', { state: 'NY' });
    expect(await announceListing(deps, 'obs-a')).toMatchObject({ kind: 'skipped' });
    expect(deps.notifier.sent).toEqual([]);
  });
});
