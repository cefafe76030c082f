import { describe, expect, it } from 'vitest';
import { editEntry } from '../../src/core/faq/edit-entry.ts';
import { addGapPhrasing } from '../../src/core/faq/faq-gap-actions.ts';
import { loadGapGroups, recordGap } from '../../src/core/faq/faq-gaps.ts';
import { removeEntry } from '../../src/core/faq/remove-entry.ts';
import { resetEntry } from '../../src/core/faq/reset-entry.ts';
import { fakeDeps } from '../fakes/fake-deps.ts';

const MOD = { by: { userId: 'shell:mod', communityId: 'shell:local' } };

describe('a moderator removing and restoring a shipped FAQ topic', () => {
  it('hides it for this community only, audited, and /faq-reset brings the shipped text back', async () => {
    const deps = fakeDeps();
    const at = deps.clock.now();
    const removed = await removeEntry(deps, { ...MOD, at, id: 'Visa-Constraints ' });
    expect(removed).toMatchObject({
      ok: true,
      value: { shipped: true, removed: { id: 'visa-constraints' } },
    });
    expect((await deps.faq.current('shell:local')).index.get('visa-constraints')).toBeUndefined();
    expect((await deps.faq.current('discord:guild1')).index.get('visa-constraints')).toBeDefined();
    const reset = await resetEntry(deps, { ...MOD, at, id: 'visa-constraints' });
    expect(reset).toMatchObject({
      ok: true,
      value: { before: undefined, after: { id: 'visa-constraints' } },
    });
    expect((await deps.faq.current('shell:local')).index.get('visa-constraints')).toBeDefined();
    expect(deps.audit.entries.map((e) => [e.action, e.target])).toEqual([
      ['faq.remove', 'visa-constraints'],
      ['faq.reset', 'visa-constraints'],
    ]);
  });

  it('names the closest ids for a topic that does not exist, and refuses a reset with nothing to undo', async () => {
    const deps = fakeDeps();
    const at = deps.clock.now();
    const missing = await removeEntry(deps, { ...MOD, at, id: 'visa-constraint' });
    expect(missing).toMatchObject({ ok: false, code: 'FAQ.NOT_FOUND' });
    if (!missing.ok) expect(missing.message).toContain('visa-constraints');
    expect(await resetEntry(deps, { ...MOD, at, id: 'visa-constraints' })).toMatchObject({
      ok: false,
      code: 'FAQ.NOT_CHANGED',
    });
    expect(deps.audit.entries).toEqual([]);
  });
});

describe('a moderator teaching the FAQ', () => {
  it('/faq-edit adds a topic for this community, dated in the moderator zone, audited as an add', async () => {
    const deps = fakeDeps();
    const res = await editEntry(deps, {
      ...MOD,
      zone: 'Asia/Karachi',
      at: deps.clock.now(),
      input: {
        id: 'step3-timing',
        title: 'When to take Step 3',
        answer: 'Most IMGs take Step 3 after the Match; some take it before to help an H-1B.',
        aliases: 'when should I take step 3',
      },
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.after).toMatchObject({
      id: 'step3-timing',
      last_verified: '2027-03-01',
      tags: ['general'],
    });
    const base = await deps.faq.current('shell:local');
    expect(base.index.answer('when should I take step 3')).toMatchObject({
      kind: 'answer',
      entry: { id: 'step3-timing' },
    });
    expect(deps.audit.entries.map((e) => e.action)).toEqual(['faq.add']);
  });

  it('a question the FAQ missed becomes a phrasing of a topic, and leaves the gap list', async () => {
    const deps = fakeDeps();
    const scope = { communityId: 'shell:local', at: deps.clock.now() };
    await recordGap(deps, scope, 'can i do obs on a tourist visa', 'refused', []);
    const base = await deps.faq.current('shell:local');
    const [group] = await loadGapGroups(deps, scope, base.index);
    if (!group) throw new Error('no gap kept');
    const res = await addGapPhrasing(deps, {
      ...MOD,
      at: scope.at,
      gapId: group.ids[0] ?? '',
      entryId: 'visa-constraints',
    });
    expect(res).toMatchObject({ ok: true, value: { alias: 'can i do obs on a tourist visa' } });
    expect(await loadGapGroups(deps, scope, base.index)).toEqual([]);
    const again = await addGapPhrasing(deps, {
      ...MOD,
      at: scope.at,
      gapId: group.ids[0] ?? '',
      entryId: 'visa-constraints',
    });
    expect(again).toMatchObject({ ok: false, code: 'FAQ.GAP_NOT_FOUND' });
  });
});
