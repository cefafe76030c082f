import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import {
  type InvocationEnv,
  runAction,
  runAutocomplete,
  runCommand,
  runTextCommand,
} from '../../src/core/commands/dispatch.ts';
import { MAX_ANSWER_CHARS } from '../../src/core/faq/faq-entry.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let app: TestApp | undefined;
let other: App | undefined;
afterEach(async () => {
  await other?.close();
  other = undefined;
  await app?.dispose();
  app = undefined;
});

/** A second app on the same Redis prefix: another bot process. */
function secondProcess(first: TestApp): { app: App; as: (name: string) => InvocationEnv } {
  other = createApp(first.options);
  const second = other;
  return {
    app: second,
    as: (name) => ({ ...first.as(name), deps: second.deps, registry: second.registry }),
  };
}

describe('/faq', () => {
  it('answers a question with the entry, its date, related topics and their buttons', async () => {
    app = createTestApp();
    const r = await runTextCommand('/faq how many weeks do externships usually last', app.as('amina'));
    expect(r.error).toBe(false);
    expect(r.ids).toEqual(['externship-duration']);
    expect(r.title).toBe('How long do externships last?');
    expect(r.text).toContain('4-12 weeks');
    expect(r.footer).toBe('last verified 2026-11-01');
    // The related topics are listed once, as buttons: not again in the text or the footer.
    expect(r.text).not.toMatch(/related:|\/faq id:/i);
    expect(r.text).toContain('Try /externship.');
    expect(r.actions.map((a) => [a.action, a.payload])).toEqual([
      ['faq.show', 'usce-how-much'],
      ['faq.show', 'letters-of-recommendation'],
      ['faq.show', 'balance-exam-prep'],
      ['faq.vote', 'externship-duration.up'],
      ['faq.vote', 'externship-duration.down'],
    ]);
  });

  it('takes a plain question as the shell hands it over, and a topic id', async () => {
    app = createTestApp();
    const asked = await runCommand(
      'faq',
      { question: "I'm on a B1/B2 visa, can I do hands-on rotations?" },
      app.as('li'),
    );
    expect(asked.ids).toEqual(['visa-constraints']);
    const byId = await runTextCommand('/faq id:visa-constraints', app.as('li'));
    expect(byId.ids).toEqual(['visa-constraints']);
    // Discord's autocomplete hands back the id as the question.
    const picked = await runCommand('faq', { question: 'eras-and-soap' }, app.as('li'));
    expect(picked.ids).toEqual(['eras-and-soap']);
  });

  it('wants exactly one of question and id, and suggests ids for a typo', async () => {
    app = createTestApp();
    const both = await runCommand('faq', { question: 'visa', id: 'visa-constraints' }, app.as('li'));
    expect(both.code).toBe('FAQ.ONE_OF');
    const neither = await runCommand('faq', {}, app.as('li'));
    expect(neither.code).toBe('FAQ.ONE_OF');
    const typo = await runTextCommand('/faq id:visa-constraint', app.as('li'));
    expect(typo.code).toBe('FAQ.NOT_FOUND');
    expect(typo.text).toContain('id:visa-constraints');
  });

  it('says honestly when it has no answer, offering three close topics and /faq-list', async () => {
    app = createTestApp();
    const r = await runTextCommand("/faq what's the weather in Boston", app.as('li'));
    expect(r.error).toBe(false);
    expect(r.ids).toEqual([]);
    expect(r.text).toContain("I don't have an answer");
    expect(r.text).toContain('/faq-list');
    expect(r.actions).toHaveLength(3);
    expect(r.actions.every((a) => a.action === 'faq.show')).toBe(true);

    const pressed = await runAction('faq.show', r.actions[0]?.payload ?? '', app.as('li'));
    expect(pressed.ids).toEqual([r.actions[0]?.payload]);
    const stale = await runAction('faq.show', 'no-such-topic', app.as('li'));
    expect(stale.code).toBe('FAQ.NOT_FOUND');
  });

  it('completes questions with topic titles, the id as value', async () => {
    app = createTestApp();
    const choices = await runAutocomplete('faq', 'question', 'visa', app.as('li'));
    expect(choices[0]).toEqual({
      name: 'How do visa limits affect what I can do?',
      value: 'visa-constraints',
    });
    const all = await runAutocomplete('faq', 'question', '', app.as('li'));
    expect(all).toHaveLength(25);
  });
});

describe('/faq-list', () => {
  it('lists every topic grouped by tag, with ids', async () => {
    app = createTestApp();
    const r = await runTextCommand('/faq-list', app.as('li'));
    expect(r.ids).toHaveLength(33);
    expect(new Set(r.ids).size).toBe(33);
    expect(r.fields.map((f) => f.name)).toContain('Kinds of clinical experience');
    expect(r.fields.flatMap((f) => f.value.split('\n'))).toContain(
      'externship-vs-observership: How is an externship different from an observership?',
    );
  });
});

