import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/bots/shell/plain-text.ts';
import { renderJson, renderText } from '../../src/bots/shell/render-text.ts';
import { ShellNotifier } from '../../src/bots/shell/shell-notifier.ts';
import { reply } from '../../src/core/reply.ts';

describe('plainText (the shell prints no Markdown markers)', () => {
  it.each([
    ['Most run **4-12 weeks** per rotation', 'Most run 4-12 weeks per rotation'],
    ['- **Short (2-4 weeks)**: a taste', '- Short (2-4 weeks): a taste'],
    ['_General guidance only: check with the host._', 'General guidance only: check with the host.'],
    ['an *important* word and __strong__ text', 'an important word and strong text'],
    ['type `/remind` now', 'type /remind now'],
    ['## Red flags', 'Red flags'],
    ['see [the ECFMG page](https://www.ecfmg.org/)', 'see the ECFMG page (https://www.ecfmg.org/)'],
    ['~~old~~ new', 'old new'],
    [
      '/setup mod_role:<role> announce_channel:<channel>',
      '/setup mod_role:<role> announce_channel:<channel>',
    ],
    ['snake_case_name and 2*3*4', 'snake_case_name and 2*3*4'],
    ['shell:alice is a_b', 'shell:alice is a_b'],
  ])('GIVEN %j THEN %j', (markdown, plain) => {
    expect(plainText(markdown)).toBe(plain);
  });
});

describe('renderText', () => {
  it('GIVEN a FAQ-like reply THEN plain text, with each related topic once', () => {
    const text = renderText(
      reply({
        title: 'How long do externships last?',
        text: 'Most run **4-12 weeks**.\n\n- **Short**: a taste\n\nTry /externship.\n\n_General guidance only._',
        footer: 'last verified 2026-11-01',
        fields: [{ name: '**Note**', value: 'a `code` word' }],
        actions: [
          {
            action: 'faq.show',
            label: 'How much U.S. clinical experience do I need?',
            payload: 'usce-how-much',
          },
        ],
      }),
    );
    expect(text).not.toMatch(/\*\*|`|(^|\s)_\w/m);
    expect(text).toContain('Most run 4-12 weeks.');
    expect(text).toContain('- Short: a taste');
    expect(text).toContain('General guidance only.');
    expect(text).toContain('Note:\n   a code word');
    expect(text.split('How much U.S. clinical experience do I need?')).toHaveLength(2);
  });
});

describe('ShellNotifier', () => {
  it('GIVEN a channel post and a DM THEN the printer can tell them apart', async () => {
    const seen: unknown[] = [];
    const notifier = new ShellNotifier();
    notifier.attach((_reply, to) => seen.push(to));
    await notifier.sendToChannel('shell:opportunities', reply({ text: 'New listing' }));
    await notifier.sendDirect('shell:ana', reply({ text: 'Reminder' }));
    expect(seen).toEqual([{ to: 'shell:opportunities', channel: true }, { to: 'shell:ana' }]);
    expect(
      JSON.parse(renderJson(reply({ text: 'x' }), { to: 'shell:opportunities', channel: true })),
    ).toMatchObject({
      dm: true,
      channel: true,
      to: 'shell:opportunities',
    });
  });
});
