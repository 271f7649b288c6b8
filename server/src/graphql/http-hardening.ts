import type { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from '../logger';

/**
 * Security headers for the web app and the API (helmet): a CSP allowing only this origin's scripts,
 * styles, images and sockets (the Vite build has no inline script), no framing by other sites,
 * nosniff, and no referrer to other origins. `upgrade-insecure-requests` is left out because
 * offices reach the server over plain HTTP on the local network.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/** What body-parser and Express put on their errors. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * The last Express middleware: any error reaching it (malformed JSON, a body over the limit, an
 * unsupported charset, invalid UTF-8) is answered as a GraphQL-shaped JSON error with a code, never
 * an HTML page with a stack or file paths. 5xx errors are logged; 4xx are the caller's.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = (err ?? {}) as HttpishError;
    const status = Number(e.status ?? e.statusCode ?? 500);
    const clientError = status >= 400 && status < 500;
    let code = 'INTERNAL_SERVER_ERROR';
    let message = 'Đã xảy ra lỗi hệ thống; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.';
    if (status === 413) {
      code = 'PAYLOAD_TOO_LARGE';
      message = 'Yêu cầu quá lớn; hãy gửi ít dữ liệu hơn trong một lần.';
    } else if (status === 415) {
      code = 'BAD_REQUEST';
      message = 'Yêu cầu phải là JSON mã hóa UTF-8.';
    } else if (clientError) {
      code = 'BAD_REQUEST';
      message = 'Yêu cầu không hợp lệ (JSON sai cú pháp hoặc mã hóa không đúng).';
    } else {
      logger.error({ err, url: req.originalUrl }, 'unexpected error in HTTP request');
    }
    if (res.headersSent) return;
    res.status(clientError ? status : 500).json({ errors: [{ message, extensions: { code } }] });
  };
}
