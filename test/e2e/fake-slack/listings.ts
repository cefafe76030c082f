/**
 * Listings for the Slack end-to-end tests, posted through the core's own
 * `/post` (as a shell moderator), so they are stored and indexed exactly as
 * a moderator's post would be. Listings are global: a Slack member's search
 * finds them.
 */
import { DateTime } from 'luxon';
import { runTextCommand } from '../../../src/core/commands/dispatch.ts';
import type { TestApp } from '../../helpers/app.ts';

/** A deadline three months from now (YYYY-MM-DD), always in the future. */
export const FUTURE_DEADLINE = DateTime.now().plus({ months: 3 }).toISODate() ?? '2099-01-01';

export interface SeedListing {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly specialties: string;
  readonly city: string;
  readonly state: string;
  readonly handsOn?: boolean;
  readonly description?: string;
}

const quote = (v: string) => `"${v.replace(/"/g, "'")}"`;

// Each seed is its own program: one hospital and contact per listing, so the
// duplicate rule (same hospital and type, or near-identical titles from one
// place) holds none of them for review.
const HOSPITALS = [
  'Riverbend Community Hospital',
  'Lakeside Teaching Clinic',
  'Summit Valley Health',
  'Harborview Family Practice',
  'Pinecrest University Hospital',
  'Meadowbrook General',
  'Oakridge Heart Institute',
  'Bayside Medical Center',
  'Granite Falls Regional',
  'Willow Creek Infirmary',
];

/** Posts each listing with `/post`; fails loudly if the core did not publish one. */
export async function postListings(app: TestApp, listings: readonly SeedListing[]): Promise<void> {
  const mod = app.as('seeder', { moderator: true });
  for (const [i, l] of listings.entries()) {
    const hospital = HOSPITALS[i % HOSPITALS.length] ?? 'Riverbend Community Hospital';
    const line = [
      '/post',
      `id:${l.id}`,
      `title:${quote(l.title)}`,
      `type:${l.type}`,
      `specialties:${l.specialties}`,
      `institution:${quote(hospital)}`,
      `city:${quote(l.city)}`,
      `state:${l.state}`,
      `hands_on:${l.handsOn ? 'true' : 'false'}`,
      `deadline:${FUTURE_DEADLINE}`,
      // Stated as free: a fee left out is "not stated", which no `free` search finds.
      'fee_usd:0',
      `contact:observers-${l.id}@hospital.example.org`,
      `description:${quote(l.description ?? 'Rounds with the attending team, supervised by faculty.')}`,
    ].join(' ');
    const reply = await runTextCommand(line, mod);
    if (reply.error || !reply.title?.startsWith('Published')) {
      throw new Error(`seed listing ${l.id} was not published: ${reply.title ?? ''} ${reply.text}`);
    }
  }
}

/** Six cardiology observerships in New York (two pages of five) and near misses around them. */
export const SEARCH_LISTINGS: readonly SeedListing[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    id: `obs-cardio-ny-0${n}`,
    title: `Cardiology Observership ${n}`,
    type: 'observership',
    specialties: 'cardiology',
    city: 'Albany',
    state: 'NY',
  })),
  {
    id: 'obs-cardio-ca-01',
    title: 'Cardiology Observership California',
    type: 'observership',
    specialties: 'cardiology',
    city: 'Fresno',
    state: 'CA',
  },
  {
    id: 'ext-cardio-ny-01',
    title: 'Cardiology Externship New York',
    type: 'externship',
    specialties: 'cardiology',
    city: 'Albany',
    state: 'NY',
    handsOn: true,
  },
  {
    id: 'ext-im-tx-01',
    title: 'Internal Medicine Hands-on Externship',
    type: 'externship',
    specialties: 'IM',
    city: 'Houston',
    state: 'TX',
    handsOn: true,
  },
  {
    id: 'ext-im-fl-01',
    title: 'Internal Medicine Observational Externship',
    type: 'externship',
    specialties: 'IM',
    city: 'Tampa',
    state: 'FL',
    handsOn: false,
  },
  {
    id: 'ext-fm-oh-01',
    title: 'Family Medicine Hands-on Externship',
    type: 'externship',
    specialties: 'FM',
    city: 'Dayton',
    state: 'OH',
    handsOn: true,
  },
];
