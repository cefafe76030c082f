import type { AlertsPort } from '../alerts/alert.port.ts';
import type { CoreDeps } from '../deps.ts';
import type { AuditLog } from '../ports/audit.port.ts';
import type { ListingChangeHooks } from '../ports/listing-events.port.ts';
import {
  type ImportOptions,
  type ImportReport,
  type ImportRowInput,
  importListings,
} from './import-listings.ts';
import type { ListingsPort } from './listing.port.ts';
import type { Listing } from './listing.ts';

/**
 * A listings port that reads the real store and keeps writes to itself, so a
 * dry run sees exactly what an import would see and stores nothing.
 */
function readOnlyListings(real: ListingsPort): ListingsPort {
  const staged = new Map<string, Listing>();
  const saveOne = async (listing: Listing, expectedRev?: number): Promise<boolean> => {
    const current = staged.get(listing.id) ?? (await real.get(listing.id));
    if (expectedRev === 0 && current) return false;
    if (expectedRev !== undefined && expectedRev !== 0 && current?.rev !== expectedRev) return false;
    staged.set(listing.id, listing);
    return true;
  };
  return {
    ...bindAll(real),
    get: async (id) => staged.get(id) ?? real.get(id),
    getMany: async (ids) => Promise.all(ids.map((id) => staged.get(id) ?? real.get(id))),
    save: saveOne,
    saveMany: async (items) => {
      const out: boolean[] = [];
      for (const item of items) out.push(await saveOne(item.listing, item.expectedRev));
      return out;
    },
    remove: async () => {},
  };
}

function bindAll(real: ListingsPort): ListingsPort {
  const proto = Object.getPrototypeOf(real) as object;
  const bound: Record<string, unknown> = {};
  for (const key of [...Object.getOwnPropertyNames(proto), ...Object.keys(real)]) {
    const value = (real as unknown as Record<string, unknown>)[key];
    if (key !== 'constructor' && typeof value === 'function') bound[key] = value.bind(real);
  }
  return bound as unknown as ListingsPort;
}

const silentAudit: AuditLog = { record: async () => {}, list: async () => [] };
const silentHooks: ListingChangeHooks = {
  async deadlineChanged() {},
  async listingWithdrawn() {},
};

/**
 * The dry run of an import (the web dashboard's preview): the same checks,
 * flags and report as {@link importListings}, against the stored listings,
 * with every write (listings, audit, reminders, announcements) discarded.
 * Nothing is stored and nobody is notified.
 */
export async function previewImport(
  deps: CoreDeps,
  rows: readonly ImportRowInput[],
  opts: ImportOptions,
): Promise<ImportReport> {
  const alerts: AlertsPort = {
    ...deps.alerts,
    queue: { enqueue: async () => {} },
  };
  const dry: CoreDeps = {
    ...deps,
    listings: readOnlyListings(deps.listings),
    audit: silentAudit,
    listingHooks: silentHooks,
    alerts,
  };
  return importListings(dry, rows, { ...opts, announce: false });
}
