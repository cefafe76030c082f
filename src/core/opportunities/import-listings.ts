import { listingsPublished } from '../alerts/listing-published.ts';
import type { CoreDeps } from '../deps.ts';
import { contentChanges } from '../moderation/listing-audit.ts';
import { checkListing, unapprovedFlags } from '../moderation/listing-flags.ts';
import { EXPIRED_REASON } from './expire-listings.ts';
import { longerId, type RowIdentity, rowIdentity, type SeenIds, settleDerivedIds } from './import-ids.ts';
import type { Listing, ListingStatus } from './listing.ts';
import { editDraft, type FieldError, fieldErrors, newDraft } from './listing-draft.ts';
import { deadlineInfo, draftOf, makeListing, withContent } from './listing-record.ts';
import { EXPORT_COLUMNS, type ParsedRow, parseListingRow } from './listing-row.ts';
import { deadlinePassed } from './listing-time.ts';

/**
 * `imgbot import` as a use case: rows (already read from a file) are
 * validated, upserted by id, published when clean, held for review when a
 * scam/quality rule fires, and rejected with their row number, column and
 * reason when invalid. Each listing is stored whole or not at all.
 */

/** One row of the file: its number as the moderator sees it, and its cells. */
export interface ImportRowInput {
  /** Spreadsheet row (the header is row 1) or JSON item number (from 1). */
  readonly row: number;
  readonly cells: Readonly<Record<string, unknown>>;
  /** A problem found while reading the row (e.g. a wrong number of cells): the row is rejected. */
  readonly error?: FieldError;
}

/** One reason a row was rejected. */
export interface RowProblem {
  readonly row: number;
  /** Column (CSV) or key (JSON). */
  readonly field: string;
  readonly reason: string;
}

/** A row stored as `pending`, with what holds it. */
export interface HeldRow {
  readonly row: number;
  readonly id: string;
  /** The scam/quality rules that fired (with their evidence), or why else it waits. */
  readonly reasons: readonly string[];
}

export interface ImportReport {
  /** New listings stored (published, or as the file's status said), not counting held ones. */
  readonly imported: number;
  /** Stored listings changed by a row, not counting held ones. */
  readonly updated: number;
  /** Rows identical to what is stored. */
  readonly unchanged: number;
  readonly held: readonly HeldRow[];
  /**
   * Rows stored as expired because their deadline had passed (the file did
   * not say so): kept for history, never shown in searches, not rejected.
   */
  readonly expired: readonly HeldRow[];
  /** Every problem of every rejected row (a row may have several). */
  readonly problems: readonly RowProblem[];
  /** Rows rejected (nothing of them was stored). */
  readonly rejected: number;
}

export interface ImportOptions {
  /** Who imports, e.g. `cli:import` (recorded as the poster and in the audit log). */
  readonly actorId: string;
  readonly communityId: string;
  readonly now: number;
  /** What was imported (a file name), for the audit log. */
  readonly label: string;
  /**
   * Announce new clean listings (channel post and members' alerts). Off unless
   * asked for: a spreadsheet of hundreds of rows would flood the channel and
   * members' DMs, and the sample listings are not news.
   */
  readonly announce?: boolean;
}

// why: 500 rows per round trip keeps a pipeline well under a megabyte and Redis responsive to others
const BATCH = 500;
const WITHDRAWN_REASON = 'withdrawn in an imported file';

interface Candidate {
  readonly row: number;
  readonly id: string;
  readonly parsed: ParsedRow;
  /** Set when the row gave no id: the key of what identifies it (stored with a new listing). */
  readonly importKey?: string;
}

interface Plan {
  readonly candidate: Candidate;
  readonly before: Listing | undefined;
  readonly next: Listing;
  readonly held: readonly string[] | undefined;
  /** Set when the row's deadline had passed and the file did not say expired: why it was stored as expired. */
  readonly expired: string | undefined;
}

type Outcome = { readonly kind: 'save'; readonly plan: Plan } | { readonly kind: 'unchanged' } | Rejection;
type Rejection = { readonly kind: 'reject'; readonly errors: readonly FieldError[] };

