import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/core/command-list.ts';
import { type InvocationEnv, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { listing } from '../contracts/fixtures.ts';
import { type FakeDeps, fakeDeps } from '../fakes/fake-deps.ts';

const registry = createRegistry();

function as(deps: FakeDeps, name: string, moderator = false): InvocationEnv {
  return {
    actor: {
      userId: `shell:${name}`,
      communityId: 'shell:local',
      displayName: name,
      platformAdmin: moderator,
      roleIds: [],
    },
    deps,
    registry,
  };
}

// The commands on the in-memory fakes: each maps its options to a use case's request and its result to a reply.
describe('commands over the use cases, without Redis', () => {
  it('/withdraw and /verify reply with what the use case did, and its failures as error replies', async () => {
    const deps = fakeDeps();
    await deps.listings.save(listing('obs-a'), 0);
    const verified = await runTextCommand('/verify id:obs-a', as(deps, 'mod', true));
    expect(verified).toMatchObject({ title: 'Verified: Cardiology Observership', error: false });
    const withdrawn = await runTextCommand(
      '/withdraw id:obs-a reason:"program closed"',
      as(deps, 'mod', true),
    );
    expect(withdrawn.text).toBe('Listing obs-a no longer appears in searches.');
    const again = await runTextCommand('/withdraw id:obs-a reason:"program closed"', as(deps, 'mod', true));
    expect(again).toMatchObject({ error: true, code: 'LISTING.ALREADY_WITHDRAWN' });
    const member = await runTextCommand('/withdraw id:obs-a reason:x', as(deps, 'amina'));
    expect(member.error).toBe(true);
    expect(deps.audit.entries.map((e) => e.action)).toEqual(['listing.verify', 'listing.withdraw']);
  });

  it('/remind, /reminders and /reminder-cancel work on the fakes, the job recorded and removed', async () => {
    const deps = fakeDeps();
    const set = await runTextCommand(
      '/remind when:"tomorrow 9am" what:"email Dr. Rivera"',
      as(deps, 'amina'),
    );
    expect(set.title).toBe('Reminder set');
    const id = set.ids[0] ?? '';
    expect(deps.reminders.scheduler.at(id).length).toBe(1);
    const listed = await runTextCommand('/reminders', as(deps, 'amina'));
    expect(listed.ids).toEqual([id]);
    const cancelled = await runTextCommand(`/reminder-cancel id:${id}`, as(deps, 'amina'));
    expect(cancelled.text).toBe('Cancelled "email Dr. Rivera".');
    expect(deps.reminders.scheduler.at(id)).toEqual([]);
  });

  it('/track add and /alert remove answer with the codes of their use cases', async () => {
    const deps = fakeDeps();
    const added = await runTextCommand('/track add program:"Mercy IM" status:applied', as(deps, 'amina'));
    expect(added.error).toBe(false);
    expect((await deps.tracker.list('shell:amina')).map((e) => e.program)).toEqual(['Mercy IM']);
    const gone = await runTextCommand('/alert remove id:a7k2m9qxa1', as(deps, 'amina'));
    expect(gone).toMatchObject({ error: true, code: 'ALERT.NOT_FOUND' });
  });
});
