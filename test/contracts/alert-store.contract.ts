import { expect, it } from 'vitest';
import type { AlertStore, AnnouncementLedger } from '../../src/core/alerts/alert.port.ts';
import type { DigestPort } from '../../src/core/alerts/digest.ts';
import { alert } from './fixtures.ts';
import { eachTest, type Factory } from './harness.ts';

/** What every {@link AlertStore} does; registers its tests in the caller's describe block. */
export function alertStoreContract(make: Factory<AlertStore>): void {
  const store = eachTest(make);

  it('gives fresh ids that are never all digits', () => {
    const ids = new Set(Array.from({ length: 50 }, () => store().newId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*$/);
  });

  it("adds alerts up to the limit, lists a member's oldest first, and refuses past the limit", async () => {
    const a2 = alert('a2', 'shell:amina', { specialty: 'cardiology', state: 'NY' }, 2);
    expect(await store().add(a2, 2)).toBe('added');
    expect(await store().add(alert('a1', 'shell:amina', { type: 'observership' }, 1), 2)).toBe('added');
    expect(await store().add(alert('a3', 'shell:amina', { free: true }, 3), 2)).toBe('limit');
    expect(await store().add(alert('o1', 'shell:omar', { free: true }, 3), 2)).toBe('added');
    const mine = await store().listForUser('shell:amina');
    expect(mine.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(mine[1]).toEqual(a2);
  });

  it("removes only the member's own alert, once", async () => {
    await store().add(alert('a1', 'shell:amina', { free: true }), 10);
    expect(await store().remove('shell:omar', 'a1')).toBeUndefined();
    expect((await store().remove('shell:amina', 'a1'))?.id).toBe('a1');
    expect(await store().remove('shell:amina', 'a1')).toBeUndefined();
    expect(await store().listForUser('shell:amina')).toEqual([]);
    expect(await store().candidates('shell:local', 'observership')).toEqual([]);
  });

  it("finds a community's candidates for a listing type: that type's and those naming none", async () => {
    await store().add(alert('a1', 'shell:amina', { type: 'observership' }), 10);
    await store().add(alert('a2', 'shell:amina', { type: 'externship' }), 10);
    await store().add(alert('a3', 'shell:omar', { state: 'NY' }), 10);
    await store().add(alert('a4', 'discord:9', { state: 'NY' }, 0, 'discord:guild1'), 10);
    const ids = (await store().candidates('shell:local', 'observership')).map((a) => a.id).sort();
    expect(ids).toEqual(['a1', 'a3']);
  });

  it('claims a notice once per listing and member', async () => {
    expect(await store().claimNotice('L1', 'shell:amina')).toBe(true);
    expect(await store().claimNotice('L1', 'shell:amina')).toBe(false);
    expect(await store().claimNotice('L1', 'shell:omar')).toBe(true);
    expect(await store().claimNotice('L2', 'shell:amina')).toBe(true);
  });

  it("forgets a member's alerts and notices (counting the alerts), and nobody else's", async () => {
    await store().add(alert('a1', 'shell:amina', { type: 'observership' }), 10);
    await store().add(alert('a2', 'shell:amina', { free: true }), 10);
    await store().add(alert('o1', 'shell:omar', { free: true }), 10);
    await store().claimNotice('L1', 'shell:amina');
    await store().claimNotice('L1', 'shell:omar');
    expect(await store().forgetUser('shell:amina')).toBe(2);
    expect(await store().listForUser('shell:amina')).toEqual([]);
    expect((await store().candidates('shell:local', 'observership')).map((a) => a.id)).toEqual(['o1']);
    expect(await store().claimNotice('L1', 'shell:amina')).toBe(true);
    expect(await store().claimNotice('L1', 'shell:omar')).toBe(false);
  });
}

/** What every {@link AnnouncementLedger} does. */
export function announcementLedgerContract(make: Factory<AnnouncementLedger>): void {
  const ledger = eachTest(make);

  it('claims a post once; later claims get the recorded state', async () => {
    expect(await ledger().state('L1')).toEqual({ alertsDone: false });
    expect(await ledger().claimPost('L1')).toBe('claimed');
    expect(await ledger().claimPost('L1')).toBe('posting');
    await ledger().settlePost('L1', 'posted');
    expect(await ledger().claimPost('L1')).toBe('posted');
    expect(await ledger().state('L1')).toEqual({ post: 'posted', alertsDone: false });
  });

  it('lets a released claim be claimed again, and records the alerts apart from the post', async () => {
    await ledger().claimPost('L1');
    await ledger().releasePost('L1');
    expect(await ledger().claimPost('L1')).toBe('claimed');
    await ledger().markAlertsDone('L2');
    expect(await ledger().state('L2')).toEqual({ alertsDone: true });
  });
}

/** What the waiting list of every digest store does (add, peek, take, forget; not the job schedule). */
export function digestWaitingContract(
  make: Factory<Pick<DigestPort, 'add' | 'take' | 'peek' | 'forget'>>,
): void {
  const digests = eachTest(make);

  it('keeps each listing once, oldest match first, until the digest takes them', async () => {
    await digests().add('shell:amina', 'L2', 20);
    await digests().add('shell:amina', 'L1', 10);
    await digests().add('shell:amina', 'L2', 30);
    await digests().add('shell:omar', 'L3', 5);
    expect(await digests().peek('shell:amina')).toEqual(['L1', 'L2']);
    expect(await digests().take('shell:amina')).toEqual(['L1', 'L2']);
    expect(await digests().take('shell:amina')).toEqual([]);
    expect(await digests().peek('shell:omar')).toEqual(['L3']);
  });

  it("forgets a member's waiting listings", async () => {
    await digests().add('shell:amina', 'L1', 10);
    await digests().forget('shell:amina');
    expect(await digests().peek('shell:amina')).toEqual([]);
  });
}
