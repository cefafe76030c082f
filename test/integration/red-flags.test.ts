import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, FakeClock, type TestApp } from '../helpers/app.ts';
import { run, T0 } from '../helpers/listing-fixtures.ts';

let app: TestApp;
beforeEach(() => {
  app = createTestApp({ clock: new FakeClock(T0) });
});
afterEach(async () => {
  await app.dispose();
});

const mod = (line: string) => run(app, line, 'mod', true);
const member = (line: string) => run(app, line, 'amina');

function post(type: string, description: string, extra = ''): string {
  return (
    `/post title:"Internal Medicine Rotation" type:${type} hands_on:true specialties:IM ` +
    'institution:"Lakeshore Internal Medicine Associates" city:Rochester state:NY duration_weeks:4 fee_usd:0 ' +
    `deadline:2027-08-31 contact:rotations@lakeshore.example.org description:"${description}" ${extra}`
  );
}

describe('the moderator sees each rule that fired and the words that fired it', () => {
  it('/post: held, with payment pressure and untraceable payment named and quoted', async () => {
    const held = await mod(
      post('externship', 'Supervised ward work. Only 2 seats left, pay the deposit by Western Union.'),
    );
    expect(held.title).toBe('Held for review: Internal Medicine Rotation');
    expect(held.fields).toEqual([
      { name: 'payment-pressure', value: 'Pushes the member to pay or commit at once: "Only 2 seats left"' },
      {
        name: 'untraceable-payment',
        value: 'Asks for a payment that cannot be traced or reversed: "Western Union"',
      },
    ]);
    const queue = await mod('/review');
    expect(queue.records[0]?.fields?.map((f) => `${f.name} = ${f.value}`)).toEqual([
      'flag: payment-pressure = Pushes the member to pay or commit at once: "Only 2 seats left"',
      'flag: untraceable-payment = Asks for a payment that cannot be traced or reversed: "Western Union"',
    ]);
  });

  it('/suggest: the member’s confirmation says what the moderator will check', async () => {
    const s = await member(
      post(
        'externship',
        'Supervised clinic work on a B1/B2 visa, WhatsApp +1 555 010 2030 to apply.',
      ).replace('/post', '/suggest'),
    );
    expect(s.error, s.text).toBe(false);
    expect(s.fields.map((f) => f.name)).toEqual(['visitor-visa-hands-on', 'personal-messaging-contact']);
    expect(s.fields[0]?.value).toContain('"B1/B2"');
    expect(s.fields[1]?.value).toContain('"WhatsApp +1 555 010 2030"');
  });

  it('a contact whose address claims another site is flagged as a disguised link', async () => {
    const held = await mod(
      post('observership', 'Rounds with the team.').replace(
        'contact:rotations@lakeshore.example.org',
        'contact:http://www.mayoclinic.org@mayo-clinic-observe.xyz/apply',
      ),
    );
    expect(held.fields.map((f) => f.name)).toContain('disguised-link');
    expect(held.fields.find((f) => f.name === 'disguised-link')?.value).toBe(
      'A link\'s text names www.mayoclinic.org but it leads to mayo-clinic-observe.xyz: "http://www.mayoclinic.org@mayo-clinic-observe.xyz/apply"',
    );
  });
});

describe('clerkships and sub-internships are supervised rotations by nature', () => {
  const UNSAID = 'Admit patients and present them on rounds.';
  it.each(['clerkship', 'sub-internship'])(
    'a hands-on %s is published without any word on supervision',
    async (type) => {
      const posted = await mod(post(type, UNSAID));
      expect(posted.title, JSON.stringify(posted.fields)).toBe('Published: Internal Medicine Rotation');
    },
  );
  it('the same text as an externship is still held as unsupervised-hands-on', async () => {
    const held = await mod(post('externship', UNSAID));
    expect(held.fields.map((f) => f.name)).toEqual(['unsupervised-hands-on']);
  });
});
