import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/bots/shell/render-text.ts';
import { reply } from '../../src/core/reply.ts';

describe('the shell writes masked links out with their real address', () => {
  it('GIVEN a listing whose text and contact hold masked links THEN each shows as text (url)', () => {
    const out = renderText(
      reply({
        title: 'Cardiology Observership',
        text: 'Apply at [mayo.edu](http://mayo-clinic-observe.xyz/apply).',
        fields: [{ name: 'Contact', value: '<http://mayo-clinic-observe.xyz|www.mayoclinic.org>' }],
      }),
    );
    expect(out).toContain('Apply at mayo.edu (http://mayo-clinic-observe.xyz/apply).');
    expect(out).toContain('www.mayoclinic.org (http://mayo-clinic-observe.xyz)');
    expect(out).not.toContain('](');
  });
});
