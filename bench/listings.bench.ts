// Listings at scale: imports 100,000 generated listings into Redis (under a
// unique key prefix, removed afterwards), then times typical member searches
// through the core exactly as a text adapter runs them (runTextCommand:
// context, expiry sweep, search, reply), and paging buttons.
// Target: p99 under 10 ms. Usage: npx tsx bench/listings.bench.ts
// (or npm run bench -- listings). LISTINGS=20000 for a quicker run.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { settingsFileSchema } from '../src/config/settings-file.ts';
import { runAction, runTextCommand } from '../src/core/commands/dispatch.ts';
import type { Actor } from '../src/core/identity.ts';
import { type ImportRowInput, importListings } from '../src/core/opportunities/import-listings.ts';
import { deleteByPattern } from '../src/store/redis-connection.ts';

const TOTAL = Number(process.env.LISTINGS ?? 100_000);
const ROUNDS = 60; // why: 60 rounds x 20 searches = 1,200 timed searches, enough for a stable p99
const TARGET_P99_MS = 10;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = DateTime.fromISO('2027-01-04T12:00', { zone: 'America/New_York' }).toMillis();

/** A small deterministic PRNG (mulberry32), so every run searches the same data. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20270104);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
/** Weighted pick: earlier entries are likelier (roughly how listings cluster). */
const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(rand() ** 2 * xs.length)] as T;

const TYPES = [
  'observership',
  'observership',
  'observership',
  'externship',
  'externship',
  'research',
  'volunteer',
  'clerkship',
  'sub-internship',
  'clinical-assistant',
] as const;
const SPECIALTIES = [
  'internal-medicine',
  'family-medicine',
  'cardiology',
  'pediatrics',
  'psychiatry',
  'neurology',
  'general-surgery',
  'obstetrics-gynecology',
  'emergency-medicine',
  'hematology-oncology',
  'gastroenterology',
  'nephrology',
  'endocrinology',
  'pulmonary-critical-care',
  'infectious-disease',
  'rheumatology',
  'geriatrics',
  'radiology',
  'anesthesiology',
  'pathology',
  'dermatology',
  'ophthalmology',
  'primary-care',
  'preventive-medicine',
  'palliative-care',
  'urology',
  'orthopedics',
];
const PLACES: readonly [string, readonly string[]][] = [
  ['NY', ['New York', 'Brooklyn', 'Queens', 'Albany', 'Buffalo', 'Rochester']],
  ['CA', ['Los Angeles', 'San Diego', 'Sacramento', 'Fresno', 'Oakland']],
  ['TX', ['Houston', 'Dallas', 'San Antonio', 'El Paso', 'Austin']],
  ['FL', ['Miami', 'Tampa', 'Orlando', 'Jacksonville']],
  ['NJ', ['Newark', 'Paterson', 'Camden', 'Trenton']],
  ['IL', ['Chicago', 'Joliet', 'Peoria']],
  ['PA', ['Philadelphia', 'Pittsburgh', 'Harrisburg']],
  ['OH', ['Cleveland', 'Columbus', 'Cincinnati']],
  ['MI', ['Detroit', 'Grand Rapids', 'Alpena']],
  ['GA', ['Atlanta', 'Savannah']],
  ['MA', ['Boston', 'Worcester']],
  ['MD', ['Baltimore', 'Annapolis']],
  ['NC', ['Charlotte', 'Raleigh']],
  ['VA', ['Richmond', 'Norfolk']],
  ['WA', ['Seattle', 'Spokane']],
  ['AZ', ['Phoenix', 'Tucson']],
  ['MN', ['Minneapolis']],
  ['MO', ['St. Louis', 'Kansas City']],
  ['TN', ['Nashville', 'Memphis']],
  ['CT', ['Hartford', 'New Haven']],
  ['KY', ['Louisville']],
  ['LA', ['New Orleans']],
  ['AL', ['Birmingham']],
  ['CO', ['Denver']],
  ['WI', ['Milwaukee']],
  ['AK', ['Anchorage']],
];
const SETTINGS = [
  'academic',
  'community-hospital',
  'private-practice',
  'fqhc',
  'free-clinic',
  'rural-clinic',
];
const INSTITUTION_WORDS = [
  'Riverbend',
  'Lakeshore',
  'Pinecrest',
  'Harbor',
  'Meadow',
  'Granite',
  'Cedar',
  'Summit',
];
const INSTITUTION_KINDS = ['Medical Center', 'Community Hospital', 'Clinic', 'Health Center', 'Associates'];
const ACTIVITIES = [
  'rounds with the inpatient team',
  'outpatient clinic visits',
  'heart failure clinic',
  'noon conference and grand rounds',
  'case presentations to the attending',
  'chart review and data abstraction',
  'health fair screening',
  'discharge planning meetings',
  'tumor board and infusion unit',
  'well-child visits and vaccinations',
  'telehealth follow-up calls',
  'quality improvement project',
];

