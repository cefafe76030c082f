import { distance } from 'fastest-levenshtein';
import { cityKey } from './listing-text.ts';

/**
 * Cities members name in searches, with the nicknames they use (NYC, LA,
 * Philly, DC) and two sizes of "there":
 *
 * - **the city**: its own name plus the names postal addresses use inside it
 *   (New York City's five boroughs and the Queens neighbourhoods that are
 *   postal cities, Hollywood in Los Angeles). `/observership NYC` finds a
 *   listing in Brooklyn.
 * - **the area** (`NYC area`, `greater Boston`, `Chicago metro`, `near DC`):
 *   the city plus the larger cities and hospital towns of the same U.S.
 *   Census Bureau metropolitan statistical area (MSA, the OMB delineation),
 *   the region people commute across, even over a state line (Newark and
 *   Jersey City are in the New York MSA; Camden NJ in Philadelphia's).
 *
 * Why not the area by default: a member who types a city usually means it,
 * and an area search crosses state lines; the reply says what was searched
 * and how to widen it. Every member is a city and its state, so a Pasadena in
 * Texas never answers for Los Angeles. The lists are data: add a city or a
 * town to a line when a community needs it.
 */
export interface UsPlace {
  /** Stable id, e.g. `nyc` (the area is `nyc-area`). */
  readonly id: string;
  /** Shown in titles: `New York City`. */
  readonly name: string;
  readonly state: string;
  /** Other ways to write the city (any case; punctuation ignored). */
  readonly aliases: readonly string[];
  /** Postal city names inside the city (boroughs, neighbourhoods), same state. */
  readonly parts?: readonly string[];
  /** Cities of the metropolitan area beyond the city, `Name, ST`. */
  readonly area: readonly string[];
}

