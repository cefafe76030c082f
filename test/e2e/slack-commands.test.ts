/**
 * Slash commands end to end: the real Bolt HTTP receiver with signed
 * requests, the imgbot Slack adapter on a real Redis core, the fake Slack
 * Web API and its response_url sink. What a member sees is the Block Kit
 * message posted to the response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockTexts,
  buttonsOf,
  messageOf,
  type SlackHarness,
  startSlackHarness,
} from './fake-slack/harness.ts';
import { postListings, SEARCH_LISTINGS } from './fake-slack/listings.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  await postListings(h.app, SEARCH_LISTINGS);
});
afterAll(async () => {
  await h?.close();
});

/** Listing ids shown in a search message (each record section carries its id in backticks). */
function idsIn(texts: readonly string[]): string[] {
  return texts.flatMap((t) => [...t.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] ?? ''));
}

describe('Slack slash commands (real Bolt, fake Slack, real Redis)', () => {
  it('/observership cardiology NY: acks at once, then five NY cardiology observerships as blocks; Next page replaces the message', async () => {
    const { res, responseUrl } = await h.command('/observership', 'cardiology NY');
    expect(res).toMatchObject({ status: 200, body: '' });

    const first = messageOf(await h.answer(responseUrl));
    expect(first.response_type).toBe('in_channel');
    expect(first.replace_original).toBe(false);
    const blocks = first.blocks ?? [];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(blockTexts(blocks.slice(0, 1)).join(' ')).toMatch(/Observerships.*Cardiology.*NY/i);
    const texts = blockTexts(blocks);
    const page1 = idsIn(texts);
    expect(page1).toHaveLength(5);
    expect(page1.every((id) => id.startsWith('obs-cardio-ny-'))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/obs-cardio-ca|ext-cardio/);
    expect(
      blocks.some((b) => b.type === 'context' && blockTexts([b]).join(' ').includes('Page 1 of 2')),
    ).toBe(true);
    const next = buttonsOf(blocks).find((b) => b.label === 'Next page');
    expect(next?.action_id).toBe('listing.page');

    const pressUrl = h.fake.newResponseUrl();
    const pressed = await h.press({ action_id: next?.action_id ?? '', value: next?.value ?? '' }, pressUrl);
    expect(pressed.status).toBe(200);
    const second = messageOf(await h.answer(pressUrl));
    expect(second.replace_original).toBe(true);
    const page2 = idsIn(blockTexts(second.blocks));
    expect(page2).toHaveLength(1);
    expect(new Set([...page1, ...page2])).toEqual(new Set(SEARCH_LISTINGS.slice(0, 6).map((l) => l.id)));
    expect(blockTexts(second.blocks).join('\n')).toContain('Page 2 of 2');
    expect(buttonsOf(second.blocks).map((b) => b.label)).toContain('Previous page');
  });

  it('/externship specialty:IM hands_on:true: only the hands-on internal medicine externship', async () => {
    const { responseUrl } = await h.command('/externship', 'specialty:IM hands_on:true');
    const answer = messageOf(await h.answer(responseUrl));
    expect(idsIn(blockTexts(answer.blocks))).toEqual(['ext-im-tx-01']);
    expect(answer.text).toMatch(/Externships/);
  });

  it('reads bare words like key:value options: specialty, state and flags without keys', async () => {
    const { responseUrl } = await h.command('/externship', 'internal medicine TX hands-on free');
    const answer = messageOf(await h.answer(responseUrl));
    expect(idsIn(blockTexts(answer.blocks))).toEqual(['ext-im-tx-01']);

    // The issue's own example: the flags are understood (no observership is hands-on), not searched as words.
    const issue = await h.command('/observership', 'cardiology NY hands-on free');
    const none = blockTexts(messageOf(await h.answer(issue.responseUrl)).blocks).join('\n');
    expect(none).toMatch(/No observerships match/);
    expect(none).toMatch(/hands-on/);
    expect(none).toMatch(/free/);
    expect(idsIn([none])).toEqual([]);
  });

  it('/imgbot <command> reaches every command; /imgbot help lists them all with the Slack hint', async () => {
    const viaUmbrella = await h.command('/imgbot', 'externship specialty:IM hands_on:true');
    expect(idsIn(blockTexts(messageOf(await h.answer(viaUmbrella.responseUrl)).blocks))).toEqual([
      'ext-im-tx-01',
    ]);

    for (const text of ['help', '']) {
      const { responseUrl } = await h.command('/imgbot', text);
      const help = messageOf(await h.answer(responseUrl));
      const all = blockTexts(help.blocks).join('\n');
      expect(help.response_type).toBe('ephemeral');
      for (const name of [
        'help',
        'observership',
        'externship',
        'remind',
        'reminders',
        'track add',
        'faq',
        'suggest',
      ]) {
        expect(all).toContain(`/${name}`);
      }
      expect(all).toContain('/imgbot remind');
    }
  });

  it('personal data and errors are ephemeral (seen by the member alone)', async () => {
    const remind = await h.command('/imgbot', 'remind when:"in 3 hours" what:"email Dr. Rivera"');
    const set = messageOf(await h.answer(remind.responseUrl));
    expect(set.response_type).toBe('ephemeral');
    expect(blockTexts(set.blocks).join('\n')).toContain('Reminder set');

    const list = await h.command('/reminders');
    const mine = messageOf(await h.answer(list.responseUrl));
    expect(mine.response_type).toBe('ephemeral');
    expect(blockTexts(mine.blocks).join('\n')).toContain('email Dr. Rivera');

    const bad = await h.command('/externship', 'specialty:IM max_fee:lots');
    const error = messageOf(await h.answer(bad.responseUrl));
    expect(error.response_type).toBe('ephemeral');
    expect(blockTexts(error.blocks).join('\n')).toMatch(/:warning: .*max_fee/);
  });

  it('an unknown command gets the core’s suggestion, not silence', async () => {
    const { responseUrl } = await h.command('/imgbot', 'externshp IM');
    const answer = blockTexts(messageOf(await h.answer(responseUrl)).blocks).join('\n');
    expect(answer).toContain('There is no command /externshp');
    expect(answer).toContain('/externship');
  });
});
