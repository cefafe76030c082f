import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { SearchInput } from '../opportunities/search-listings.ts';
import { toFilters } from '../opportunities/search-listings.ts';
import { fail, ok, type Result } from '../result.ts';
import {
  type Alert,
  type AlertFilters,
  describeAlert,
  filterSignature,
  isEmptyFilter,
  MAX_ALERTS_PER_MEMBER,
} from './alert.ts';
import { ALERT_EXAMPLE } from './alert-options.ts';

/** The option values of `/alert add` (the search filters and a type). */
export type AlertInput = Omit<SearchInput, 'q' | 'deadline_before'>;

/** Option values -> normalised alert filters; an unknown specialty or state fails with suggestions. */
export function alertFilters(input: AlertInput): Result<AlertFilters> {
  const parsed = toFilters('alert', input);
  if (!parsed.ok) return parsed;
  const { command: _command, q: _q, deadlineBefore: _before, ...filters } = parsed.value;
  if (isEmptyFilter(filters)) {
    return fail(
      'ALERT.NO_FILTERS',
      `Give at least one filter, or the alert would match every new listing. Example: ${ALERT_EXAMPLE}`,
    );
  }
  return ok(filters);
}

/**
 * Saves a member alert in the community where it was asked: refused when the
 * member already has the same one there, or already has the most a member may
 * keep (the store checks the limit atomically, so two quick adds cannot pass it).
 */
export async function addAlert(
  deps: Pick<CoreDeps, 'alerts'>,
  req: Pick<Caller, 'by' | 'at'> & { readonly filters: AlertInput },
): Promise<Result<Alert>> {
  const filters = alertFilters(req.filters);
  if (!filters.ok) return filters;
  const { store } = deps.alerts;
  const { userId, communityId } = req.by;
  const mine = await store.listForUser(userId);
  const signature = filterSignature(filters.value);
  const same = mine.find((a) => a.communityId === communityId && filterSignature(a.filters) === signature);
  if (same) {
    return fail(
      'ALERT.DUPLICATE',
      `You already have this alert (${same.id}: ${describeAlert(same.filters)}). Nothing was added. /alerts lists yours.`,
    );
  }
  const limit = fail(
    'ALERT.LIMIT',
    `You already have ${MAX_ALERTS_PER_MEMBER} alerts, the most a member can keep. Remove one with /alert remove id:<id> (/alerts lists them), then add this one again.`,
  );
  if (mine.length >= MAX_ALERTS_PER_MEMBER) return limit;
  const alert: Alert = { id: store.newId(), userId, communityId, filters: filters.value, createdAt: req.at };
  return (await store.add(alert, MAX_ALERTS_PER_MEMBER)) === 'added' ? ok(alert) : limit;
}

/** The member's own alert by id; `ALERT.NOT_FOUND` for anyone else's or a removed one. */
export async function removeAlert(
  deps: Pick<CoreDeps, 'alerts'>,
  req: { readonly userId: string; readonly id: string },
): Promise<Result<Alert>> {
  const { id } = req;
  const removed = await deps.alerts.store.remove(req.userId, id);
  if (removed) return ok(removed);
  return fail(
    'ALERT.NOT_FOUND',
    `You have no alert with id ${id} (it may have been removed already). /alerts lists yours, e.g. /alert remove id:a7k2m9qxa1.`,
  );
}