export const US_PLACES: readonly UsPlace[] = [
  {
    id: 'nyc',
    name: 'New York City',
    state: 'NY',
    aliases: ['NYC', 'New York City', 'NY City', 'N.Y.C.'],
    parts: [
      'New York',
      'Manhattan',
      'Brooklyn',
      'Bronx',
      'The Bronx',
      'Queens',
      'Staten Island',
      'Flushing',
      'Jamaica',
      'Astoria',
      'Long Island City',
      'Elmhurst',
      'Forest Hills',
      'Jackson Heights',
      'Far Rockaway',
    ],
    area: [
      'Newark, NJ',
      'Jersey City, NJ',
      'Hoboken, NJ',
      'Paterson, NJ',
      'Elizabeth, NJ',
      'Hackensack, NJ',
      'Englewood, NJ',
      'Livingston, NJ',
      'Morristown, NJ',
      'New Brunswick, NJ',
      'Yonkers, NY',
      'New Rochelle, NY',
      'Mount Vernon, NY',
      'White Plains, NY',
      'Valhalla, NY',
      'Mineola, NY',
      'Manhasset, NY',
      'New Hyde Park, NY',
      'Hempstead, NY',
      'Stony Brook, NY',
    ],
  },
  {
    id: 'la',
    name: 'Los Angeles',
    state: 'CA',
    aliases: ['LA', 'L.A.', 'Los Angeles', 'Los Angeles City'],
    parts: ['Hollywood', 'Van Nuys', 'Sylmar', 'Encino', 'North Hollywood', 'San Pedro'],
    area: [
      'Long Beach, CA',
      'Pasadena, CA',
      'Glendale, CA',
      'Burbank, CA',
      'Santa Monica, CA',
      'Torrance, CA',
      'Inglewood, CA',
      'Downey, CA',
      'West Covina, CA',
      'Anaheim, CA',
      'Santa Ana, CA',
      'Irvine, CA',
      'Orange, CA',
    ],
  },
  {
    id: 'chicago',
    name: 'Chicago',
    state: 'IL',
    aliases: ['Chicago', 'Chi-town', 'Chitown'],
    area: [
      'Evanston, IL',
      'Oak Park, IL',
      'Oak Lawn, IL',
      'Park Ridge, IL',
      'Maywood, IL',
      'Skokie, IL',
      'Naperville, IL',
      'Elgin, IL',
      'Joliet, IL',
      'Gary, IN',
      'Hammond, IN',
    ],
  },
  {
    id: 'houston',
    name: 'Houston',
    state: 'TX',
    aliases: ['Houston', 'H-Town', 'Htown'],
    area: [
      'Pasadena, TX',
      'Sugar Land, TX',
      'The Woodlands, TX',
      'Pearland, TX',
      'Baytown, TX',
      'Katy, TX',
      'Humble, TX',
      'Webster, TX',
      'Galveston, TX',
    ],
  },
  {
    id: 'philadelphia',
    name: 'Philadelphia',
    state: 'PA',
    aliases: ['Philadelphia', 'Philly'],
    area: [
      'Camden, NJ',
      'Cherry Hill, NJ',
      'Stratford, NJ',
      'Voorhees, NJ',
      'Chester, PA',
      'Darby, PA',
      'Bryn Mawr, PA',
      'Abington, PA',
      'Norristown, PA',
      'Wilmington, DE',
    ],
  },
  {
    id: 'dc',
    name: 'Washington, DC',
    state: 'DC',
    aliases: ['DC', 'D.C.', 'Washington DC', 'Washington D.C.', 'Washington, DC'],
    parts: ['Washington'],
    area: [
      'Arlington, VA',
      'Alexandria, VA',
      'Falls Church, VA',
      'Fairfax, VA',
      'Bethesda, MD',
      'Silver Spring, MD',
      'Rockville, MD',
      'Takoma Park, MD',
      'Cheverly, MD',
      'Largo, MD',
    ],
  },
  {
    id: 'dallas',
    name: 'Dallas',
    state: 'TX',
    aliases: ['Dallas'],
    area: [
      'Fort Worth, TX',
      'Arlington, TX',
      'Irving, TX',
      'Plano, TX',
      'Garland, TX',
      'Frisco, TX',
      'McKinney, TX',
      'Denton, TX',
    ],
  },
  {
    id: 'boston',
    name: 'Boston',
    state: 'MA',
    aliases: ['Boston', 'Beantown'],
    parts: ['Dorchester', 'Roxbury', 'Jamaica Plain', 'Brighton', 'Charlestown'],
    area: [
      'Cambridge, MA',
      'Somerville, MA',
      'Brookline, MA',
      'Newton, MA',
      'Quincy, MA',
      'Burlington, MA',
      'Framingham, MA',
      'Lowell, MA',
    ],
  },
  {
    id: 'atlanta',
    name: 'Atlanta',
    state: 'GA',
    aliases: ['Atlanta', 'ATL'],
    area: [
      'Decatur, GA',
      'Marietta, GA',
      'Sandy Springs, GA',
      'Austell, GA',
      'Lawrenceville, GA',
      'Riverdale, GA',
    ],
  },
  {
    id: 'miami',
    name: 'Miami',
    state: 'FL',
    aliases: ['Miami'],
    area: [
      'Miami Beach, FL',
      'Hialeah, FL',
      'Coral Gables, FL',
      'Aventura, FL',
      'Miramar, FL',
      'Hollywood, FL',
      'Pembroke Pines, FL',
      'Fort Lauderdale, FL',
      'Boca Raton, FL',
      'West Palm Beach, FL',
    ],
  },
  {
    id: 'sf',
    name: 'San Francisco',
    state: 'CA',
    aliases: ['San Francisco', 'SF', 'S.F.', 'San Fran'],
    area: [
      'Oakland, CA',
      'Berkeley, CA',
      'Daly City, CA',
      'San Mateo, CA',
      'Redwood City, CA',
      'Hayward, CA',
      'Fremont, CA',
      'Walnut Creek, CA',
      'Richmond, CA',
    ],
  },
  {
    id: 'detroit',
    name: 'Detroit',
    state: 'MI',
    aliases: ['Detroit'],
    area: [
      'Dearborn, MI',
      'Royal Oak, MI',
      'Southfield, MI',
      'Troy, MI',
      'Warren, MI',
      'Livonia, MI',
      'Pontiac, MI',
    ],
  },
  {
    id: 'baltimore',
    name: 'Baltimore',
    state: 'MD',
    aliases: ['Baltimore'],
    area: ['Towson, MD', 'Columbia, MD', 'Glen Burnie, MD', 'Ellicott City, MD'],
  },
  {
    id: 'new-orleans',
    name: 'New Orleans',
    state: 'LA',
    aliases: ['New Orleans', 'NOLA'],
    area: ['Metairie, LA', 'Kenner, LA', 'Marrero, LA', 'Slidell, LA'],
  },
  {
    id: 'las-vegas',
    name: 'Las Vegas',
    state: 'NV',
    aliases: ['Las Vegas', 'Vegas'],
    area: ['Henderson, NV', 'North Las Vegas, NV', 'Paradise, NV'],
  },
];

/** Words after a city that ask for its area: `NYC area`, `Chicago metro`. */
const AREA_AFTER = [
  'area',
  'metro',
  'metro area',
  'region',
  'and around',
  'and nearby',
  'tri state',
  'tristate',
];
/** Words before a city that ask for its area: `greater Boston`, `near DC`, `around Houston`. */
const AREA_BEFORE = ['greater', 'near', 'around', 'nearby'];

/** A city or an area, resolved. */
export interface PlaceHit {
  /** `nyc` or `nyc-area`. */
  readonly id: string;
  /** `New York City` or `New York City area`. */
  readonly name: string;
  readonly place: UsPlace;
  readonly area: boolean;
}

function key(text: string): string {
  return cityKey(text.replace(/\./g, ''));
}

const BY_ALIAS = new Map<string, UsPlace>();
for (const p of US_PLACES) for (const a of [p.name, ...p.aliases]) BY_ALIAS.set(key(a), p);
const BY_ID = new Map(US_PLACES.map((p) => [p.id, p]));
/** Longest alias in words, plus an area word on each side. */
const MAX_WORDS = Math.max(...[...BY_ALIAS.keys()].map((k) => k.split(' ').length)) + 2;

