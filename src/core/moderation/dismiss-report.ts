import type { Decision } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import type { ListingReport } from '../opportunities/listing.port.ts';
import { fail, ok, type Result } from '../result.ts';
import { auditListing } from './listing-audit.ts';

/**
 * Dismisses a member's report (the listing is fine): the report is closed
 * and the decision audited against its listing. Fails with
 * `REPORT.NOT_OPEN` for an unknown or already closed report.
 */
export async function dismissReport(
  deps: Pick<CoreDeps, 'listings' | 'audit'>,
  req: Decision & { readonly reportId: string },
): Promise<Result<ListingReport>> {
  const report = await deps.listings.getReport(req.reportId);
  if (!report || report.resolved) {
    return fail(
      'REPORT.NOT_OPEN',
      `Report ${req.reportId} is not open any more. /review shows the open ones.`,
    );
  }
  await deps.listings.resolveReports(
    { reportId: req.reportId },
    { by: req.by.userId, at: req.at, how: 'dismissed' },
  );
  await auditListing(deps, req, 'report.dismiss', report.listingId, {
    reason: report.reason,
    after: { report: req.reportId },
  });
  return ok(report);
}
