import { stringify } from 'csv-stringify/sync';
import type { Hono } from 'hono';
import { exportListingRows } from '../../../core/opportunities/export-listings.ts';
import {
  type ImportReport,
  importListings,
  importSummary,
} from '../../../core/opportunities/import-listings.ts';
import { csvCells, EXPORT_COLUMNS } from '../../../core/opportunities/listing-row.ts';
import { previewImport } from '../../../core/opportunities/preview-import.ts';
import { field, respond, type WebContext, type WebEnv } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { inCommunity, moderatorActor } from '../mod-access.ts';
import type { UploadedListingFile } from '../web-deps.ts';

async function uploaded(c: WebContext): Promise<{ text: string; name: string }> {
  const file = c.var.form?.file;
  const one = Array.isArray(file) ? file[0] : file;
  if (one instanceof File && one.size > 0) return { text: await one.text(), name: one.name || 'upload.csv' };
  const name = field(c, 'name').replace(/[^A-Za-z0-9._-]/g, '_') || 'pasted.csv';
  return { text: field(c, 'text'), name };
}

function reportTable(report: ImportReport, file: UploadedListingFile, preview = false): SafeHtml {
  const where = (row: number) => {
    const line = file.lines.get(row);
    return `${file.unit} ${row}${line !== undefined ? ` (line ${line})` : ''}`;
  };
  const problems =
    report.problems.length > 0
      ? html`<h2>Rows with errors (not imported)</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">Where</th><th scope="col">${file.unit === 'row' ? 'Column' : 'Key'}</th><th scope="col">Problem</th></tr></thead>
<tbody>${report.problems.map((p) => html`<tr><td>${where(p.row)}</td><td>${p.field}</td><td>${p.reason}</td></tr>`)}</tbody></table></div>`
      : '';
  const held =
    report.held.length > 0
      ? html`<h2>Rows held for review (flags)</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">Where</th><th scope="col">Id</th><th scope="col">Why</th></tr></thead>
<tbody>${report.held.map((h) => html`<tr><td>${where(h.row)}</td><td>${h.id}</td><td>${h.reasons.join('; ')}</td></tr>`)}</tbody></table></div>`
      : '';
  const summary = preview ? `If you confirm: ${importSummary(report)}` : importSummary(report);
  return html`<p><strong>${summary}</strong></p>${problems}${held}`;
}

/** `/mod/import` (upload, dry-run preview, confirm) and `/mod/export` (CSV or JSON download). */
export function registerImportRoutes(app: Hono<WebEnv>): void {
  app.get('/mod/import', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const body = html`<p>Upload a listings file in the format of <code>imgbot import</code> (CSV with a header row, or JSON). You see a preview first: every row with an error, every row a rule would hold for review. Nothing is stored until you confirm.</p>
<form class="stack" method="post" action="/mod/import/preview" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${c.var.csrf}">
<input type="hidden" name="c" value="${actor.communityId}">
<label>File (.csv or .json)<input type="file" name="file" accept=".csv,.json,text/csv,application/json"></label>
<label>…or paste its text<textarea name="text" rows="8"></textarea></label>
<button type="submit">Preview</button>
</form>`;
    return respond(c, 'Import listings', body, { community: actor.communityId });
  });

  app.post('/mod/import/preview', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const { text, name } = await uploaded(c);
    const parsed = c.var.deps.parseListingFile(text, name);
    const back = inCommunity('/mod/import', actor.communityId);
    if (!parsed.ok) {
      return respond(
        c,
        'Import preview',
        html`<p role="alert" class="reply error">${parsed.message} Nothing was imported.</p><p><a href="${back}">Back</a></p>`,
        {
          community: actor.communityId,
          status: 400,
        },
      );
    }
    const deps = c.var.deps.core.deps;
    const report = await previewImport(deps, parsed.value.rows, {
      actorId: actor.userId,
      communityId: actor.communityId,
      now: deps.clock.now(),
      label: name,
    });
    const body = html`<p>This is a preview: nothing has been stored yet.</p>
${reportTable(report, parsed.value, true)}
<form class="stack" method="post" action="/mod/import/confirm">
<input type="hidden" name="_csrf" value="${c.var.csrf}">
<input type="hidden" name="c" value="${actor.communityId}">
<input type="hidden" name="name" value="${name}">
<textarea name="text" hidden aria-hidden="true">${text}</textarea>
<button type="submit">Confirm import</button>
</form>
<p><a href="${back}">Cancel</a></p>`;
    return respond(c, 'Import preview', body, { community: actor.communityId });
  });

  app.post('/mod/import/confirm', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const { text, name } = await uploaded(c);
    const parsed = c.var.deps.parseListingFile(text, name);
    if (!parsed.ok) {
      return respond(c, 'Import', html`<p role="alert">${parsed.message} Nothing was imported.</p>`, {
        status: 400,
      });
    }
    const deps = c.var.deps.core.deps;
    const report = await importListings(deps, parsed.value.rows, {
      actorId: actor.userId,
      communityId: actor.communityId,
      now: deps.clock.now(),
      label: `${name} (web)`,
    });
    const body = html`${reportTable(report, parsed.value)}<p><a href="${inCommunity('/mod/listings', actor.communityId)}">See the listings</a></p>`;
    return respond(c, 'Import done', body, { community: actor.communityId });
  });

  app.get('/mod/export', async (c) => {
    const actor = await moderatorActor(c);
    if (actor instanceof Response) return actor;
    const json = c.req.query('format') === 'json';
    const parts: string[] = [];
    const items: unknown[] = [];
    if (!json) parts.push(stringify([[...EXPORT_COLUMNS]]));
    for await (const page of exportListingRows(c.var.deps.core.deps)) {
      if (json) items.push(...page);
      else parts.push(stringify(page.map(csvCells)));
    }
    return c.body(json ? `${JSON.stringify(items, null, 2)}\n` : parts.join(''), 200, {
      'Content-Type': json ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="listings.${json ? 'json' : 'csv'}"`,
    });
  });
}