/** Aliases that are ordinary words or state codes in lower case ("la", "chi", "phl") count only in capitals. */
const CAPS_ONLY = new Set(['la', 'sf', 'dc', 'atl', 'nola']);

function hitFor(place: UsPlace, area: boolean): PlaceHit {
  return {
    id: area ? `${place.id}-area` : place.id,
    name: area ? `${place.name} area` : place.name,
    place,
    area,
  };
}

/**
 * Resolves what was typed as a city or area (`NYC`, `new york city`,
 * `Philly`, `NYC area`, `greater Boston`, or a place name as shown,
 * `New York City area`); undefined for any other city.
 */
export function resolvePlace(text: string): PlaceHit | undefined {
  const k = key(text);
  const direct = BY_ALIAS.get(k);
  if (direct) return hitFor(direct, false);
  for (const after of AREA_AFTER) {
    if (k.endsWith(` ${after}`)) {
      const p = BY_ALIAS.get(k.slice(0, -after.length - 1));
      if (p) return hitFor(p, true);
    }
  }
  for (const before of AREA_BEFORE) {
    if (k.startsWith(`${before} `)) {
      const p = BY_ALIAS.get(k.slice(before.length + 1));
      if (p) return hitFor(p, true);
    }
  }
  const id = BY_ID.get(k.replace(/ /g, '-').replace(/-area$/, ''));
  return id ? hitFor(id, k.endsWith(' area')) : undefined;
}

/**
 * Bare-word parsing: the longest city or area phrase at `words[start]`
 * (`['NYC', 'area', 'cardiology']` -> NYC area, 2 words). Short aliases that
 * are also words or state codes (`LA`, `DC`, `SF`) count only in capitals.
 */
export function matchPlacePhrase(
  words: readonly string[],
  start: number,
): { hit: PlaceHit; length: number } | undefined {
  for (let n = Math.min(MAX_WORDS, words.length - start); n >= 1; n--) {
    const slice = words.slice(start, start + n);
    const text = slice.join(' ');
    const hit = resolvePlace(text);
    if (!hit) continue;
    if (n === 1 && CAPS_ONLY.has(key(text)) && !/^[A-Z.]+$/.test(slice[0] ?? '')) continue;
    return { hit, length: n };
  }
  return undefined;
}

/** Every (folded city, state) the place covers: the city and its parts, plus the area when asked. */
export function placeCities(hit: PlaceHit): { city: string; state: string }[] {
  const p = hit.place;
  const own = [p.name, ...p.aliases, ...(p.parts ?? [])].map((c) => ({ city: key(c), state: p.state }));
  const area = hit.area
    ? p.area.map((entry) => {
        const [city = '', state = ''] = entry.split(',').map((s) => s.trim());
        return { city: key(city), state };
      })
    : [];
  const seen = new Set<string>();
  return [...own, ...area].filter((c) => {
    const id = `${c.city}|${c.state}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** What a place search covers, in words, for the reply. */
export function describePlace(hit: PlaceHit): string {
  const p = hit.place;
  if (hit.area) {
    const shown = p.area.slice(0, 6).map((a) => a.split(',')[0]);
    return `${p.name} and its metro area (${shown.join(', ')}${p.area.length > 6 ? ', ...' : ''})`;
  }
  const parts = (p.parts ?? []).filter((x) => key(x) !== key(p.name)).slice(0, 5);
  const inside = parts.length > 0 ? ` (${parts.join(', ')}${(p.parts ?? []).length > 6 ? ', ...' : ''})` : '';
  const alias = p.aliases.find((a) => /^[A-Z]{2,4}$/.test(a.replace(/\./g, ''))) ?? p.name;
  return `${p.name}${inside}; "${alias} area" adds nearby cities`;
}

/**
 * Bare-word typo repair for city names (`Chicgo` -> Chicago, `Philadelpia`
 * -> Philadelphia): one slip per word (two from nine letters), against the
 * names and aliases of six letters or more, and only when one place is that
 * close. Undefined otherwise.
 */
export function correctPlaceWord(word: string): PlaceHit | undefined {
  const k = key(word);
  if (k.length < 6 || k.length > 40 || !/^[a-z]+$/.test(k) || BY_ALIAS.has(k)) return undefined; // why 6: as for specialties
  const budget = k.length >= 9 ? 2 : 1;
  let best: { place: UsPlace; d: number } | undefined;
  let tie = false;
  for (const [alias, place] of BY_ALIAS) {
    if (alias.length < 6 || alias.includes(' ')) continue;
    const d = distance(k, alias);
    if (d > budget) continue;
    if (!best || d < best.d) {
      best = { place, d };
      tie = false;
    } else if (d === best.d && place.id !== best.place.id) {
      tie = true;
    }
  }
  return best && !tie ? hitFor(best.place, false) : undefined;
}
