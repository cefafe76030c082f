/**
 * Turns what a member types as their zone ("Lagos", "asia/karachi", "EST",
 * "UTC+5") into a zone luxon understands, preferring real IANA names because
 * only those follow daylight saving. Anything we guessed comes back as a note
 * so the member can see and correct the mapping.
 */
import { distance } from 'fastest-levenshtein';
import { IANAZone } from 'luxon';
import { fail, ok, type Result } from '../result.ts';

/** A resolved zone: an IANA name (or a luxon fixed offset like 'UTC+5'), plus what we assumed. */
export interface ResolvedZone {
  readonly zone: string;
  readonly note?: string;
}

/**
 * Node 20's ICU still reports some pre-2022 names (Asia/Calcutta, Europe/Kiev) as
 * canonical; members and docs use the current ones, so we show those instead.
 */
const MODERN: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Dacca': 'Asia/Dhaka',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  GMT: 'UTC',
};

/**
 * Big cities whose name is not the city part of an IANA zone: where IMGs come
 * from and the U.S./Canadian/UK cities they train in. `zone: city, city, ...`.
 */
const CITY_TABLE = `
Asia/Kolkata: Delhi, New Delhi, Mumbai, Bombay, Bangalore, Bengaluru, Hyderabad, Chennai, Madras, Pune, Ahmedabad, Jaipur, Lucknow, Kochi, Chandigarh, India
Asia/Karachi: Islamabad, Lahore, Rawalpindi, Peshawar, Faisalabad, Multan, Quetta, Pakistan
Africa/Lagos: Abuja, Ibadan, Kano, Port Harcourt, Enugu, Benin City, Nigeria
Africa/Cairo: Alexandria, Giza, Egypt
Africa/Nairobi: Mombasa, Kenya
Africa/Johannesburg: Cape Town, Durban, Pretoria, South Africa
Africa/Casablanca: Rabat, Marrakech, Morocco
Asia/Riyadh: Jeddah, Mecca, Makkah, Medina, Dammam, Saudi Arabia
Asia/Dubai: Abu Dhabi, Sharjah, UAE
Asia/Dhaka: Chittagong, Bangladesh
Asia/Kathmandu: Nepal
Asia/Manila: Cebu, Quezon City, Davao, Philippines
Asia/Jerusalem: Tel Aviv, Haifa
Europe/Istanbul: Ankara, Izmir
Asia/Shanghai: Beijing, Shenzhen, Guangzhou
Asia/Ho_Chi_Minh: Hanoi
Asia/Tokyo: Osaka
America/Sao_Paulo: Rio de Janeiro, Brasilia
America/New_York: Boston, Philadelphia, Pittsburgh, Baltimore, Washington, Washington DC, DC, Miami, Atlanta, Orlando, Tampa, Jacksonville, Charlotte, Raleigh, Richmond, Newark, Brooklyn, Bronx, Queens, Cleveland, Columbus, Cincinnati, Buffalo, Rochester, Hartford, Providence, New Haven
America/Chicago: Houston, Dallas, San Antonio, Austin, Minneapolis, St Louis, Saint Louis, Kansas City, Milwaukee, New Orleans, Nashville, Memphis, Oklahoma City, Omaha
America/Denver: Salt Lake City, Albuquerque
America/Phoenix: Tucson
America/Los_Angeles: San Francisco, Seattle, San Diego, San Jose, Sacramento, Portland, Las Vegas, Oakland
America/Toronto: Ottawa, Montreal
America/Edmonton: Calgary
Europe/London: Manchester, Liverpool, Leeds, Glasgow, Edinburgh, Cardiff, UK
`;

/** Table cities that also name a place in another zone, with the hint shown to the member. */
const CITY_HINTS: Readonly<Record<string, string>> = {
  hyderabad: 'For Hyderabad, Pakistan use Asia/Karachi.',
  portland: 'For Portland, Maine use America/New_York.',
};

