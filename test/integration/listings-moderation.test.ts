import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/core/commands/dispatch.ts';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { listingCells as cells, collectDms, run, seedListings, T0 } from '../helpers/listing-fixtures.ts';

let app: TestApp;
let clock: FakeClock;

beforeEach(() => {
  clock = new FakeClock(T0);
  app = createTestApp({ clock });
});
afterEach(async () => {
  await app.dispose();
});

const mod = (line: string) => run(app, line, 'mod', true);
const member = (line: string) => run(app, line, 'amina');

const POST =
  '/post id:obs-post-01 title:"Nephrology Observership" type:observership specialties:nephro institution:"Chesapeake Crossing Kidney Associates" city:Baltimore state:MD duration_weeks:4 fee_usd:0 deadline:2027-08-31 contact:observe@chesapeake.example.org description:"Clinic and dialysis rounds with the nephrologists."';

async function searchIds(line: string): Promise<readonly string[]> {
  return (await member(line)).ids;
}

describe('moderator commands', () => {
  it('/post publishes a clean listing at once, audited with what was posted', async () => {
    const posted = await mod(POST);
    expect(posted).toMatchObject({
      error: false,
      title: 'Published: Nephrology Observership',
      ids: ['obs-post-01'],
    });
    expect(await searchIds('/observership nephrology')).toEqual(['obs-post-01']);
    const [entry] = await app.deps.audit.list('shell:local', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'listing.post',
      actorId: 'shell:mod',
      target: 'obs-post-01',
      at: T0,
      after: { title: 'Nephrology Observership', specialties: ['nephrology'], status: 'published' },
    });
    const again = await mod(POST);
    expect(again).toMatchObject({ error: true, code: 'LISTING.ID_TAKEN' });
  });

  it('/post with an invalid field says which and how, and stores nothing', async () => {
    const bad = await mod(POST.replace('state:MD', 'state:Atlantis'));
    expect(bad.error).toBe(true);
    expect(bad.text).toContain('state');
    expect(bad.text).toContain('U.S. state');
    const past = await mod(POST.replace('deadline:2027-08-31', 'deadline:2026-12-01'));
    expect(past).toMatchObject({ error: true, code: 'LISTING.DEADLINE_PASSED' });
    expect(await app.deps.listings.count()).toBe(0);
  });

  it('/edit changes fields, keeps the listing searchable, and /audit shows before → after', async () => {
    await mod(POST);
    clock.advance(60_000);
    const edited = await mod(
      '/edit id:obs-post-01 fee_usd:400 fee_covers:"badge and EMR access" deadline:2027-09-15',
    );
    expect(edited.error, edited.text).toBe(false);
    expect(edited.text).toContain('Saved');
    const l = await app.deps.listings.get('obs-post-01');
    expect(l).toMatchObject({
      feeUsd: 400,
      feeCovers: 'badge and EMR access',
      deadline: '2027-09-15',
      status: 'published',
    });
    expect(await searchIds('/observership nephrology max_fee:400')).toEqual(['obs-post-01']);
    expect(await searchIds('/observership nephrology free')).toEqual([]);

    const audit = await mod('/audit id:obs-post-01');
    expect(audit.records[0]).toMatchObject({ title: 'listing.edit obs-post-01' });
    expect(audit.records[0]?.subtitle).toContain('by shell:mod');
    expect(audit.records[0]?.text).toContain('feeUsd: 0 → 400');
    expect(audit.records[0]?.text).toContain('deadline: 2027-08-31 → 2027-09-15');
    expect(audit.records[1]?.title).toBe('listing.post obs-post-01');

    const invalid = await mod('/edit id:obs-post-01 duration_weeks:12-4');
    expect(invalid.error).toBe(true);
    expect(invalid.text).toContain('duration_weeks');
    expect((await app.deps.listings.get('obs-post-01'))?.durationWeeks).toEqual({ min: 4, max: 4 });
  });

  it('/withdraw takes a listing out of every search, with the reason audited and open reports closed', async () => {
    await mod(POST);
    await member('/report id:obs-post-01 reason:"the program page is gone"');
    const out = await mod('/withdraw id:obs-post-01 reason:"program closed for 2027"');
    expect(out.error).toBe(false);
    expect(out.text).toContain('1 open report was closed');
    expect(await searchIds('/observership')).toEqual([]);
    expect((await app.deps.listings.get('obs-post-01'))?.status).toBe('withdrawn');
    const [entry] = await app.deps.audit.list('shell:local', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'listing.withdraw',
      reason: 'program closed for 2027',
      before: { status: 'published' },
      after: { status: 'withdrawn' },
    });
    const shown = await member('/opportunity id:obs-post-01');
    expect(shown.fields.find((f) => f.name === 'Status')?.value).toBe('withdrawn: program closed for 2027');
    expect((await mod('/withdraw id:obs-post-01 reason:again')).code).toBe('LISTING.ALREADY_WITHDRAWN');
  });

  it('/verify stamps the last verified date members see', async () => {
    await mod(POST);
    const v = await mod('/verify id:obs-post-01');
    expect(v.error).toBe(false);
    expect((await app.deps.listings.get('obs-post-01'))?.verifiedAt).toBe(T0);
    const shown = await member('/opportunity id:obs-post-01');
    expect(shown.fields.find((f) => f.name === 'Last verified')?.value).toBe('Mon 4 Jan 2027, 12:00 EST');
    const [entry] = await app.deps.audit.list('shell:local', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'listing.verify',
      before: { verifiedAt: null },
      after: { verifiedAt: T0 },
    });
  });
});

