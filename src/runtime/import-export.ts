import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { App } from '../app.ts';
import { platformOf } from '../core/identity.ts';
import { exportListingRows } from '../core/opportunities/export-listings.ts';
import { type ImportReport, importListings, importSummary } from '../core/opportunities/import-listings.ts';
import { csvCells, EXPORT_COLUMNS } from '../core/opportunities/listing-row.ts';
import { appFromBoot, type BootConfig, connectRedis, loadBootConfig } from './boot.ts';
import { type ListingFile, readListingFile } from './listing-file.ts';

/** Who an import is recorded as (poster of new listings, actor in the audit log). */
export const IMPORT_ACTOR = 'cli:import';

/**
 * The report lines of an import: every rejected row's problems, every held
 * row, a warning for every row stored as expired, then the summary.
 */
export function importReportLines(report: ImportReport, file: ListingFile): string[] {
  const where = (row: number) => {
    const line = file.lines.get(row);
    return `${file.unit} ${row}${line !== undefined ? ` (line ${line})` : ''}`;
  };
  const column = file.unit === 'row' ? 'column' : 'key';
  const out: string[] = [];
  for (const p of report.problems) out.push(`rejected ${where(p.row)}, ${column} ${p.field}: ${p.reason}`);
  for (const h of report.held)
    out.push(`held for review ${where(h.row)}, id ${h.id}: ${h.reasons.join('; ')}`);
  for (const e of report.expired)
    out.push(`warning: stored as expired ${where(e.row)}, id ${e.id}: ${e.reasons.join('; ')}`);
  out.push(importSummary(report));
  return out;
}

async function withApp<T>(boot: BootConfig, run: (app: App) => Promise<T>): Promise<T> {
  const redis = await connectRedis(boot, 'other');
  const app = appFromBoot(boot);
  try {
    return await run(app);
  } finally {
    await app.close();
    await redis.stop();
  }
}

function communityArg(value: unknown): string {
  const id = typeof value === 'string' ? value : 'shell:local';
  if (!platformOf(id) || !/^[a-z]+:[A-Za-z0-9_.:-]{1,64}$/.test(id)) {
    throw new Error(
      `--community must be a community id such as shell:local, discord:<guild id> or slack:<team id> (got "${id}").`,
    );
  }
  return id;
}

/**
 * `imgbot import FILE`: reads the whole file first (a file that cannot be
 * read as CSV/JSON imports nothing), then imports its rows and prints every
 * rejected and held row and a summary on standard output. Exit status 1 when
 * any row was rejected.
 */
export async function importCommand(
  source: Readonly<Record<string, string | undefined>>,
  file: string,
  opts: Record<string, unknown>,
): Promise<void> {
  const communityId = communityArg(opts.community);
  const boot = await loadBootConfig(source);
  const parsed = await readListingFile(file);
  if (!parsed.ok) throw new Error(`${parsed.message} Nothing was imported.`);
  const report = await withApp(boot, (app) =>
    importListings(app.deps, parsed.value.rows, {
      actorId: IMPORT_ACTOR,
      communityId,
      now: app.deps.clock.now(),
      label: basename(file),
      announce: opts.announce === true,
    }),
  );
  process.stdout.write(`${importReportLines(report, parsed.value).join('\n')}\n`);
  boot.logger.info({ file, ...counts(report) }, 'import finished');
  process.exitCode = report.rejected > 0 ? 1 : 0;
}

function counts(r: ImportReport): Record<string, number> {
  return {
    imported: r.imported,
    updated: r.updated,
    held: r.held.length,
    expired: r.expired.length,
    rejected: r.rejected,
  };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Writes every listing as CSV (header + one row each) or a JSON array; returns how many. */
export async function writeExport(app: App, format: 'csv' | 'json', out: Writable): Promise<number> {
  let n = 0;
  if (format === 'csv') await write(out, stringify([[...EXPORT_COLUMNS]]));
  else await write(out, '[');
  for await (const page of exportListingRows(app.deps)) {
    if (format === 'csv') {
      await write(out, stringify(page.map(csvCells)));
    } else {
      const items = page.map((row, i) => `${n + i === 0 ? '\n' : ',\n'}  ${JSON.stringify(row)}`);
      await write(out, items.join(''));
    }
    n += page.length;
  }
  if (format === 'json') await write(out, n === 0 ? ']\n' : '\n]\n');
  return n;
}

/**
 * `imgbot export [--format csv|json] [--output FILE]`: every listing in any
 * status, with the import columns plus fee_covers, other_requirements,
 * timezone, status and verified_at, so importing the file gives the same
 * listings. Standard output unless --output is given.
 */
export async function exportCommand(
  source: Readonly<Record<string, string | undefined>>,
  opts: { format: string; output?: string },
): Promise<void> {
  const format = opts.format.trim().toLowerCase();
  if (format !== 'csv' && format !== 'json') {
    throw new Error(
      `--format must be csv or json (got "${opts.format}"). Example: imgbot export --format json`,
    );
  }
  const boot = await loadBootConfig(source);
  const n = await withApp(boot, async (app) => {
    if (!opts.output) return writeExport(app, format, process.stdout);
    const out = createWriteStream(opts.output);
    const opened = new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
    await opened.catch((err: NodeJS.ErrnoException) => {
      throw new Error(`Cannot write ${opts.output} (${err.code ?? err.message}). Nothing was exported.`);
    });
    const written = await writeExport(app, format, out);
    out.end();
    await finished(out);
    return written;
  });
  if (opts.output) process.stdout.write(`Exported ${n} listing${n === 1 ? '' : 's'} to ${opts.output}.\n`);
  boot.logger.debug({ listings: n, format }, 'export finished');
}
