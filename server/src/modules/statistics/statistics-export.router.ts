import type { EntityManager } from '@mikro-orm/postgresql';
import { Router, type Request, type Response } from 'express';
import type { Viewer } from '../../auth/viewer';
import { AppError, badInput, unauthenticated } from '../../errors';
import type { Logger } from '../../logger';
import { PeriodKind } from './periods';
import { statisticsCsv, statisticsWorkbook } from './statistics-export';
import type { ScopeInput, StatisticsService } from './statistics.service';

/** Where the export endpoints live (the client's fallback route must leave it alone). */
export const EXPORT_PATH = '/export';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HTTP_STATUS: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** Reads the period and scope from the query string; BAD_USER_INPUT with a message an official can act on. */
export function exportParams(query: Request['query']): {
  period: { kind: PeriodKind; statisticalYear: number; number: number };
  scope: ScopeInput;
} {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const kind = text('kind') ?? PeriodKind.STATISTICAL_YEAR;
  if (!(Object.values(PeriodKind) as string[]).includes(kind)) {
    throw badInput('Loại kỳ thống kê không hợp lệ (MONTH, QUARTER, HALF_YEAR, STATISTICAL_YEAR, MONTHS_TO_DATE).', { field: 'kind' });
  }
  const year = Number(text('year'));
  if (!Number.isInteger(year)) throw badInput('Hãy chọn năm thống kê (ví dụ year=2026).', { field: 'year' });
  const number = text('number') === undefined ? 1 : Number(text('number'));
  if (!Number.isInteger(number)) throw badInput('Số thứ tự của kỳ phải là số nguyên.', { field: 'number' });
  const scope: ScopeInput = {};
  for (const field of ['areaId', 'agencyId', 'officerId'] as const) {
    const value = text(field);
    if (value === undefined || value === '') continue;
    if (!UUID.test(value)) throw badInput('Mã đơn vị trong phạm vi thống kê không hợp lệ.', { field });
    scope[field] = value;
  }
  return { period: { kind: kind as PeriodKind, statisticalYear: year, number }, scope };
}

/**
 * GET /export/statistics.xlsx and /export/statistics.csv: the report of the `statistics` query as a
 * file. Authenticated like /graphql (`Authorization: Bearer <access token>`; the web app fetches the
 * file with its token and saves the blob), authorised by the same service call (statisticsReach),
 * so a file shows exactly what the screen shows. Errors are JSON `{ errors: [{ message, extensions: { code } }] }`.
 */
export function statisticsExportRouter(deps: {
  statistics: StatisticsService;
  viewerOf: (req: Request) => Promise<Viewer | null>;
  em: () => EntityManager;
  logger: Logger;
}): Router {
  const router = Router();
  const handle = (render: 'xlsx' | 'csv') => async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    try {
      const viewer = await deps.viewerOf(req);
      if (!viewer) throw unauthenticated('Bạn cần đăng nhập để tải số liệu thống kê.');
      const { period, scope } = exportParams(req.query);
      const report = await deps.statistics.report(deps.em(), viewer, scope, period);
      const name = `thong-ke-thads-${period.statisticalYear}-${period.kind.toLowerCase()}-${period.number}`;
      if (render === 'xlsx') {
        const body = await statisticsWorkbook(report);
        res.attachment(`${name}.xlsx`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
      } else {
        res
          .attachment(`${name}.csv`)
          .type('text/csv; charset=utf-8')
          .send(await statisticsCsv(report));
      }
    } catch (err) {
      if (err instanceof AppError && HTTP_STATUS[err.code]) {
        res.status(HTTP_STATUS[err.code]!).json({ errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }] });
        return;
      }
      deps.logger.error({ err }, 'statistics export failed');
      res.status(500).json({
        errors: [{ message: 'Không tạo được tệp thống kê; vui lòng thử lại.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    }
  };
  router.get('/statistics.xlsx', handle('xlsx'));
  router.get('/statistics.csv', handle('csv'));
  return router;
}
