import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createCustomIdCodec } from '../../src/bots/discord/custom-id.ts';
import { clip, LIMITS, neutralizeMentions } from '../../src/bots/discord/render/clip.ts';
import { renderButtons } from '../../src/bots/discord/render/components.ts';
import { renderEmbed } from '../../src/bots/discord/render/embed.ts';
import { interactionPayload, renderReply, restMessage } from '../../src/bots/discord/render/message.ts';
import { errorReply, type ReplyAction, reply } from '../../src/core/reply.ts';

const codec = createCustomIdCodec('secret');

describe('clip', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven chars', 10, 'eleven ch…'],
    ['ab😀cd', 4, 'ab…'], // never half an emoji
    ['anything', 0, ''],
  ])('GIVEN %j and %i THEN %j', (text, max, out) => {
    expect(clip(text, max)).toBe(out);
    expect(clip(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('masked links are written out with their real address', () => {
  it.each([
    ['[mayo.edu](http://mayo-clinic-observe.xyz)', 'mayo.edu (http://mayo-clinic-observe.xyz)'],
    ['See [our site](<https://evil.example/a>) now', 'See our site (https://evil.example/a) now'],
    ['[bank](https://evil.example "Your bank")', 'bank (https://evil.example)'],
    [
      '[[mayo.edu](https://a.example)](https://evil.example)',
      'mayo.edu (https://a.example) (https://evil.example)',
    ],
    ['<https://evil.example|bank>', 'bank (https://evil.example)'],
    ['[https://ok.example.org](https://ok.example.org)', 'https://ok.example.org'],
    ['plain [brackets] and (parens)', 'plain [brackets] and (parens)'],
  ])('GIVEN %j THEN the embed shows %j', (text, shown) => {
    const embed = renderEmbed(reply({ title: 'Listing', text, fields: [{ name: 'Contact', value: text }] }));
    expect(embed.description).toBe(shown);
    expect(embed.fields?.[0]?.value).toBe(shown);
  });

  it('GIVEN a masked link in plain content or a record THEN it is written out there too', () => {
    const plain = renderReply(reply({ text: 'apply [here](http://evil.example)' }), { codec, share: false });
    expect(JSON.stringify(plain)).toContain('apply here (http://evil.example)');
    const embed = renderEmbed(
      reply({
        title: 'Results',
        text: '',
        records: [{ id: 'x', title: '[Mayo](http://evil.example)', text: '[a](http://b.example)' }],
      }),
    );
    expect(embed.fields?.[0]?.name).toBe('Mayo (http://evil.example)');
    expect(embed.fields?.[0]?.value).toContain('a (http://b.example)');
  });
});

describe('neutralizeMentions', () => {
  it.each([
    ['@everyone free externship <@&123>', '@\u200beveryone free externship <@\u200b&123>'],
    ['ping @here and <@456>', 'ping @\u200bhere and <@\u200b456>'],
    ['email me@example.com, see <#789>', 'email me@example.com, see <#789>'],
    ['write to observers@here.example.org', 'write to observers@here.example.org'], // the email still works
    ['first.last@everyone-clinic.org', 'first.last@everyone-clinic.org'],
    ['(@everyone) hi,@here', '(@\u200beveryone) hi,@\u200bhere'],
    ['@heretic and @everyones', '@heretic and @everyones'],
  ])('GIVEN %j THEN %j', (text, out) => {
    expect(neutralizeMentions(text)).toBe(out);
  });
});

describe('renderEmbed', () => {
  it('GIVEN a search result THEN title, text, one field per record with its id, and the page footer', () => {
    const embed = renderEmbed(
      reply({
        title: 'Observerships: cardiology in NY',
        text: '12 found',
        records: [
          {
            id: 'L1',
            title: 'Mount Sinai cardiology',
            subtitle: 'New York, NY · observership',
            fields: [{ name: 'Deadline', value: '2025-03-01' }],
          },
        ],
        footer: 'Page 1/3',
      }),
    );
    expect(embed).toMatchObject({
      title: 'Observerships: cardiology in NY',
      description: '12 found',
      fields: [
        {
          name: 'Mount Sinai cardiology',
          value: 'New York, NY · observership\nDeadline: 2025-03-01\nid: L1',
        },
      ],
      footer: { text: 'Page 1/3' },
    });
  });

  it('GIVEN oversized parts THEN each is clipped to its limit and the total to 6,000', () => {
    const long = 'x'.repeat(5_000);
    const embed = renderEmbed(
      reply({
        title: long,
        text: long,
        fields: Array.from({ length: 40 }, (_, i) => ({ name: `${i}${long}`, value: long })),
        footer: long,
      }),
    );
    expect(embed.title?.length).toBe(LIMITS.embedTitle);
    expect(embed.fields?.length).toBeLessThanOrEqual(25);
    for (const f of embed.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6_000);
    expect(embed.fields?.at(-1)?.value).toMatch(/more not shown/);
  });

  it('GIVEN 30 records THEN 24 are shown and the last field says how many more', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: `L${i}`, title: `Listing ${i}` }));
    const embed = renderEmbed(reply({ title: 't', text: '', records }));
    expect(embed.fields).toHaveLength(25);
    expect(embed.fields?.[24]?.value).toBe('…and 6 more not shown.');
  });
});