function row(i: number): ImportRowInput {
  const type = pick(TYPES);
  const handsOn =
    type === 'externship' ||
    type === 'clerkship' ||
    type === 'sub-internship' ||
    (type === 'volunteer' && rand() < 0.3);
  const [state, cities] = skewed(PLACES);
  const specialties = [skewed(SPECIALTIES)];
  if (rand() < 0.3) specialties.push(pick(SPECIALTIES));
  const weeks = pick([4, 4, 4, 8, 12]);
  const fee =
    type === 'research' || type === 'volunteer' || rand() < 0.35 ? 0 : Math.round(rand() * 30) * 100;
  const rolling = rand() < 0.3;
  const deadline = DateTime.fromMillis(NOW, { zone: 'America/New_York' })
    .plus({ days: 1 + Math.floor(rand() * 360) })
    .toISODate();
  const step1 = handsOn ? rand() < 0.8 : rand() < 0.25;
  const activities = `${pick(ACTIVITIES)}, ${pick(ACTIVITIES)} and ${pick(ACTIVITIES)}`;
  return {
    row: i + 2,
    cells: {
      id: `b${i.toString(36)}`,
      title: `${specialties[0]?.replace(/-/g, ' ')} ${type.replace('-', ' ')} ${i}`,
      type,
      hands_on: handsOn ? 'yes' : 'no',
      specialties: [...new Set(specialties)].join(';'),
      institution: `${pick(INSTITUTION_WORDS)} ${pick(INSTITUTION_KINDS)}`,
      city: pick(cities),
      state,
      country: 'US',
      setting: pick(SETTINGS),
      duration_weeks: weeks === 4 ? '4' : `4-${weeks}`,
      fee_usd: String(fee),
      step1_required: step1 ? 'yes' : 'no',
      step2ck_required: handsOn && rand() < 0.4 ? 'yes' : 'no',
      ecfmg_required: handsOn && rand() < 0.3 ? 'yes' : 'no',
      lor_possible: rand() < 0.6 ? 'yes' : 'no',
      deadline: rolling ? '' : (deadline ?? ''),
      start_date: '',
      contact: `programs${i % 500}@example.org`,
      description: `Members join ${activities}${handsOn ? ', supervised by the attending physician' : ''}.`,
    },
  };
}

