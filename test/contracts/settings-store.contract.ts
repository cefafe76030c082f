import { expect, it } from 'vitest';
import type { SettingsStore } from '../../src/core/ports/settings.port.ts';
import { eachTest, type Factory } from './harness.ts';

/** What every {@link SettingsStore} does; registers its tests in the caller's describe block. */
export function settingsStoreContract(make: Factory<SettingsStore>): void {
  const store = eachTest(make);

  it('starts empty for anyone', async () => {
    expect(await store().getUser('shell:amina')).toEqual({});
    expect(await store().getCommunity('shell:local')).toEqual({});
  });

  it('merges a patch into a member’s settings and returns the result; undefined deletes a field', async () => {
    const quiet = { from: { hour: 22, minute: 0 }, to: { hour: 7, minute: 30 } };
    expect(await store().updateUser('shell:amina', { zone: 'Asia/Karachi' })).toEqual({
      zone: 'Asia/Karachi',
    });
    expect(await store().updateUser('shell:amina', { quietHours: quiet })).toEqual({
      zone: 'Asia/Karachi',
      quietHours: quiet,
    });
    expect(await store().updateUser('shell:amina', { zone: undefined })).toEqual({ quietHours: quiet });
    expect(await store().getUser('shell:amina')).toEqual({ quietHours: quiet });
    expect(await store().getUser('shell:omar')).toEqual({});
  });

  it('keeps two quick patches of different fields both', async () => {
    await Promise.all([
      store().updateUser('shell:amina', { zone: 'Europe/Berlin' }),
      store().updateUser('shell:amina', { dmAddress: 'shell:amina' }),
    ]);
    expect(await store().getUser('shell:amina')).toEqual({ zone: 'Europe/Berlin', dmAddress: 'shell:amina' });
  });

  it('deletes a member’s settings and nobody else’s', async () => {
    await store().updateUser('shell:amina', { zone: 'Asia/Karachi' });
    await store().updateUser('shell:omar', { zone: 'Africa/Cairo' });
    await store().deleteUser('shell:amina');
    expect(await store().getUser('shell:amina')).toEqual({});
    expect(await store().getUser('shell:omar')).toEqual({ zone: 'Africa/Cairo' });
  });

  it('keeps community settings apart from member settings', async () => {
    expect(
      await store().updateCommunity('shell:local', {
        modUserIds: ['shell:mod'],
        deadlineOffsetsDays: [14, 1],
      }),
    ).toEqual({
      modUserIds: ['shell:mod'],
      deadlineOffsetsDays: [14, 1],
    });
    expect(await store().updateCommunity('shell:local', { modUserIds: undefined })).toEqual({
      deadlineOffsetsDays: [14, 1],
    });
    expect(await store().getUser('shell:local')).toEqual({});
  });
}
