import { describe, expect, it } from 'vitest';
import { fieldOf, optionErrors } from '../../src/bots/slack/form-errors.ts';
import { formFor, MORE_INPUT, readMore } from '../../src/bots/slack/forms.ts';
import { timestampIsFresh } from '../../src/bots/slack/http-receiver.ts';
import { formModal, readFormValues } from '../../src/bots/slack/render/modal.ts';
import { parseModeratorList } from '../../src/bots/slack/slack-actor.ts';
import { slackExample, slackMentions, slackSlash } from '../../src/bots/slack/slack-names.ts';
import { routeSlashCommand, slackTextToPlain } from '../../src/bots/slack/slack-text.ts';
import { createRegistry } from '../../src/core/command-list.ts';

const registry = createRegistry();
const command = (name: string) => {
  const c = registry.find(name);
  if (!c) throw new Error(`no /${name}`);
  return c;
};

describe('Slack command text', () => {
  it.each([
    ['<https://a.example/x?y=1|a.example>', 'https://a.example/x?y=1'],
    ['<mailto:amina@example.org|amina@example.org>', 'amina@example.org'],
    ['<!channel> <!here|here> <!everyone>', '@channel @here @everyone'],
    ['<@U123|amina> in <#C9|jobs>', '<@U123|amina> in <#C9|jobs>'],
    ['fees &lt;= $500 &amp; free', 'fees <= $500 & free'],
    ['  cardiology NY  ', 'cardiology NY'],
  ])('GIVEN %j THEN %j', (text, plain) => {
    expect(slackTextToPlain(text)).toBe(plain);
  });
});

describe('routeSlashCommand', () => {
  it.each([
    ['/observership', 'cardiology NY hands-on free', '/observership cardiology NY hands-on free'],
    ['/externship', 'specialty:IM hands_on:true', '/externship specialty:IM hands_on:true'],
    ['/imgbot', 'help', '/help'],
    ['/imgbot', '', '/help'],
    [
      '/imgbot',
      'remind when:"in 2 weeks" what:"email Dr. Rivera"',
      '/remind when:"in 2 weeks" what:"email Dr. Rivera"',
    ],
    ['/imgbot', '/observership cardiology', '/observership cardiology'],
    ['/track', 'list', '/track list'],
    ['/post', 'title:X bogus:1', '/post title:X bogus:1'], // the core names the unknown option
  ])('GIVEN %s %j THEN the core runs %j', (slash, text, line) => {
    expect(routeSlashCommand(slash, text, registry)).toEqual({ kind: 'line', line });
  });

  it('GIVEN a form command without options THEN its modal', () => {
    for (const [slash, text, name] of [
      ['/post', '', 'post'],
      ['/suggest', '', 'suggest'],
      ['/imgbot', 'remind', 'remind'],
    ] as const) {
      const route = routeSlashCommand(slash, text, registry);
      expect(route).toMatchObject({ kind: 'form', command: { name }, given: {} });
    }
  });

  it('GIVEN a form command missing a required option THEN its modal, prefilled with what was typed', () => {
    const route = routeSlashCommand('/imgbot', 'remind what:"email Dr. Rivera"', registry);
    expect(route).toMatchObject({ kind: 'form', given: { what: 'email Dr. Rivera' } });
    // Complete options skip the modal.
    expect(routeSlashCommand('/imgbot', 'remind when:tomorrow what:x', registry).kind).toBe('line');
  });
});

