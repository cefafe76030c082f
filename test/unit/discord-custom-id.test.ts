import { describe, expect, it } from 'vitest';
import { createCustomIdCodec, decodeOptions, encodeOptions } from '../../src/bots/discord/custom-id.ts';
import { PendingForms } from '../../src/bots/discord/router/pending-forms.ts';

const codec = createCustomIdCodec('test-secret');
const other = createCustomIdCodec('another-secret');

function encoded(id: string, payload: string, kind: 'a' | 'm' = 'a'): string {
  const r = codec.encode({ kind, id, payload });
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('custom id codec', () => {
  it.each([
    ['a', 'listing.page', 'q=cardio;p=2'],
    ['a', 'discord.share', ''],
    ['m', 'track add', '=company=Mayo'],
    ['a', 'faq.more', 'has|pipes|inside'],
  ] as const)('GIVEN %s|%s|%s THEN it round-trips', (kind, id, payload) => {
    const id2 = encoded(id, payload, kind);
    expect(id2.length).toBeLessThanOrEqual(100);
    expect(codec.decode(id2)).toEqual({ ok: true, value: { kind, id, payload } });
  });

  it.each([
    ['a changed payload', (id: string) => id.replace('p=2', 'p=3')],
    ['a changed action', (id: string) => id.replace('listing.page', 'listing.delete')],
    ['a truncated MAC', (id: string) => id.slice(0, -1)],
    ['another key', () => encodedWith(other)],
    ['no MAC at all', () => 'a|listing.page|p=2'],
    ['a foreign id', () => 'faq:more'],
    ['an unknown kind', () => 'x|listing.page|p=2|abcdefghij'],
    ['an empty string', () => ''],
  ])('GIVEN %s THEN decode fails with the friendly stale text', (_what, forge) => {
    const r = codec.decode(forge(encoded('listing.page', 'q=cardio;p=2')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/no longer valid.*Run the command again/);
  });

  it('GIVEN a payload that would exceed 100 characters THEN encode fails and says so', () => {
    const r = codec.encode({ kind: 'a', id: 'listing.page', payload: 'x'.repeat(80) });
    expect(r).toMatchObject({ ok: false, code: 'DISCORD.CUSTOM_ID_TOO_LONG' });
  });

  it('GIVEN the budget for an id THEN a payload of exactly that length fits', () => {
    const budget = codec.payloadBudget('post');
    expect(encoded('post', 'y'.repeat(budget), 'm')).toHaveLength(100);
    expect(codec.encode({ kind: 'm', id: 'post', payload: 'y'.repeat(budget + 1) }).ok).toBe(false);
  });

  it('GIVEN an id with "|" THEN encode refuses', () => {
    expect(codec.encode({ kind: 'a', id: 'a|b', payload: '' }).ok).toBe(false);
  });
});

function encodedWith(c: ReturnType<typeof createCustomIdCodec>): string {
  const r = c.encode({ kind: 'a', id: 'listing.page', payload: 'q=cardio;p=2' });
  return r.ok ? r.value : '';
}

describe('form options in a custom id', () => {
  it.each([
    [{}, ''],
    [{ type: 'observership' }, 'type=observership'],
    [{ type: 'externship', paid: true, stipend: 500 }, 'type=externship&paid=true&stipend=500'],
    [{ note: 'a&b=c d' }, 'note=a%26b%3Dc%20d'],
  ])('GIVEN %j THEN %j and back as text', (raw, text) => {
    expect(encodeOptions(raw)).toBe(text);
    expect(decodeOptions(text)).toEqual({
      ok: true,
      value: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])),
    });
  });

  it.each([['noequals'], ['Bad=1'], ['a=1&a=2'], ['a=%E0%A4%A']])('GIVEN %j THEN decode fails', (text) => {
    expect(decodeOptions(text).ok).toBe(false);
  });
});

describe('PendingForms', () => {
  it('GIVEN short options THEN they travel inline; long ones wait in memory once', () => {
    let now = 0;
    const forms = new PendingForms(() => now);
    expect(forms.save({ type: 'observership' }, 50)).toBe('=type=observership');
    const key = forms.save({ description: 'x'.repeat(200) }, 50);
    expect(key).toMatch(/^~[A-Za-z0-9_-]{12}$/);
    expect(forms.load(key)).toEqual({ ok: true, value: { description: 'x'.repeat(200) } });
    expect(forms.load(key)).toMatchObject({ ok: false, code: 'DISCORD.FORM_EXPIRED' });
    const late = forms.save({ description: 'y'.repeat(200) }, 50);
    now += 31 * 60_000;
    expect(forms.load(late)).toMatchObject({ ok: false, code: 'DISCORD.FORM_EXPIRED' });
  });
});
