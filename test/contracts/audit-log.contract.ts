import { expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../src/core/ports/audit.port.ts';
import { AT } from './fixtures.ts';
import { eachTest, type Factory } from './harness.ts';

function auditEntry(n: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: AT + n,
    communityId: 'shell:local',
    actorId: 'shell:mod',
    action: 'listing.verify',
    target: `L${n % 3}`,
    ...over,
  };
}

/** What every {@link AuditLog} does; registers its tests in the caller's describe block. */
export function auditLogContract(make: Factory<AuditLog>): void {
  const log = eachTest(make);

  it('reads a community’s entries newest first, up to the limit, whole', async () => {
    const first = auditEntry(1, {
      before: { status: 'published' },
      after: { status: 'withdrawn' },
      reason: 'closed',
    });
    await log().record(first);
    await log().record(auditEntry(2));
    await log().record(auditEntry(3));
    await log().record(auditEntry(4, { communityId: 'discord:guild1' }));
    expect((await log().list('shell:local', { limit: 10 })).map((e) => e.at)).toEqual([
      AT + 3,
      AT + 2,
      AT + 1,
    ]);
    expect((await log().list('shell:local', { limit: 2 })).map((e) => e.at)).toEqual([AT + 3, AT + 2]);
    expect((await log().list('shell:local', { limit: 10 }))[2]).toEqual(first);
    expect(await log().list('slack:T9', { limit: 10 })).toEqual([]);
  });

  it('filters on the target, looking past a page of other entries', async () => {
    for (let n = 0; n < 450; n++) await log().record(auditEntry(n, { target: n < 5 ? 'old' : `L${n}` }));
    const found = await log().list('shell:local', { limit: 3, target: 'old' });
    expect(found.map((e) => e.at)).toEqual([AT + 4, AT + 3, AT + 2]);
  });
}