/**
 * Abbreviations: `ABBR ABBR|zone|label|dst?|extra`. Each maps to one representative
 * city zone, so reminders follow daylight saving even if the member typed "EST" in July.
 */
const ABBR_TABLE = `
EST EDT ET|America/New_York|U.S. Eastern|dst
CST CDT CT|America/Chicago|U.S. Central|dst|CST is also China Standard Time: use Asia/Shanghai for China.
MST MDT MT|America/Denver|U.S. Mountain|dst|For Arizona (no daylight saving) use America/Phoenix.
PST PDT PT|America/Los_Angeles|U.S. Pacific|dst
AKST AKDT|America/Anchorage|Alaska|dst
HST|Pacific/Honolulu|Hawaii|
AST ADT|America/Halifax|Atlantic|dst|AST is also Arabia Standard Time: use Asia/Riyadh for Saudi Arabia.
GMT|UTC|||For UK time with summer time use Europe/London.
UTC Z|UTC|||
BST|Europe/London|UK|dst|BST is also Bangladesh Standard Time: use Asia/Dhaka for Bangladesh.
CET CEST|Europe/Berlin|Central European|dst
EET EEST|Africa/Cairo|Egypt|dst|For Eastern Europe use a city, e.g. Europe/Athens.
WAT|Africa/Lagos|West Africa|
CAT|Africa/Maputo|Central Africa|
EAT|Africa/Nairobi|East Africa|
SAST|Africa/Johannesburg|South Africa|
MSK|Europe/Moscow|Moscow|
GST|Asia/Dubai|Gulf|
IRST IRDT|Asia/Tehran|Iran|
AFT|Asia/Kabul|Afghanistan|
PKT|Asia/Karachi|Pakistan|
IST|Asia/Kolkata|India, UTC+05:30||IST is ambiguous: for Ireland use Europe/Dublin, for Israel use Asia/Jerusalem.
NPT|Asia/Kathmandu|Nepal|
BDT|Asia/Dhaka|Bangladesh|
SLST|Asia/Colombo|Sri Lanka|
PHT PHST|Asia/Manila|Philippines|
SGT|Asia/Singapore|Singapore|
HKT|Asia/Hong_Kong|Hong Kong|
JST|Asia/Tokyo|Japan|
KST|Asia/Seoul|Korea|
AEST AEDT|Australia/Sydney|Australian Eastern|dst
NZST NZDT|Pacific/Auckland|New Zealand|dst
BRT|America/Sao_Paulo|Brasilia|
`;

/** Lower-cases, strips accents ("São" -> "sao") and treats `_`, `-`, `.` and runs of spaces alike. */
function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The current name if this runtime's ICU accepts it, else the name we were given. */
function modern(name: string): string {
  const m = MODERN[name];
  return m && IANAZone.isValidZone(m) ? m : name;
}

interface Abbr {
  readonly zone: string;
  readonly note: string | undefined;
}

// Built once at import: a few hundred entries, so plain maps beat anything cleverer.
const ianaByLower = new Map<string, string>();
const cityToZone = new Map<string, { zone: string; fromTable: boolean }>();
const abbrs = new Map<string, Abbr>();

for (const raw of Intl.supportedValuesOf('timeZone')) {
  const zone = modern(raw);
  for (const name of [raw, zone]) {
    ianaByLower.set(name.toLowerCase(), zone);
    const city = name.split('/').at(-1);
    if (name.includes('/') && !name.startsWith('Etc/') && city && !cityToZone.has(normalize(city))) {
      cityToZone.set(normalize(city), { zone, fromTable: false });
    }
  }
}
ianaByLower.set('utc', 'UTC');
for (const line of CITY_TABLE.trim().split('\n')) {
  const [zone = '', cities = ''] = line.split(':');
  for (const city of cities.split(',')) {
    cityToZone.set(normalize(city), { zone: modern(zone), fromTable: true });
  }
}
for (const line of ABBR_TABLE.trim().split('\n')) {
  const [keys = '', zone = '', label = '', dst = '', extra = ''] = line.split('|');
  const what = [label, dst ? 'follows daylight saving' : 'no daylight saving'].filter(Boolean).join(', ');
  for (const key of keys.split(' ')) {
    const note = zone === key ? undefined : `${key} is read as ${zone} (${what}).${extra ? ` ${extra}` : ''}`;
    abbrs.set(key, { zone, note });
  }
}