describe('members are refused moderator commands, and nothing changes', () => {
  it.each([
    POST,
    '/edit id:obs-a fee_usd:9',
    '/withdraw id:obs-a reason:gone',
    '/review',
    '/approve id:obs-s',
    '/reject id:obs-s reason:no',
    '/verify id:obs-a',
    '/audit',
  ])('%s', async (line) => {
    await seedListings(app, [
      cells({ id: 'obs-a' }),
      cells({ id: 'obs-s', title: 'Suggested', status: 'pending' }),
    ]);
    const before = await app.deps.listings.getMany(['obs-a', 'obs-s']);
    const auditBefore = await app.deps.audit.list('shell:local', { limit: 50 });
    const refused = await member(line);
    expect(refused).toMatchObject({ error: true, code: 'PERMISSION.MODERATOR_ONLY' });
    expect(refused.text).toContain('Only moderators can use');
    expect(refused.text).toContain('Nothing was changed.');
    expect(await app.deps.listings.getMany(['obs-a', 'obs-s'])).toEqual(before);
    expect(await app.deps.listings.count()).toBe(2);
    expect(await app.deps.audit.list('shell:local', { limit: 50 })).toEqual(auditBefore);
  });

  it('the approve button is refused too', async () => {
    await seedListings(app, [cells({ id: 'obs-s', status: 'pending' })]);
    const refused = await runAction('review.approve', 'obs-s', app.as('amina'));
    expect(refused.code).toBe('PERMISSION.MODERATOR_ONLY');
    expect((await app.deps.listings.get('obs-s'))?.status).toBe('pending');
  });
});

const SUGGEST = (n: number) =>
  `/suggest title:"Free Clinic Volunteer ${n}" type:volunteer specialties:"family medicine" institution:"Granite Valley Free Clinic" city:Albany state:NY contact:volunteer@granitevalley.example.org description:"Evening intake and vital signs."`;