const SEARCHES = [
  '/observership',
  '/observership cardiology NY',
  '/observership cardiology NY hands-on free',
  '/observership IM NJ lor',
  '/externship IM hands-on',
  '/externship cardiology TX no-usmle',
  '/externship max_fee:1500 no_ecfmg:true',
  '/externship before 2027-03-01',
  '/clerkship pediatrics CA',
  '/research free',
  '/research cardiology q:"data abstraction"',
  '/volunteer FL free',
  '/opportunities type:sub-internship specialty:IM',
  '/opportunities lor no-ecfmg',
  '/opportunities q:"heart failure" state:MA',
  '/opportunities neurology IL observational',
  '/observership city:Brooklyn',
  '/observership dermatology AK hands-on lor',
  '/opportunities clinical-assistant NY',
  '/observership q:telehealth psychiatry',
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

const prefix = `imgbot-bench-${randomBytes(4).toString('hex')}:`;
const app = createApp({
  redisUrl: REDIS_URL,
  prefix,
  settings: settingsFileSchema.parse({}),
  logger: pino({ level: 'silent' }),
  clock: { now: () => NOW },
  faqEntries: [],
});
const actor: Actor = {
  userId: 'shell:bench',
  communityId: 'shell:local',
  displayName: 'bench',
  platformAdmin: false,
  roleIds: [],
};
const env = { actor, deps: app.deps, registry: app.registry };

try {
  console.log(`Listings: ${TOTAL.toLocaleString('en-US')} generated, Redis ${REDIS_URL}, prefix ${prefix}`);
  // The generated rows go out of scope after the import, so they do not slow the searches' GC.
  const { report, seconds } = await (async () => {
    const rows = Array.from({ length: TOTAL }, (_, i) => row(i));
    const t0 = performance.now();
    const r = await importListings(app.deps, rows, {
      actorId: 'cli:bench',
      communityId: 'shell:local',
      now: NOW,
      label: 'bench',
    });
    return {
      report: { imported: r.imported, held: r.held.length, rejected: r.rejected },
      seconds: (performance.now() - t0) / 1000,
    };
  })();
  console.log(
    `import: ${TOTAL.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s = ${Math.round(TOTAL / seconds).toLocaleString('en-US')} rows/s ` +
      `(imported ${report.imported}, held ${report.held}, rejected ${report.rejected})`,
  );

  for (const line of SEARCHES) await runTextCommand(line, env); // warm-up: scripts loaded, JIT
  // The floor under every number below: one Redis round trip on this machine, as it is loaded now.
  const pings: number[] = [];
  for (let i = 0; i < ROUNDS * SEARCHES.length; i++) {
    const t = performance.now();
    await app.redis.ping();
    pings.push(performance.now() - t);
  }
  pings.sort((a, b) => a - b);
  console.log(`redis PING round trip  p50 ${ms(percentile(pings, 50))}  p99 ${ms(percentile(pings, 99))}`);
  const all: number[] = [];
  const per = new Map<string, number[]>();
  const matches = new Map<string, string>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const line of SEARCHES) {
      const t = performance.now();
      const reply = await runTextCommand(line, env);
      const dt = performance.now() - t;
      if (reply.error) throw new Error(`${line}: ${reply.text}`);
      all.push(dt);
      per.set(line, [...(per.get(line) ?? []), dt]);
      matches.set(line, /^(At least )?[\d,]+ listings? match/.exec(reply.text)?.[0] ?? 'no match');
    }
  }
  const paging: number[] = [];
  const first = await runTextCommand('/observership cardiology', env);
  const next = first.actions.find((a) => a.label === 'Next page');
  for (let r = 0; r < ROUNDS * 5 && next; r++) {
    const t = performance.now();
    await runAction(next.action, next.payload, env);
    paging.push(performance.now() - t);
  }

  console.log('\nper search (through runTextCommand):');
  for (const [line, times] of per) {
    times.sort((a, b) => a - b);
    console.log(
      `  ${line.padEnd(48)} p50 ${ms(percentile(times, 50)).padStart(9)}  p99 ${ms(percentile(times, 99)).padStart(9)}  ${matches.get(line)}`,
    );
  }
  all.sort((a, b) => a - b);
  paging.sort((a, b) => a - b);
  const p99 = percentile(all, 99);
  console.log(
    `\nsearches  n=${all.length}  p50 ${ms(percentile(all, 50))}  p99 ${ms(p99)}  max ${ms(all[all.length - 1] ?? 0)}  (target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'})`,
  );
  console.log(
    `next page n=${paging.length}  p50 ${ms(percentile(paging, 50))}  p99 ${ms(percentile(paging, 99))}`,
  );
} finally {
  const removed = await deleteByPattern(app.redis, `${prefix}*`);
  await deleteByPattern(app.redis, `{${prefix.replace(/:$/, '')}}*`);
  await app.close();
  console.log(`cleaned up ${removed.toLocaleString('en-US')} keys`);
}