/** "UTC+5", "GMT-03:30", "+05:30", "+0530" -> luxon fixed-offset zone name, or undefined. */
function parseOffset(input: string): ResolvedZone | undefined {
  const m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(input);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  const total = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  if (minutes >= 60 || total < -12 * 60 || total > 14 * 60) return undefined;
  if (total === 0) return { zone: 'UTC' };
  const zone = `UTC${m[1]}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
  const shown = `UTC${m[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return {
    zone,
    note: `${shown} is a fixed offset and does not follow daylight saving. For local time that does, use a city, e.g. zone:Lagos.`,
  };
}

/** Up to three zones whose name or city is within a few typos of the input. */
function suggest(input: string): string[] {
  const key = normalize(input);
  const limit = Math.max(1, Math.floor(key.length / 3));
  const scored: Array<{ zone: string; d: number }> = [];
  for (const [name, zone] of ianaByLower) scored.push({ zone, d: distance(key, normalize(name)) });
  for (const [city, { zone }] of cityToZone) scored.push({ zone, d: distance(key, city) });
  const best = scored.filter((s) => s.d <= limit).sort((a, b) => a.d - b.d || a.zone.localeCompare(b.zone));
  return [...new Set(best.map((s) => s.zone))].slice(0, 3);
}

/** "A, B or C" for suggestion lists. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Resolves a member's time-zone input, in this order: abbreviation (EST, IST, WAT),
 * IANA name in any case ('asia/karachi'), fixed offset ('UTC+5', '+05:30'), city
 * ('Lagos', 'new york', 'São Paulo', 'Boston'). Guesses come with a `note`.
 * Fails with `TIMEZONE.UNKNOWN` and up to three suggestions.
 */
export function resolveTimeZone(input: string): Result<ResolvedZone> {
  const text = input.trim();
  if (!text) {
    return fail(
      'TIMEZONE.UNKNOWN',
      'No time zone given. Use an IANA name or a city, e.g. zone:Asia/Karachi or zone:Lagos',
    );
  }
  const abbr = abbrs.get(text.toUpperCase());
  if (abbr) return ok(abbr.note ? { zone: abbr.zone, note: abbr.note } : { zone: abbr.zone });

  const iana = ianaByLower.get(text.toLowerCase());
  if (iana) return ok({ zone: iana });
  if (text.includes('/') && IANAZone.isValidZone(text)) {
    // Links ICU knows but does not list (US/Eastern): let Intl canonicalise them.
    const canonical = modern(new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone);
    const etc = /^etc\/gmt([+-]\d+)$/i.exec(canonical);
    const note = etc
      ? `${canonical} means UTC${Number(etc[1]) > 0 ? '-' : '+'}${Math.abs(Number(etc[1]))}: POSIX signs are reversed.`
      : undefined;
    return ok(note ? { zone: canonical, note } : { zone: canonical });
  }

  const offset = parseOffset(text);
  if (offset) return ok(offset);

  const key = normalize(text);
  const city = cityToZone.get(key);
  if (city) {
    if (!city.fromTable) return ok({ zone: city.zone });
    const note = `${text} is read as ${city.zone}.${CITY_HINTS[key] ? ` ${CITY_HINTS[key]}` : ''}`;
    return ok({ zone: city.zone, note });
  }

  const suggestions = suggest(text);
  const didYouMean = suggestions.length ? ` Did you mean ${orList(suggestions)}?` : '';
  return fail(
    'TIMEZONE.UNKNOWN',
    `Unknown time zone "${text}".${didYouMean} Use an IANA name or a city, e.g. zone:Asia/Karachi or zone:Lagos`,
    { suggestions },
  );
}