describe('renderButtons', () => {
  const action = (i: number): ReplyAction => ({
    action: 'listing.page',
    label: `Page ${i}`,
    payload: `p=${i}`,
  });

  it('GIVEN 7 actions and share THEN rows of 5, signed ids, share last and secondary', () => {
    const { rows, dropped } = renderButtons(
      Array.from({ length: 7 }, (_, i) => action(i)),
      codec,
      true,
    );
    expect(rows.map((r) => r.components.length)).toEqual([5, 3]);
    expect(rows.every((r) => r.type === ComponentType.ActionRow)).toBe(true);
    const last = rows[1]?.components[2];
    expect(last).toMatchObject({ label: 'Share in channel', style: ButtonStyle.Secondary });
    const decoded = codec.decode(rows[0]?.components[1]?.custom_id ?? '');
    expect(decoded).toEqual({ ok: true, value: { kind: 'a', id: 'listing.page', payload: 'p=1' } });
    expect(dropped).toEqual([]);
  });

  it('GIVEN 30 actions, a duplicate, an 80+ label and a too-long payload THEN 25 buttons at most, the rest reported', () => {
    const actions: ReplyAction[] = [
      { action: 'a.b', label: 'L'.repeat(120), payload: '1' },
      { action: 'a.b', label: 'again', payload: '1' },
      { action: 'a.b', label: 'huge', payload: 'p'.repeat(100) },
      ...Array.from({ length: 30 }, (_, i) => action(i)),
    ];
    const { rows, dropped } = renderButtons(actions, codec, false);
    expect(rows).toHaveLength(5);
    expect(rows.flatMap((r) => r.components)).toHaveLength(25);
    expect(rows[0]?.components[0]?.label).toHaveLength(80);
    expect(dropped).toHaveLength(8); // duplicate + too long + 6 over 25
  });
});

describe('renderReply', () => {
  it('GIVEN plain text THEN content only, mentions defused, and no mentions allowed', () => {
    const out = renderReply(reply({ text: 'Saved @everyone' }), { codec, share: false });
    expect(out).toMatchObject({ content: 'Saved @\u200beveryone', embeds: [], components: [] });
    expect(interactionPayload(out).allowedMentions).toEqual({ parse: [] });
    expect(restMessage(out).body.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN an error THEN a warning line and never a share button', () => {
    const out = renderReply(errorReply('X.Y', 'Option state must be a U.S. state'), { codec, share: true });
    expect(out.content).toBe('⚠️ Option state must be a U.S. state');
    expect(out.components).toEqual([]);
  });

  it('GIVEN an attachment THEN a file', () => {
    const out = renderReply(
      reply({
        text: 'Your data',
        attachment: { name: 'mydata.json', mime: 'application/json', content: '{"a":1}' },
      }),
      { codec, share: false },
    );
    expect(out.file?.name).toBe('mydata.json');
    expect(out.file?.data.toString()).toBe('{"a":1}');
    expect(restMessage(out).files?.[0]).toMatchObject({
      name: 'mydata.json',
      contentType: 'application/json',
    });
  });

  it('GIVEN 3,000 characters of plain text THEN content is clipped to 2,000', () => {
    expect(renderReply(reply({ text: 'z'.repeat(3_000) }), { codec, share: false }).content).toHaveLength(
      2_000,
    );
  });
});

describe('a reply addressed to a member', () => {
  it('GIVEN an addressee THEN the content mentions them and only that user may be pinged', () => {
    const rendered = renderReply(
      reply({ addressee: 'discord:1300000000000000300', title: 'Notice', text: '@everyone <@&1>' }),
      { codec, share: false },
    );
    const { body } = restMessage(rendered);
    expect(body.content).toBe('<@1300000000000000300>');
    expect(body.allowed_mentions).toEqual({ parse: [], users: ['1300000000000000300'] });
    expect(interactionPayload(rendered).allowedMentions).toEqual({
      parse: [],
      users: ['1300000000000000300'],
    });
  });

  it('GIVEN no addressee THEN nobody can be pinged', () => {
    const { body } = restMessage(renderReply(reply({ text: 'hello' }), { codec, share: false }));
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});