describe('Slack modals', () => {
  it('asks every required option, the declared form, the example’s options, then "More options"', () => {
    const form = formFor(command('post'));
    expect(form?.inputs.slice(0, 5)).toEqual(['title', 'type', 'specialties', 'institution', 'city']);
    expect(form?.inputs).toContain('state');
    expect(form?.more).toContain('fee_covers');
    expect(formFor(command('remind'))?.inputs).toEqual(['when', 'what', 'repeat']);
    expect(formFor(command('observership'))).toBeUndefined();
  });

  it('builds inputs from option kinds and reads the submitted state back', () => {
    const post = command('post');
    const form = formFor(post);
    if (!form) throw new Error('no form');
    const view = formModal(
      post,
      form,
      { cmd: 'post', ch: 'C1' },
      { given: { type: 'Externship', fee_covers: 'EMR access' } },
    );
    const blocks = (view?.blocks ?? []) as unknown as {
      block_id?: string;
      optional?: boolean;
      element?: Record<string, unknown>;
    }[];
    const byId = (id: string) => blocks.find((b) => b.block_id === id);
    expect(byId('type')?.element).toMatchObject({
      type: 'static_select',
      initial_option: { value: 'externship' },
    });
    // The fee is text, not a number input: "not stated" is a third answer besides a number and free.
    expect(byId('fee_usd')?.element).toMatchObject({ type: 'plain_text_input' });
    expect(byId('title')).toMatchObject({ optional: false });
    expect(byId('state')).toMatchObject({ optional: true });
    expect(byId(MORE_INPUT)?.element).toMatchObject({ initial_value: 'fee_covers:"EMR access"' });
    expect(JSON.parse(view?.private_metadata ?? '')).toEqual({ cmd: 'post', ch: 'C1' });

    const raw = readFormValues(form, {
      title: { title: { type: 'plain_text_input', value: 'A' } },
      type: {
        type: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'externship' },
        },
      },
      city: { city: { type: 'plain_text_input', value: '   ' } },
    });
    expect(raw).toEqual({ title: 'A', type: 'externship' });
    expect(readMore(post, 'fee_usd:1200 hands_on:yes')).toEqual({
      ok: true,
      value: { fee_usd: '1200', hands_on: 'yes' },
    });
    expect(readMore(post, 'nonsense:1')).toMatchObject({ ok: false, code: 'OPTION.UNKNOWN' });
  });

  it('reports every bad option at once, under the input it is about', () => {
    const post = command('post');
    const form = formFor(post);
    if (!form) throw new Error('no form');
    const errors = optionErrors(
      post,
      {
        title: 'T',
        type: 'sabbatical',
        specialties: 'cardiology',
        institution: 'I',
        fee_covers: 'x'.repeat(5000),
      },
      form,
    );
    expect(Object.keys(errors ?? {}).sort()).toEqual(['_more', 'city', 'type']);
    expect(errors?.type).toMatch(/^Option type of \/post must be one of/);
    expect(errors?.city).toMatch(/^\/post needs city/);
    expect(fieldOf('The deadline 1 Mar 2020 has already passed.', undefined, form)).toBe('deadline');
    expect(fieldOf('Something unrelated', undefined, form)).toBe('title');
  });
});

describe('Slack names, moderators and the receiver clock', () => {
  it('reaches names Slack keeps through /imgbot', () => {
    expect(slackSlash('remind')).toBe('/imgbot remind');
    expect(slackSlash('track add')).toBe('/track add');
    expect(slackExample('/remind when:"in 2 weeks" what:x')).toBe('/imgbot remind when:"in 2 weeks" what:x');
    expect(slackExample('/observership cardiology')).toBe('/observership cardiology');
  });

  it('GIVEN core text naming commands THEN only the names Slack keeps go through /imgbot', () => {
    expect(
      slackMentions('No reminders yet. Try /remind, or (/remind) later; /reminders and /track add too.'),
    ).toBe('No reminders yet. Try /imgbot remind, or (/imgbot remind) later; /reminders and /track add too.');
    expect(slackMentions('see https://example.org/remind')).toBe('see https://example.org/remind');
  });

  it('splits SLACK_MODERATORS into users and user groups', () => {
    expect(parseModeratorList(' U012AB, S0MODS ,W9X ')).toEqual({
      users: ['U012AB', 'W9X'],
      groups: ['S0MODS'],
    });
    expect(parseModeratorList(undefined)).toEqual({ users: [], groups: [] });
  });

  it.each([
    [0, true],
    [-299, true],
    [299, true],
    [-301, false],
    [301, false],
  ])('GIVEN a request timestamp %i s from now THEN fresh=%s', (offset, fresh) => {
    const now = 1_767_000_000_000;
    expect(timestampIsFresh(String(now / 1000 + offset), now)).toBe(fresh);
  });

  it.each([[undefined], ['soon'], ['1.5'], [['1', '2']]])(
    'GIVEN timestamp header %j THEN not fresh',
    (header) => {
      expect(timestampIsFresh(header as string | string[] | undefined, Date.now())).toBe(false);
    },
  );
});
