import type { EntityManager } from '@mikro-orm/postgresql';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Viewer } from '../../auth/viewer';
import { AppError, unauthenticated } from '../../errors';
import type { Logger } from '../../logger';
import { type ImportJobs, tooLarge } from './import-jobs';
import { toImportJobView } from './import.types';

/** Where the upload endpoint lives (the client's fallback route must leave it alone). */
export const IMPORT_PATH = '/import';

const HTTP_STATUS: Partial<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // Another import of the same scope is running (importBusy): retry when it has finished.
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

/**
 * POST /import/<areas|agencies|users|cases>[?dryRun=1][&skipBadRows=1] with the CSV file as the raw
 * body (any content type, UTF-8), authenticated like /graphql (`Authorization: Bearer <access token>`).
 * - dryRun=1 → 200 `{ report }`: counts and every row error; nothing written.
 * - otherwise → 202 `{ job }` (RUNNING; poll the `importJob(id)` query), or 400 BAD_USER_INPUT with
 *   `extensions.rowErrors` when the file has errors and skipBadRows is not set: nothing written.
 * An HTTP endpoint, not a GraphQL mutation, because a caseload file (10,000 cases ≈ 3 MB) is far above
 * the GraphQL body limit that protects every other request, and raw CSV needs no JSON escaping; the
 * limit here is IMPORT_MAX_BYTES (413 PAYLOAD_TOO_LARGE). Errors are JSON `{ errors: [{ message, extensions }] }`.
 */
export function importRouter(deps: {
  jobs: ImportJobs;
  viewerOf: (req: Request) => Promise<Viewer | null>;
  em: () => EntityManager;
  logger: Logger;
}): Router {
  const router = Router();
  const fail = (res: Response, err: unknown) => {
    if (err instanceof AppError && HTTP_STATUS[err.code]) {
      res.status(HTTP_STATUS[err.code]!).json({ errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }] });
      return;
    }
    deps.logger.error({ err }, 'import upload failed');
    res.status(500).json({
      errors: [
        {
          message: 'Không nhận được tệp do lỗi hệ thống; chưa có gì được ghi. Vui lòng thử lại.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  };
  router.post(
    '/:kind',
    // Who is asking before reading a large body: an anonymous upload is refused without buffering it.
    async (req: Request, res: Response, next: NextFunction) => {
      res.set('cache-control', 'no-store');
      try {
        const viewer = await deps.viewerOf(req);
        if (!viewer) throw unauthenticated('Bạn cần đăng nhập để nhập tệp.');
        res.locals.viewer = viewer;
        next();
      } catch (err) {
        fail(res, err);
      }
    },
    express.text({ type: () => true, limit: deps.jobs.maxBytes, defaultCharset: 'utf-8' }),
    async (req: Request, res: Response) => {
      try {
        const viewer = res.locals.viewer as Viewer;
        const kind = String(req.params.kind);
        const csv = typeof req.body === 'string' ? req.body : '';
        const flag = (name: string) => ['1', 'true'].includes(String(req.query[name] ?? ''));
        if (flag('dryRun')) {
          res.json({ report: await deps.jobs.preview(deps.em(), viewer, kind, csv, flag('skipBadRows')) });
          return;
        }
        const job = await deps.jobs.start(deps.em(), viewer, kind, csv, flag('skipBadRows'));
        res.status(202).json({ job: toImportJobView(job) });
      } catch (err) {
        fail(res, err);
      }
    },
    // The body parser's own refusals (too large, bad charset) as coded JSON.
    (err: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
      if (err?.status === 413) fail(res, tooLarge(deps.jobs.maxBytes));
      else if (err?.status && err.status < 500)
        fail(res, new AppError('BAD_USER_INPUT', 'Không đọc được tệp: hãy lưu tệp CSV với mã hóa UTF-8.', { field: 'file' }));
      else fail(res, err);
    },
  );
  return router;
}
