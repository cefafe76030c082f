import type { Caller } from '../../src/core/caller.ts';
import type { FakeDeps } from '../fakes/fake-deps.ts';

/** why: the zone of most fixtures' listings, and one with DST, so wall-clock rules are exercised */
export const NY = 'America/New_York';

/** A member of the shell community asking now (on the fake clock), in New York. */
export function caller(deps: FakeDeps, name = 'amina', zone = NY): Caller {
  return { by: { userId: `shell:${name}`, communityId: 'shell:local' }, zone, at: deps.clock.now() };
}