class Tally {
  imported = 0;
  updated = 0;
  unchanged = 0;
  rejected = 0;
  readonly held: HeldRow[] = [];
  readonly expired: HeldRow[] = [];
  readonly problems: RowProblem[] = [];

  reject(row: number, errors: readonly FieldError[]): void {
    this.rejected++;
    for (const e of errors) this.problems.push({ row, field: e.field, reason: e.reason });
  }

  /** The report, problems and held rows in file order (and columns in header order). */
  report(): ImportReport {
    const { imported, updated, unchanged, rejected } = this;
    const column = (field: string) => {
      const i = (EXPORT_COLUMNS as readonly string[]).indexOf(field);
      return i === -1 ? EXPORT_COLUMNS.length : i;
    };
    const problems = [...this.problems].sort((a, b) => a.row - b.row || column(a.field) - column(b.field));
    const held = [...this.held].sort((a, b) => a.row - b.row);
    const expired = [...this.expired].sort((a, b) => a.row - b.row);
    return { imported, updated, unchanged, held, expired, problems, rejected };
  }
}

function reject(errors: readonly FieldError[]): Rejection {
  return { kind: 'reject', errors };
}

/** The status a row gets, and a warning when a passed deadline stored it as expired unasked. */
interface RowStatus {
  readonly status: ListingStatus;
  readonly expired?: string;
}

/**
 * The status a row gets: the file's status column if any, else the stored
 * one (an expired listing revives with a new deadline), else published. A
 * deadline that has passed stores the listing as expired (kept for history,
 * never shown in searches), with a warning unless the file or the store
 * already said so. Unaccepted scam/quality flags hold it for review.
 */
function importStatus(
  requested: ListingStatus | undefined,
  before: Listing | undefined,
  next: Listing,
  now: number,
): RowStatus {
  const current = before?.status === 'expired' ? 'published' : before?.status;
  const wanted = requested ?? current ?? 'published';
  if (wanted === 'withdrawn' || wanted === 'pending') return { status: wanted };
  if (deadlinePassed(next, now)) {
    if (requested === 'expired' || (before && before.deadlineAt === next.deadlineAt))
      return { status: 'expired' };
    return {
      status: 'expired',
      expired: `the deadline ${next.deadline} has already passed, so it is kept for history but never shown in searches`,
    };
  }
  return {
    status: unapprovedFlags(next.flags, next.approvedFlags).length > 0 ? 'pending' : 'published',
  };
}

function heldReasons(next: Listing, requested: ListingStatus | undefined): string[] {
  const fresh = unapprovedFlags(next.flags, next.approvedFlags);
  const hits = checkListing(draftOf(next)).filter((h) => fresh.includes(h.rule));
  if (hits.length > 0) return hits.map((h) => `${h.rule}: ${h.message}`);
  return [requested === 'pending' ? 'the file gives status pending' : 'it was already waiting for review'];
}

function planRow(c: Candidate, before: Listing | undefined, deps: CoreDeps, opts: ImportOptions): Outcome {
  const zone = deps.settings.listingTimezone;
  const draft = before ? editDraft(draftOf(before), c.parsed.values) : newDraft(c.parsed.values, zone);
  if (!draft.ok) return reject(fieldErrors(draft));
  const made = before
    ? withContent(before, draft.value, opts.now)
    : makeListing(draft.value, {
        id: c.id,
        status: 'published',
        source: 'import',
        postedBy: opts.actorId,
        postedIn: opts.communityId,
        now: opts.now,
      });
  // The approved_flags column (an export's) restores what a moderator accepted; without it, the stored ones stand.
  const content: Listing = {
    ...made,
    approvedFlags: [...(c.parsed.approvedFlags ?? made.approvedFlags)],
    ...(!before && c.importKey !== undefined ? { importKey: c.importKey } : {}),
  };
  const status = importStatus(c.parsed.status, before, content, opts.now);
  const { withdrawn: _old, ...rest } = content;
  const withdrawn =
    status.status === 'withdrawn'
      ? { withdrawn: before?.withdrawn ?? { by: opts.actorId, at: opts.now, reason: WITHDRAWN_REASON } }
      : {};
  const next: Listing = {
    ...rest,
    ...withdrawn,
    status: status.status,
    verifiedAt: c.parsed.verifiedAt ?? content.verifiedAt,
  };
  if (before) {
    const diff = contentChanges(before, next);
    const sameFlags = before.approvedFlags.join(';') === next.approvedFlags.join(';');
    if (Object.keys(diff.after).length === 0 && before.verifiedAt === next.verifiedAt && sameFlags)
      return { kind: 'unchanged' };
  }
  const held = status.status === 'pending' ? heldReasons(next, c.parsed.status) : undefined;
  return { kind: 'save', plan: { candidate: c, before, next, held, expired: status.expired } };
}

