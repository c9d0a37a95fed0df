// GET /api/reports/export.csv and /export.xlsx (docs/api.md): the report's filters, one row per matching
// session; the XLSX adds the summary and, for NAMED_DATA_ROLES, the attendance list. Organisers (their
// subtree) and admins only. Every export is audit-logged with who, the filters and the row counts.
import { Hono, type Context } from 'hono';
import type { User } from '#domain/schemas/auth';
import { exportQuerySchema, type ExportQuery } from '#domain/schemas/report';
import { writeAudit } from '../audit';
import { requireUser } from '../auth/require-user';
import type { DbExecutor } from '../db/database';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readQuery } from '../reports/read-query';
import { computeSummary } from '../reports/summary';
import { resolveReportScope } from '../reports/unit-scope';
import { attendanceCells, loadAttendanceRows, NAMED_DATA_ROLES } from './attendance-rows';
import { attachmentDisposition } from './content-disposition';
import { toCsv } from './csv';
import { exportLabels } from './labels';
import { loadSummaryNames } from './names';
import { loadSessionRows, sessionCells, xlsxSessionCells } from './session-rows';
import { summarySheetRows } from './summary-sheet';
import { buildWorkbook } from './xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createExportRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const readers = requireUser('organiser', 'admin');

  routes.get('/export.csv', readers, async (c) => {
    const { user, query, scope } = await exportRequest(c, db);
    const labels = exportLabels[query.lang];
    const rows = await loadSessionRows(db, scope, query, query.lang);
    const csv = toCsv([labels.sessionColumns, ...rows.map((row) => sessionCells(row, labels, query.lang))]);
    await auditExport(db, clock.now(), user, query, { format: 'csv', sessionRows: rows.length, namedData: false });
    return c.body(csv, 200, attachmentHeaders('text/csv; charset=utf-8', fileName(labels.fileName, query, 'csv')));
  });

  routes.get('/export.xlsx', readers, async (c) => {
    const { user, query, scope } = await exportRequest(c, db);
    const labels = exportLabels[query.lang];
    const summary = await computeSummary(db, scope, query, clock.now());
    const names = await loadSummaryNames(
      db,
      {
        topicIds: summary.byTopic.map((b) => b.topicId),
        unitIds: [...summary.byUnit.map((b) => b.unitId), ...(scope.rootUnitId ? [scope.rootUnitId] : [])],
      },
      query.lang,
    );
    const sessions = await loadSessionRows(db, scope, query, query.lang);
    const named = query.names && NAMED_DATA_ROLES.includes(user.role);
    const attendance = named ? await loadAttendanceRows(db, scope, query) : undefined;
    const unitName = scope.rootUnitId ? (names.units.get(scope.rootUnitId) ?? null) : null;
    const workbook = await buildWorkbook({
      labels,
      summaryRows: summarySheetRows({ summary, names, labels, query, unitName }),
      sessionRows: sessions.map((row) => xlsxSessionCells(row, labels, query.lang)),
      attendanceRows: attendance?.map((row) => attendanceCells(row, labels, query.lang)),
    });
    await auditExport(db, clock.now(), user, query, {
      format: 'xlsx',
      sessionRows: sessions.length,
      namedData: named,
      attendanceRows: attendance?.length ?? 0,
    });
    return c.body(
      new Uint8Array(workbook),
      200,
      attachmentHeaders(XLSX_TYPE, fileName(labels.fileName, query, 'xlsx')),
    );
  });

  return routes;
}

async function exportRequest(c: Context<AppEnv>, db: DbExecutor) {
  const query = readQuery(c, exportQuerySchema);
  const user = c.get('user');
  const scope = await resolveReportScope(db, user, query.unitId);
  return { user, query, scope };
}

function fileName(base: string, query: ExportQuery, extension: string): string {
  const period = [query.from, query.to].filter(Boolean).join('_');
  return `${base}${period ? `_${period}` : ''}.${extension}`;
}

function attachmentHeaders(contentType: string, name: string): Record<string, string> {
  // Exports carry personal data: no shared cache may keep a copy.
  return {
    'Content-Type': contentType,
    'Content-Disposition': attachmentDisposition(name),
    'Cache-Control': 'no-store',
  };
}

async function auditExport(
  db: DbExecutor,
  at: Date,
  user: User,
  query: ExportQuery,
  counts: { format: 'csv' | 'xlsx'; sessionRows: number; namedData: boolean; attendanceRows?: number },
): Promise<void> {
  const { from, to, unitId, topicId, format, status, lang } = query;
  await writeAudit(db, {
    at,
    action: 'report.export',
    userId: user.id,
    spaceId: user.spaceId,
    entity: 'report',
    detail: {
      ...counts,
      filters: {
        from: from ?? null,
        to: to ?? null,
        unitId: unitId ?? null,
        topicId: topicId ?? null,
        format: format ?? null,
        status,
        lang,
      },
    },
  });
}
