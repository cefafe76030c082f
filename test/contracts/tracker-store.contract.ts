import { expect, it } from 'vitest';
import type { TrackerPort } from '../../src/core/tracker/tracker.port.ts';
import { entry } from './fixtures.ts';
import { eachTest, type Factory } from './harness.ts';

/** What every {@link TrackerPort} does; registers its tests in the caller's describe block. */
export function trackerStoreContract(make: Factory<TrackerPort>): void {
  const store = eachTest(make);

  it('gives fresh ids that are never all digits', () => {
    const ids = new Set(Array.from({ length: 50 }, () => store().newId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/[a-z]/);
  });

  it("reads back an entry under its member only, and lists a member's entries oldest first", async () => {
    const late = entry('t2', 'shell:amina', 5, { notes: [{ at: 1, text: 'called' }], handsOn: true });
    await store().save(late);
    await store().save(entry('t1', 'shell:amina', 1));
    await store().save(entry('t9', 'shell:omar', 0));
    expect(await store().get('shell:amina', 't2')).toEqual(late);
    expect(await store().get('shell:omar', 't2')).toBeUndefined();
    expect((await store().list('shell:amina')).map((e) => e.id)).toEqual(['t1', 't2']);
    expect(await store().list('shell:nobody')).toEqual([]);
  });

  it('replaces an entry saved again', async () => {
    await store().save(entry('t1', 'shell:amina', 1));
    await store().save(entry('t1', 'shell:amina', 1, { status: 'applied', contactedOn: '2027-03-01' }));
    expect(await store().list('shell:amina')).toEqual([
      entry('t1', 'shell:amina', 1, { status: 'applied', contactedOn: '2027-03-01' }),
    ]);
  });

  it('removes one entry (true once), or all of a member', async () => {
    await store().save(entry('t1', 'shell:amina', 1));
    await store().save(entry('t2', 'shell:amina', 2));
    await store().save(entry('t3', 'shell:omar', 3));
    expect(await store().remove('shell:amina', 't1')).toBe(true);
    expect(await store().remove('shell:amina', 't1')).toBe(false);
    expect(await store().remove('shell:omar', 't2')).toBe(false);
    await store().removeAll('shell:amina');
    expect(await store().list('shell:amina')).toEqual([]);
    expect((await store().list('shell:omar')).map((e) => e.id)).toEqual(['t3']);
  });
}
