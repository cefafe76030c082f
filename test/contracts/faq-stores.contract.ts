import { expect, it } from 'vitest';
import type { FaqOverride, FaqOverrideStore } from '../../src/core/faq/faq.port.ts';
import type { FaqFeedbackStore, FaqGap } from '../../src/core/faq/faq-feedback.port.ts';
import { AT } from './fixtures.ts';
import { eachTest, type Factory } from './harness.ts';

const hidden: FaqOverride = { kind: 'hidden', by: 'shell:mod', at: AT };

/** What every {@link FaqOverrideStore} does; registers its tests in the caller's describe block. */
export function faqOverrideStoreContract(make: Factory<FaqOverrideStore>): void {
  const store = eachTest(make);

  it('bumps the version with every write and loads the overrides with their version', async () => {
    expect(await store().version('shell:local')).toBe(0);
    expect(await store().load('shell:local')).toEqual({ version: 0, overrides: new Map() });
    expect(await store().put('shell:local', 'visa-types', hidden)).toBeUndefined();
    const replaced = { ...hidden, at: AT + 1 };
    expect(await store().put('shell:local', 'visa-types', replaced)).toEqual(hidden);
    expect(await store().version('shell:local')).toBe(2);
    const loaded = await store().load('shell:local');
    expect(loaded.version).toBe(2);
    expect([...loaded.overrides]).toEqual([['visa-types', replaced]]);
    expect(await store().version('discord:guild1')).toBe(0);
  });

  it('clears an override (returning it), still bumping the version', async () => {
    await store().put('shell:local', 'visa-types', hidden);
    expect(await store().clear('shell:local', 'visa-types')).toEqual(hidden);
    expect(await store().clear('shell:local', 'visa-types')).toBeUndefined();
    expect(await store().load('shell:local')).toEqual({ version: 3, overrides: new Map() });
  });
}

function gap(at: number, text = `question at ${at}`): Omit<FaqGap, 'id'> {
  return { communityId: 'shell:local', text, at, kind: 'refused', closest: [] };
}

/** What every {@link FaqFeedbackStore} does; registers its tests in the caller's describe block. */
export function faqFeedbackStoreContract(make: Factory<FaqFeedbackStore>): void {
  const store = eachTest(make);
  const limits = { max: 3, retentionMs: 1000 };

  it('keeps questions with fresh ids, newest first, dropping the oldest past the cap and past retention', async () => {
    const ids = [];
    for (const at of [AT, AT + 10, AT + 20, AT + 30]) ids.push(await store().addGap(gap(at), limits));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^g[0-9a-z]+$/);
    const kept = (await store().gaps('shell:local', 0)) as FaqGap[];
    expect(kept.map((g) => g.at)).toEqual([AT + 30, AT + 20, AT + 10]);
    expect(kept[0]).toEqual({ id: ids[3], ...gap(AT + 30) });
    await store().addGap(gap(AT + 5000), limits);
    expect(((await store().gaps('shell:local', 0)) as FaqGap[]).map((g) => g.at)).toEqual([AT + 5000]);
    expect(await store().gaps('discord:guild1', 0)).toEqual([]);
  });

  it('reads questions since an instant and removes them by id', async () => {
    const a = await store().addGap(gap(AT), { max: 10, retentionMs: 1e9 });
    const b = await store().addGap(gap(AT + 10), { max: 10, retentionMs: 1e9 });
    expect(((await store().gaps('shell:local', AT + 5)) as FaqGap[]).map((g) => g.id)).toEqual([b]);
    expect(await store().removeGaps('shell:local', [a, 'gzz'])).toBe(1);
    expect(((await store().gaps('shell:local', 0)) as FaqGap[]).map((g) => g.id)).toEqual([b]);
  });

  it('counts one vote per voter per entry, a changed vote moving the count', async () => {
    expect(await store().vote('shell:local', 'visa-types', 'v1', 'up')).toEqual({
      up: 1,
      down: 0,
      changed: true,
    });
    expect(await store().vote('shell:local', 'visa-types', 'v1', 'up')).toEqual({
      up: 1,
      down: 0,
      changed: false,
    });
    expect(await store().vote('shell:local', 'visa-types', 'v2', 'down')).toEqual({
      up: 1,
      down: 1,
      changed: true,
    });
    expect(await store().vote('shell:local', 'visa-types', 'v1', 'down')).toEqual({
      up: 0,
      down: 2,
      changed: true,
    });
    await store().vote('shell:local', 'usmle-steps', 'v1', 'up');
    const votes = await store().votes('shell:local');
    expect(Object.fromEntries(votes)).toEqual({
      'visa-types': { up: 0, down: 2 },
      'usmle-steps': { up: 1, down: 0 },
    });
    expect((await store().votes('discord:guild1')).size).toBe(0);
  });
}