describe('suggestions and the review queue', () => {
  it('a suggestion waits as pending, out of searches, until a moderator approves it; the member is told', async () => {
    const dms = collectDms(app);
    const s = await member(SUGGEST(1));
    expect(s.error, s.text).toBe(false);
    const id = s.ids[0] ?? '';
    expect((await app.deps.listings.get(id))?.status).toBe('pending');
    expect(await searchIds('/volunteer')).toEqual([]);
    expect((await member(`/opportunity id:${id}`)).fields.find((f) => f.name === 'Status')?.value).toBe(
      'pending',
    );

    const queue = await mod('/review');
    expect(queue.ids).toEqual([id]);
    expect(queue.records[0]?.subtitle).toContain('suggested by shell:amina');
    const approve = queue.actions.find((a) => a.label === 'Approve 1');
    expect(approve).toMatchObject({ action: 'review.approve', payload: id });
    const done = await runAction('review.approve', id, app.as('mod', { moderator: true }));
    expect(done).toMatchObject({ error: false, title: 'Approved' });
    expect(await searchIds('/volunteer')).toEqual([id]);
    expect(dms).toHaveLength(1);
    expect(dms[0]?.to).toBe('shell:amina');
    expect(dms[0]?.reply.text).toContain('was approved and is now listed');
    expect((await app.deps.audit.list('shell:local', { limit: 1 }))[0]).toMatchObject({
      action: 'listing.approve',
      before: { status: 'pending' },
      after: { status: 'published' },
    });
    expect((await mod('/review')).text).toContain('Nothing to review');
  });

  it('reject-with-reason withdraws the suggestion and tells the member why', async () => {
    const dms = collectDms(app);
    const id = (await member(SUGGEST(1))).ids[0] ?? '';
    const ask = await runAction('review.reject', id, app.as('mod', { moderator: true }));
    expect(ask.text).toContain(`/reject id:${id} reason:`);
    const r = await mod(`/reject id:${id} reason:"duplicate of vol-im-ny-01"`);
    expect(r).toMatchObject({ error: false, title: 'Rejected' });
    expect((await app.deps.listings.get(id))?.status).toBe('withdrawn');
    expect(dms[0]?.reply.text).toContain("The moderator's reason: duplicate of vol-im-ny-01");
    expect(await searchIds('/volunteer')).toEqual([]);
    const twice = await mod(`/approve id:${id}`);
    expect(twice).toMatchObject({ error: true, code: 'REVIEW.NOT_PENDING' });
  });

  it('allows 3 suggestions per member per day; a 4th is refused and not stored; typos do not count', async () => {
    const typo = await member(SUGGEST(0).replace('state:NY', 'state:Nowhere'));
    expect(typo.error).toBe(true);
    for (const n of [1, 2, 3]) expect((await member(SUGGEST(n))).error).toBe(false);
    const fourth = await member(SUGGEST(4));
    expect(fourth).toMatchObject({ error: true, code: 'SUGGEST.RATE_LIMITED' });
    expect(fourth.text).toContain('at most 3 listings a day');
    expect((await app.deps.listings.pending(0, 10)).total).toBe(3);
    // Another member has their own allowance.
    expect((await run(app, SUGGEST(5), 'bilal')).error).toBe(false);
  });

  it('/report puts a member report in the review queue; a moderator can dismiss it', async () => {
    await seedListings(app, [cells({ id: 'obs-a' })]);
    const r = await member('/report id:obs-a reason:"the email bounces"');
    expect(r.error).toBe(false);
    const reportId = r.ids[0] ?? '';
    const queue = await mod('/review');
    expect(queue.ids).toEqual([reportId]);
    expect(queue.records[0]).toMatchObject({ title: 'Report on obs-a', text: 'the email bounces' });
    const dismiss = queue.actions.find((a) => a.action === 'report.dismiss');
    const out = await runAction('report.dismiss', dismiss?.payload ?? '', app.as('mod', { moderator: true }));
    expect(out.title).toBe('Report dismissed');
    expect((await mod('/review')).ids).toEqual([]);
    expect((await member('/report id:missing reason:"gone gone"')).code).toBe('LISTING.NOT_FOUND');
  });
});

