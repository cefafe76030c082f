import { describe, expect, it } from 'vitest';
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