/** A derived id not used by another row of the file (a longer one when a shorter one is). */
function freeInFile(identity: RowIdentity, seen: SeenIds): RowIdentity | undefined {
  let current: RowIdentity | undefined = identity;
  while (current && seen.has(current.id) && seen.get(current.id)?.key !== identity.derived?.key) {
    current = longerId(current);
  }
  return current;
}

/** Reads the batch's rows into candidates; rejects invalid ones and ids the file repeats. */
function candidates(
  batch: readonly ImportRowInput[],
  zone: string,
  seen: SeenIds,
  tally: Tally,
): { row: number; identity: RowIdentity; parsed: ParsedRow }[] {
  const out: { row: number; identity: RowIdentity; parsed: ParsedRow }[] = [];
  for (const input of batch) {
    if (input.error) {
      tally.reject(input.row, [input.error]);
      continue;
    }
    const parsed = parseListingRow(input.cells);
    if (!parsed.ok) {
      tally.reject(input.row, parsed.errors);
      continue;
    }
    const first = rowIdentity(parsed.row, zone);
    if (!first.ok) {
      tally.reject(input.row, fieldErrors(first));
      continue;
    }
    const identity = first.value.derived ? freeInFile(first.value, seen) : first.value;
    const earlier = identity ? seen.get(identity.id) : undefined;
    if (!identity || earlier !== undefined) {
      const why = parsed.row.id
        ? `repeats the id of row ${earlier?.row}; give each listing its own id`
        : `is the same listing as row ${earlier?.row} (same type, title, institution, city and state); give them ids`;
      tally.reject(input.row, [{ field: 'id', reason: why }]);
      continue;
    }
    seen.set(identity.id, { row: input.row, key: identity.derived?.key });
    out.push({ row: input.row, identity, parsed: parsed.row });
  }
  return out;
}

/** What members with reminders and the audit log learn about a stored row. */
async function afterSave(plan: Plan, deps: CoreDeps, opts: ImportOptions): Promise<void> {
  const { before, next } = plan;
  if (!before) return;
  try {
    const open = (s: ListingStatus) => s === 'published' || s === 'pending';
    if (open(before.status) && (next.status === 'withdrawn' || next.status === 'expired')) {
      const why = next.status === 'expired' ? EXPIRED_REASON : (next.withdrawn?.reason ?? WITHDRAWN_REASON);
      await deps.listingHooks.listingWithdrawn(deadlineInfo(next), why);
    } else if (next.status === 'published' && before.deadlineAt !== next.deadlineAt) {
      await deps.listingHooks.deadlineChanged(deadlineInfo(next));
    }
    await deps.audit.record({
      at: opts.now,
      communityId: opts.communityId,
      actorId: opts.actorId,
      action: 'listing.import-update',
      target: next.id,
      ...contentChanges(before, next),
      reason: `${opts.label}, row ${plan.candidate.row}`,
    });
  } catch (err) {
    deps.logger.warn({ err, listing: next.id }, 'import follow-up failed (the row was stored)');
  }
}

function count(plan: Plan, tally: Tally): void {
  if (plan.held) tally.held.push({ row: plan.candidate.row, id: plan.next.id, reasons: plan.held });
  else if (plan.expired)
    tally.expired.push({ row: plan.candidate.row, id: plan.next.id, reasons: [plan.expired] });
  else if (plan.before) tally.updated++;
  else tally.imported++;
}

