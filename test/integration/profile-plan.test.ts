/**
 * /profile and /plan through the core on real Redis and BullMQ: the profile is
 * validated, shown back, exported and deleted with the member's data; the plan
 * comes from the configured season and its reminders are set once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettingsFile } from '../../src/config/settings-file.ts';
import { runAction, runTextCommand } from '../../src/core/commands/dispatch.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';

const shipped = await loadSettingsFile('config');
if (!shipped.ok) throw new Error(shipped.message);
const CYCLES = shipped.value.matchCycles;

// 1 May 2026, 10:00 in New York.
const NOW = Date.UTC(2026, 4, 1, 14, 0);
let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

function start() {
  app = createTestApp({ clock: new FakeClock(NOW), settings: { matchCycles: CYCLES } });
  return app;
}

const field = (r: { fields: readonly { name: string; value: string }[] }, name: string) =>
  r.fields.find((f) => f.name.startsWith(name))?.value;

describe('/profile', () => {
  it('starts empty, saves what is given (normalised), shows it back and keeps unset fields "not given"', async () => {
    const a = start();
    const empty = await runTextCommand('/profile', a.as('amina'));
    expect(empty.text).toMatch(/not set a profile yet/);

    const saved = await runTextCommand(
      '/profile step1:passed step2ck:pending visa:visitor grad_year:2019 max_fee:1500 specialties:IM;peds states:"new york;NJ" match_year:2028',
      a.as('amina'),
    );
    expect(saved.error, saved.text).toBe(false);
    expect(field(saved, 'Step 2 CK')).toBe('taken, score pending');
    expect(field(saved, 'Visa')).toBe('needs a visitor visa (B1/B2)');
    expect(field(saved, 'ECFMG')).toBe('not given');
    expect(field(saved, 'Specialties')).toBe('Internal Medicine, Pediatrics');
    expect(field(saved, 'States')).toBe('NY, NJ');

    const again = await runTextCommand('/profile ecfmg:in-progress clear:visa', a.as('amina'));
    expect(field(again, 'ECFMG')).toBe('in progress');
    expect(field(again, 'Visa')).toBe('not given');
    expect(field(again, 'Step 1')).toBe('passed'); // untouched fields are kept
  });

  it('refuses bad input with the field, the rule and an example, and changes nothing', async () => {
    const a = start();
    await runTextCommand('/profile step1:passed', a.as('li'));
    for (const [line, pattern] of [
      ['/profile grad_year:1890 step1:not-yet', /grad_year.*at least 1960/],
      [
        '/profile grad_year:2040 step1:not-yet',
        /grad_year must be between 1960 and 2032 \(got 2040\)\. Example: grad_year:2019/,
      ],
      ['/profile match_year:2020', /match_year must be between 2026/],
      [
        '/profile specialties:cardiolgy;xyzzy',
        /specialties: Unknown specialty "xyzzy"|specialties: Unknown specialty/,
      ],
      ['/profile step2ck:maybe', /step2ck.*passed, pending, not-yet/],
      ['/profile clear:salary', /clear: "salary" is not a profile field/],
    ] as const) {
      const r = await runTextCommand(line, a.as('li'));
      expect(r.error, line).toBe(true);
      expect(r.text, line).toMatch(pattern);
    }
    const shown = await runTextCommand('/profile', a.as('li'));
    expect(field(shown, 'Step 1')).toBe('passed');
  });

  it('is part of /mydata export, and /mydata delete removes it', async () => {
    const a = start();
    await runTextCommand('/profile visa:work-authorized match_year:2028', a.as('sam'));
    const exported = await runTextCommand('/mydata export', a.as('sam'));
    const data = JSON.parse(exported.attachment?.content ?? '{}') as { settings?: { profile?: object } };
    expect(data.settings?.profile).toMatchObject({ visa: 'work-authorized', matchYear: 2028 });

    const asked = await runTextCommand('/mydata delete', a.as('sam'));
    const confirm = asked.actions.find((x) => /delete/i.test(x.label));
    expect(confirm).toBeDefined();
    await runAction(confirm?.action ?? '', confirm?.payload ?? '', a.as('sam'));
    expect((await runTextCommand('/profile', a.as('sam'))).text).toMatch(/not set a profile yet/);
  });
});

describe('/plan', () => {
  it('asks for a Match year when none is known, and names the seasons it has', async () => {
    const a = start();
    const r = await runTextCommand('/plan', a.as('amina'));
    expect(r.code).toBe('PLAN.NO_YEAR');
    const unknown = await runTextCommand('/plan match_year:2031', a.as('amina'));
    expect(unknown.text).toMatch(/no dates for the Match 2031 season.*2027, 2028, 2029/);
  });

  it('shows the timeline from the profile year, marks what is late, and sets each reminder once', async () => {
    const a = start();
    await runTextCommand('/profile match_year:2027', a.as('amina'));
    const plan = await runTextCommand('/plan', a.as('amina'));
    expect(plan.title).toBe('Your plan for the Match 2027');
    // Applying in September 2026: the search window (March-September 2025) has passed.
    expect(plan.fields.find((f) => f.name.startsWith('Search and apply'))?.name).toMatch(/late/);
    expect(plan.text).toMatch(/past their usual time/);
    expect(plan.fields.find((f) => f.name.startsWith('Application season opens'))?.value).toMatch(
      /^about June 2026/,
    );
    expect(field(plan, 'Your U.S. clinical experience')).toMatch(/None tracked yet/);

    const button = plan.actions[0];
    expect(button?.label).toMatch(/^Remind me of \d+ upcoming steps?$/);
    const first = await runAction(button?.action ?? '', button?.payload ?? '', a.as('amina'));
    expect(first.title).toBe('Plan reminders set');
    const made = first.fields.length;
    expect(made).toBeGreaterThan(0);
    const listed = await a.deps.reminders.store.listForUser('shell:amina');
    expect(listed.filter((r) => r.text.startsWith('Match 2027 plan:'))).toHaveLength(made);
    // 09:00 in the member's zone (New York by default).
    for (const r of listed) expect(new Date(r.fireAt).getUTCHours()).toBe(13);

    const second = await runTextCommand('/plan remind:yes', a.as('amina'));
    expect(second.text).toMatch(/already set; nothing changed/);
    expect(await a.deps.reminders.store.listForUser('shell:amina')).toHaveLength(made);
  });
});

describe('config/match-cycles.json', () => {
  it('ships seasons with their source, and a broken file stops start-up naming the entry and field', async () => {
    expect(CYCLES.length).toBeGreaterThan(0);
    for (const c of CYCLES) expect(c.source.length).toBeGreaterThan(10);
    const dir = mkdtempSync(join(tmpdir(), 'imgbot-cycles-'));
    writeFileSync(
      join(dir, 'match-cycles.json'),
      JSON.stringify({
        cycles: [
          {
            matchYear: 2028,
            applicationOpens: 'June',
            programsReceive: '2027-09',
            matchDay: '2028-03-17',
            source: 'x calendar',
          },
        ],
      }),
    );
    const r = await loadSettingsFile(dir);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(/match-cycles\.json: cycles\.0\.applicationOpens must be YYYY-MM-DD/);
  });
});