describe('moderator FAQ edits', () => {
  const answer =
    'Ask early, in person, and give your writer a CV and a list of cases. Updated by our moderators.';

  it('an edit is audited and seen at once by another process; a member is refused', async () => {
    app = createTestApp();
    const mod = app.as('mod', { moderator: true });
    const second = secondProcess(app);
    // The other process has built (and cached) its index before the edit.
    expect((await runTextCommand('/faq id:letters-of-recommendation', second.as('li'))).text).not.toBe(
      answer,
    );

    const refused = await runTextCommand(
      `/faq-edit id:letters-of-recommendation title:"Asking for letters" answer:"Nope"`,
      app.as('member'),
    );
    expect(refused.code).toBe('PERMISSION.MODERATOR_ONLY');
    expect(await app.deps.faq.overrides.version('shell:local')).toBe(0);

    const saved = await runTextCommand(
      `/faq-edit id:letters-of-recommendation title:"How and when do I ask for a letter of recommendation?" answer:"${answer}"`,
      mod,
    );
    expect(saved.error).toBe(false);
    expect(saved.title).toContain('updated');

    const seen = await runTextCommand('/faq id:letters-of-recommendation', second.as('li'));
    expect(seen.text).toBe(answer);
    expect(seen.footer).toMatch(/last verified \d{4}-\d{2}-\d{2}/);
    // Related topics and aliases were kept, so questions still find it.
    expect(seen.actions.map((a) => a.payload)).toContain('maximize-rotation');
    expect(
      (await runTextCommand('/faq when should I ask my attending for a LOR', second.as('li'))).text,
    ).toBe(answer);

    const [audit] = await app.deps.audit.list('shell:local', { limit: 5 });
    expect(audit).toMatchObject({
      action: 'faq.edit',
      target: 'letters-of-recommendation',
      actorId: 'shell:mod',
    });
    expect((audit?.before as { body?: string } | undefined)?.body).toContain('letter');
    expect((audit?.after as { body?: string } | undefined)?.body).toBe(answer);
  });

  it('adds a new topic that questions then reach, and validates like the files', async () => {
    app = createTestApp();
    const mod = app.as('mod', { moderator: true });
    const tooLong = await runCommand(
      'faq-edit',
      { id: 'housing', title: 'Where do I stay?', answer: 'x'.repeat(MAX_ANSWER_CHARS + 1) },
      mod,
    );
    expect(tooLong.error).toBe(true);
    expect(tooLong.text).toContain(String(MAX_ANSWER_CHARS));
    const broken = await runTextCommand(
      '/faq-edit id:housing-during-rotations title:"Where can I stay during a rotation?" answer:"Ask the coordinator." related:visa-constraint',
      mod,
    );
    expect(broken.code).toBe('FAQ.BROKEN_LINK');
    expect(broken.text).toContain('visa-constraints');
    const badId = await runTextCommand('/faq-edit id:Housing_Tips title:"Housing?" answer:"Ask."', mod);
    expect(badId.code).toBe('FAQ.INVALID');
    expect(await app.deps.faq.overrides.version('shell:local')).toBe(0);

    const added = await runTextCommand(
      '/faq-edit id:housing-during-rotations title:"Where can I stay during a rotation?" ' +
        'answer:"Ask the coordinator for housing lists; hospitals near campus often rent short-term rooms." ' +
        'aliases:"housing for observership; accommodation near the hospital" tags:during-rotation related:visa-constraints',
      mod,
    );
    expect(added.title).toContain('added');
    const second = secondProcess(app);
    const found = await runTextCommand(
      '/faq where can I find housing during my observership',
      second.as('li'),
    );
    expect(found.ids).toEqual(['housing-during-rotations']);
    expect(found.actions.filter((a) => a.action === 'faq.show').map((a) => a.payload)).toEqual([
      'visa-constraints',
    ]);
    expect((await runTextCommand('/faq-list', second.as('li'))).ids).toHaveLength(34);
    const [audit] = await app.deps.audit.list('shell:local', { limit: 1 });
    expect(audit).toMatchObject({ action: 'faq.add', target: 'housing-during-rotations', before: null });
  });

  it('/faq-remove hides a topic everywhere and /faq-reset brings the shipped text back, both audited', async () => {
    app = createTestApp();
    const mod = app.as('mod', { moderator: true });
    const second = secondProcess(app);

    expect((await runTextCommand('/faq-remove id:eras-and-soap', app.as('member'))).code).toBe(
      'PERMISSION.MODERATOR_ONLY',
    );
    const removed = await runTextCommand('/faq-remove id:eras-and-soap', mod);
    expect(removed.error).toBe(false);
    expect(removed.text).toContain('/faq-reset id:eras-and-soap');

    expect((await runTextCommand('/faq id:eras-and-soap', second.as('li'))).code).toBe('FAQ.NOT_FOUND');
    expect((await runTextCommand('/faq-list', second.as('li'))).ids).not.toContain('eras-and-soap');
    // Links to it disappear from the topics that pointed at it.
    const when = await runTextCommand('/faq id:when-to-start', second.as('li'));
    expect(when.actions.map((a) => a.payload)).not.toContain('eras-and-soap');
    expect(
      (await runTextCommand('/faq what does SOAP mean in the match', second.as('li'))).ids,
    ).not.toContain('eras-and-soap');

    const reset = await runTextCommand('/faq-reset id:eras-and-soap', mod);
    expect(reset.error).toBe(false);
    const back = await runTextCommand('/faq id:eras-and-soap', second.as('li'));
    expect(back.ids).toEqual(['eras-and-soap']);
    expect(back.text).toContain('Supplemental Offer and Acceptance Program');
    expect((await runTextCommand('/faq-reset id:eras-and-soap', mod)).code).toBe('FAQ.NOT_CHANGED');

    const audit = await app.deps.audit.list('shell:local', { limit: 5 });
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['faq.reset', 'eras-and-soap'],
      ['faq.remove', 'eras-and-soap'],
    ]);
    expect(audit[1]?.after).toBeNull();
  });

  it('keeps each community’s edits to itself', async () => {
    app = createTestApp();
    await runTextCommand(
      '/faq-remove id:networking',
      app.as('mod', { moderator: true, platform: 'discord' }),
    );
    expect((await runTextCommand('/faq id:networking', app.as('li', { platform: 'discord' }))).code).toBe(
      'FAQ.NOT_FOUND',
    );
    expect((await runTextCommand('/faq id:networking', app.as('li', { platform: 'slack' }))).ids).toEqual([
      'networking',
    ]);
  });
});