async function importBatch(
  deps: CoreDeps,
  batch: readonly ImportRowInput[],
  opts: ImportOptions,
  seen: SeenIds,
  tally: Tally,
): Promise<void> {
  const read = candidates(batch, deps.settings.listingTimezone, seen, tally);
  const ids = await settleDerivedIds(deps, read, seen);
  const list: Candidate[] = read.map((r, i) => {
    const identity = ids[i] ?? r.identity;
    const key = identity.derived?.key;
    return {
      row: r.row,
      id: identity.id,
      parsed: r.parsed,
      ...(key !== undefined ? { importKey: key } : {}),
    };
  });
  const stored = await deps.listings.getMany(list.map((c) => c.id));
  const plans: Plan[] = [];
  list.forEach((c, i) => {
    const outcome = planRow(c, stored[i], deps, opts);
    if (outcome.kind === 'reject') tally.reject(c.row, outcome.errors);
    else if (outcome.kind === 'unchanged') tally.unchanged++;
    else plans.push(outcome.plan);
  });
  const saved = await deps.listings.saveMany(
    plans.map((p) => ({ listing: p.next, expectedRev: p.before?.rev ?? 0 })),
  );
  const done: Plan[] = [];
  for (const [i, plan] of plans.entries()) {
    if (saved[i]) {
      done.push(plan);
      continue;
    }
    // Someone changed (or created) the listing meanwhile: plan again on what is stored now, once.
    const retry = planRow(plan.candidate, await deps.listings.get(plan.candidate.id), deps, opts);
    if (retry.kind === 'unchanged') tally.unchanged++;
    else if (retry.kind === 'reject') tally.reject(plan.candidate.row, retry.errors);
    else if (await deps.listings.save(retry.plan.next, retry.plan.before?.rev ?? 0)) done.push(retry.plan);
    else
      tally.reject(plan.candidate.row, [
        { field: 'id', reason: 'changed while importing; run the import again' },
      ]);
  }
  for (const plan of done) count(plan, tally);
  // New clean rows are announced when asked; updates of stored listings (like edits) never are.
  const fresh = opts.announce
    ? done.filter((p) => !p.before && p.next.status === 'published').map((p) => p.next.id)
    : [];
  await Promise.all([listingsPublished(deps, fresh), ...done.map((plan) => afterSave(plan, deps, opts))]);
}

/**
 * Imports rows: upsert by id (a row without an id gets a stable one from
 * type, title, institution, city and state, so importing a file twice
 * updates rather than duplicates). Writes one audit entry for the import and
 * one per changed listing (before/after).
 */
export async function importListings(
  deps: CoreDeps,
  rows: readonly ImportRowInput[],
  opts: ImportOptions,
): Promise<ImportReport> {
  const tally = new Tally();
  const seen: SeenIds = new Map();
  // Two batches in flight: one is checked here while Redis stores the other. They never share an
  // id (a repeated id is rejected), so neither can see the other's half-done work.
  let previous: Promise<void> = Promise.resolve();
  for (let i = 0; i < rows.length; i += BATCH) {
    const current = importBatch(deps, rows.slice(i, i + BATCH), opts, seen, tally);
    // Its failure, if any, is raised when it is awaited below; this only keeps it from going unhandled meanwhile.
    current.catch(() => {});
    await previous;
    previous = current;
  }
  await previous;
  const report = tally.report();
  await deps.audit.record({
    at: opts.now,
    communityId: opts.communityId,
    actorId: opts.actorId,
    action: 'listing.import',
    target: opts.label,
    after: {
      imported: report.imported,
      updated: report.updated,
      unchanged: report.unchanged,
      held: report.held.length,
      expired: report.expired.length,
      rejected: report.rejected,
    },
  });
  return report;
}

/**
 * `Imported 40, updated 2, held for review 3, stored as expired 1, rejected 1.`
 * (plus unchanged rows when there are any).
 */
export function importSummary(r: ImportReport): string {
  const unchanged = r.unchanged > 0 ? `, unchanged ${r.unchanged}` : '';
  return `Imported ${r.imported}, updated ${r.updated}, held for review ${r.held.length}, stored as expired ${r.expired.length}, rejected ${r.rejected}${unchanged}.`;
}
