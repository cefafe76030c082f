/**
 * /audit shows every time as a date in the moderator's own zone (the entry's
 * time and instants inside the change, such as verifiedAt), never raw
 * milliseconds.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

/** Everything a moderator reads in a reply. */
function shown(r: Reply): string {
  return [r.text, ...r.records.flatMap((x) => [x.title, x.subtitle ?? '', x.text ?? ''])].join('\n');
}

describe('/audit', () => {
  it('GIVEN a listing posted and verified twice THEN every time reads as a date in the moderator zone', async () => {
    const clock = new FakeClock(DateTime.fromISO('2026-12-04T19:05:00Z').toMillis());
    app = createTestApp({ clock });
    const mod = app.as('mod', { moderator: true });
    const posted = await runTextCommand(
      '/post id:obs-audit-01 title:"Cardiology Observership" type:observership specialties:cardiology institution:"Bluewater Heights Medical Center" city:"New York" state:NY duration_weeks:4 fee_usd:0 deadline:2027-03-15 contact:observers@bluewater.example.org description:"Rounds with the consult team."',
      mod,
    );
    expect(posted.error, posted.text).toBe(false);
    expect((await runTextCommand('/verify id:obs-audit-01', mod)).error).toBe(false);
    clock.advance(60 * 60_000);
    expect((await runTextCommand('/verify id:obs-audit-01', mod)).error).toBe(false);

    const ny = shown(await runTextCommand('/audit id:obs-audit-01', mod));
    expect(ny).not.toMatch(/\d{10,}/); // no raw milliseconds anywhere
    expect(ny).toContain('Fri 4 Dec 2026, 15:05 EST · by shell:mod');
    expect(ny).toContain('verifiedAt: Fri 4 Dec 2026, 14:05 EST → Fri 4 Dec 2026, 15:05 EST');
    expect(ny).toContain('verifiedAt: none → Fri 4 Dec 2026, 14:05 EST');

    // The same log read by a moderator in Karachi shows Karachi times.
    expect((await runTextCommand('/timezone zone:Asia/Karachi', mod)).error).toBe(false);
    const pk = shown(await runTextCommand('/audit id:obs-audit-01 limit:1', mod));
    expect(pk).toContain('Sat 5 Dec 2026, 01:05 GMT+5 · by shell:mod');
    expect(pk).toContain('verifiedAt: Sat 5 Dec 2026, 00:05 GMT+5 → Sat 5 Dec 2026, 01:05 GMT+5');
    expect(pk).not.toMatch(/\d{10,}/);
  });
});