describe('scam and quality flags', () => {
  const base = (extra: string) =>
    `/post title:"Cardiology Externship" type:externship specialties:cardiology institution:"Eastbrook Community Hospital" city:Queens state:NY duration_weeks:4 ${extra.includes('contact:') ? '' : 'contact:externs@eastbrook.example.org '}${extra}`;

  it.each([
    ['guaranteed-match', 'fee_usd:0 description:"Guaranteed residency position after the rotation."'],
    ['placement-claim', 'fee_usd:0 description:"Our alumni have a 100% match rate."'],
    ['fee-too-high', 'fee_usd:9000 fee_covers:"malpractice cover" description:"Clinic rotation."'],
    ['no-verifiable-contact', 'fee_usd:0 description:"Clinic rotation." contact:eastbrook.externs@gmail.com'],
    ['unsupervised-hands-on', 'fee_usd:0 hands_on:true description:"Examine patients and write notes."'],
  ])(
    '%s: a post is held, never published, and the moderator sees the rule that fired',
    async (rule, extra) => {
      const held = await mod(base(extra));
      expect(held.error, held.text).toBe(false);
      expect(held.title).toBe('Held for review: Cardiology Externship');
      expect(held.fields.map((f) => f.name)).toEqual([rule]);
      const id = held.ids[0] ?? '';
      expect((await app.deps.listings.get(id))?.status).toBe('pending');
      expect(await searchIds('/externship')).toEqual([]);
      const queue = await mod('/review');
      expect(queue.records[0]?.fields?.map((f) => f.name)).toEqual([`flag: ${rule}`]);
      // Only a moderator's explicit approval publishes it.
      await runAction('review.approve', id, app.as('mod', { moderator: true }));
      expect(await searchIds('/externship')).toEqual([id]);
    },
  );

  it('an approved listing is held again only when an edit trips a new rule', async () => {
    const held = await mod(
      base('fee_usd:9000 fee_covers:"malpractice cover" description:"Clinic rotation."'),
    );
    const id = held.ids[0] ?? '';
    await mod(`/approve id:${id}`);
    const fine = await mod(`/edit id:${id} title:"Cardiology Externship (4 weeks)"`);
    expect(fine.text).toContain('Saved');
    expect((await app.deps.listings.get(id))?.status).toBe('published');
    const scam = await mod(`/edit id:${id} description:"A residency is guaranteed to every extern."`);
    expect(scam.text).toContain('held in /review');
    expect(scam.text).toContain('promises a residency or Match');
    expect((await app.deps.listings.get(id))?.status).toBe('pending');
    expect(await searchIds('/externship')).toEqual([]);
  });

  it('a member suggestion with red flags shows the rules in the queue', async () => {
    const s = await member(
      '/suggest title:"USCE with guaranteed match" type:externship specialties:IM institution:"Quick USCE LLC" city:Miami state:FL contact:https://wa.me/15550100 fee_usd:12000 description:"100% match success."',
    );
    expect(s.error, s.text).toBe(false);
    const queue = await mod('/review');
    const names = queue.records[0]?.fields?.map((f) => f.name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining([
        'flag: guaranteed-match',
        'flag: placement-claim',
        'flag: fee-too-high',
        'flag: no-verifiable-contact',
      ]),
    );
  });
});

describe('user text stays plain text', () => {
  it('stores @everyone, role and channel mentions exactly as typed; adapters escape them', async () => {
    const title = '@everyone <@&123> <!channel> Observership';
    const description = 'Ping <@&456> and @here, or <!everyone>. **not bold**';
    const posted = await mod(
      `/post title:"${title}" type:observership specialties:cardiology institution:"<@789> Hospital" city:Albany state:NY contact:a@b.example.org description:"${description}"`,
    );
    expect(posted.error, posted.text).toBe(false);
    const id = posted.ids[0] ?? '';
    const l = await app.deps.listings.get(id);
    expect(l).toMatchObject({ title, description, institution: '<@789> Hospital' });
    const shown = await member(`/opportunity id:${id}`);
    expect(shown.title).toBe(title);
    expect(shown.text).toBe(description);
    const found = await member('/observership q:everyone');
    expect(found.ids).toEqual([id]);
    expect(found.records[0]?.title).toBe(title);
  });
});
