import { describe, expect, it } from 'vitest';
import { idPattern } from '../../src/store/member-traces.redis-store.ts';

const named = (id: string, text: string) => idPattern(id).test(text);

describe('idPattern (which records name a member, for /mydata delete)', () => {
  it.each([
    ['shell:alice', '{"actorId":"shell:alice"}', true],
    ['shell:alice', '{"actorId":"shell:alicia"}', false],
    ['shell:alice', '{"actorId":"shell:alice2"}', false],
    ['discord:123', '{"reporterId":"discord:123","at":1}', true],
    ['discord:123', '{"reporterId":"discord:1234"}', false],
    ['slack:T1:U1', '{"by":"slack:T1:U1"}', true],
    ['slack:T1:U1', '{"by":"slack:T1:U12"}', false],
    ['slack:T1:U1', 'modUserIds:["slack:T1:U9","slack:T1:U1"]', true],
  ])('GIVEN %s in %s THEN named is %s', (id, text, expected) => {
    expect(named(id, text)).toBe(expected);
  });

  it('GIVEN a replacement THEN every mention is replaced and nothing else', () => {
    const text = '{"actorId":"slack:T1:U1","after":{"modUserIds":["slack:T1:U1","slack:T1:U12"]}}';
    expect(text.replace(idPattern('slack:T1:U1'), 'deleted-member')).toBe(
      '{"actorId":"deleted-member","after":{"modUserIds":["deleted-member","slack:T1:U12"]}}',
    );
  });
});
