/**
 * The CSV import page (#/admin/import): choose the kind and a file, check it (the server's dry run:
 * counts and every row error), confirm, then watch the background job's progress until it is done.
 * The upload goes to POST /import/<kind> with the session's token; progress is the `importJob` query,
 * polled. Which kinds are offered is the server's answer (`viewerCan.importKinds`), and the server
 * checks every row again (policy), so nothing here decides who may import what.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { session } from '../../auth/session';
import { useQuery, queries, tags } from '../../data';
import { errorText } from '../../errors';
import { graphql } from '../../gql';
import type { ImportJobQuery } from '../../gql/graphql';
import { type MessageKey, useT } from '../../i18n';
import { homeQuery } from '../../operations';
import { adminHrefs, homeHref } from '../../router';
import { SelectField } from '../../components/FormFields';
import { type ImportKindName, templateHref, templateName } from './import-templates';

export const importJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      kind
      state
      processed
      total
      rows
      created
      unchanged
      skipped
      failure
      errors {
        row
        column
        code
        message
      }
    }
  }
`);

type Job = ImportJobQuery['importJob'];
interface RowError {
  row: number;
  column: string;
  code: string;
  message: string;
}
interface Report {
  rows: number;
  created: number;
  unchanged: number;
  skipped: number;
  errors: RowError[];
}
type Phase =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'checked'; report: Report }
  | { step: 'starting'; report: Report }
  | { step: 'running'; job: Job }
  | { step: 'finished'; job: Job };

/** Errors listed on the page (the rest are counted). */
const SHOWN_ERRORS = 200;
const POLL_MS = 600;
const KIND_ORDER: ImportKindName[] = ['cases', 'users', 'agencies', 'areas'];
const LIST_HREF: Record<ImportKindName, string> = {
  cases: homeHref,
  users: adminHrefs.users,
  agencies: adminHrefs.agencies,
  areas: adminHrefs.areas,
};

/** The JSON answer of the upload endpoint, or its first error as a message and row errors. */
async function postImport(
  kind: string,
  file: File,
  query: string,
): Promise<{ ok: true; body: any } | { ok: false; message: string; rowErrors: RowError[] }> {
  let res: Response;
  try {
    res = await session.postFile(`/import/${encodeURIComponent(kind)}${query}`, file);
  } catch {
    return { ok: false, message: '', rowErrors: [] };
  }
  const body = await res.json().catch(() => null);
  if (res.ok && body) return { ok: true, body };
  const error = body?.errors?.[0];
  return {
    ok: false,
    message: typeof error?.message === 'string' ? error.message : '',
    rowErrors: Array.isArray(error?.extensions?.rowErrors) ? error.extensions.rowErrors : [],
  };
}

export function ImportPage() {
  const t = useT();
  const kinds = (useQuery(homeQuery, {}, [tags.me]).data?.viewerCan.importKinds ?? []).filter((k): k is ImportKindName =>
    (KIND_ORDER as string[]).includes(k),
  );
  const [kind, setKind] = useState<ImportKindName | ''>('');
  const chosenKind: ImportKindName | undefined = kind || KIND_ORDER.find((k) => kinds.includes(k));
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [problem, setProblem] = useState<{ message: string; rowErrors: RowError[] } | null>(null);
  const fileId = useId();
  const skipId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new choice makes an earlier check stale.
  const changed = () => {
    setPhase({ step: 'choose' });
    setProblem(null);
  };

  const check = async () => {
    if (!file || !chosenKind) {
      setProblem({ message: t('import.chooseFile'), rowErrors: [] });
      return;
    }
    setProblem(null);
    setPhase({ step: 'checking' });
    const answer = await postImport(chosenKind, file, `?dryRun=1${skipBadRows ? '&skipBadRows=1' : ''}`);
    if (answer.ok) setPhase({ step: 'checked', report: answer.body.report as Report });
    else {
      setPhase({ step: 'choose' });
      setProblem({ message: answer.message || t('error.network'), rowErrors: answer.rowErrors });
    }
  };

  const start = async (report: Report) => {
    if (!file || !chosenKind) return;
    setPhase({ step: 'starting', report });
    const answer = await postImport(chosenKind, file, skipBadRows ? '?skipBadRows=1' : '');
    if (answer.ok) setPhase({ step: 'running', job: answer.body.job as Job });
    else {
      setPhase({ step: 'checked', report: answer.rowErrors.length ? { ...report, errors: answer.rowErrors } : report });
      setProblem({ message: answer.message || t('error.network'), rowErrors: [] });
    }
  };

  // Poll the running job until it is DONE or FAILED.
  const runningId = phase.step === 'running' ? phase.job.id : null;
  useEffect(() => {
    if (!runningId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const data = await session.request(importJobQuery, { id: runningId });
        if (stopped) return;
        const job = data.importJob;
        if (job.state === 'RUNNING') setPhase({ step: 'running', job });
        else {
          setPhase({ step: 'finished', job });
          // New rows: the lists (cases, users …) must show them.
          queries.invalidate([tags.cases, 'admin']);
          return;
        }
      } catch (err) {
        if (stopped) return;
        setProblem({ message: errorText(err, t), rowErrors: [] });
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runningId, t]);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (kinds.length === 0 && phase.step === 'choose' && !file) {
    return (
      <div className="admin">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('import.heading')}
        </h1>
        <p className="muted">{t('import.notAllowed')}</p>
      </div>
    );
  }

  const busy = phase.step === 'checking' || phase.step === 'starting' || phase.step === 'running';
  const report = phase.step === 'checked' || phase.step === 'starting' ? phase.report : null;
  const blocked = report ? (report.errors.length > 0 && !skipBadRows) || report.errors.some((e) => e.code === 'MISSING_COLUMN') : true;
  const job = phase.step === 'running' || phase.step === 'finished' ? phase.job : null;

  return (
    <div className="admin import-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('import.heading')}
      </h1>
      <p className="muted">{t('import.intro')}</p>
      <section className="card">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <SelectField
            label={t('import.kind')}
            value={chosenKind ?? ''}
            onChange={(v) => {
              setKind(v as ImportKindName);
              changed();
            }}
            options={kinds.map((k) => ({ value: k, label: t(`import.kind.${k}` as MessageKey) }))}
          />
          {chosenKind && (
            <p>
              <a href={templateHref(chosenKind)} download={templateName(chosenKind)}>
                {t('import.template', { name: templateName(chosenKind) })}
              </a>
            </p>
          )}
          <div className="field">
            <label htmlFor={fileId}>{t('import.file')}</label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`${fileId}-hint`}
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                changed();
              }}
            />
            <p id={`${fileId}-hint`} className="field__hint">
              {t('import.fileHint')}
            </p>
          </div>
          <label className="checkbox" htmlFor={skipId}>
            <input
              id={skipId}
              type="checkbox"
              checked={skipBadRows}
              disabled={busy}
              onChange={(e) => {
                setSkipBadRows(e.target.checked);
                changed();
              }}
            />
            {t('import.skipBadRows')}
          </label>
          <p>
            <button type="submit" className="button" disabled={busy}>
              {phase.step === 'checking' ? t('import.checking') : t('import.check')}
            </button>
          </p>
        </form>
        {problem && (
          <div role="alert" className="alert alert--error">
            <p>{problem.message}</p>
            {problem.rowErrors.length > 0 && <ErrorList errors={problem.rowErrors} />}
          </div>
        )}
      </section>

      {report && (
        <section className="card" aria-labelledby={`${fileId}-preview`}>
          <h2 id={`${fileId}-preview`}>{t('import.preview')}</h2>
          <p role="status">{t('import.previewCounts', { rows: report.rows, created: report.created, unchanged: report.unchanged })}</p>
          {report.errors.length ? <ErrorList errors={report.errors} /> : <p>{t('import.noErrors')}</p>}
          {blocked && report.errors.length > 0 ? (
            <p className="alert alert--error">{t('import.blocked')}</p>
          ) : report.created === 0 ? (
            <p>{t('import.nothingNew')}</p>
          ) : null}
          {!(blocked && report.errors.length > 0) && report.created > 0 && (
            <p>
              <button type="button" className="button" disabled={phase.step === 'starting'} onClick={() => void start(report)}>
                {phase.step === 'starting' ? t('import.starting') : t('import.confirm', { count: report.created })}
              </button>
            </p>
          )}
        </section>
      )}

      {job && <JobView job={job} onAgain={() => setPhase({ step: 'choose' })} />}
    </div>
  );
}

/** The row errors of a file, one line each (a list, not a table: it stays readable on a phone). */
function ErrorList({ errors }: { errors: RowError[] }) {
  const t = useT();
  const headingId = useId();
  return (
    <div className="import-errors">
      <h3 id={headingId}>{t('import.errorsHeading', { count: errors.length })}</h3>
      <ul aria-labelledby={headingId}>
        {errors.slice(0, SHOWN_ERRORS).map((e) => (
          <li key={`${e.row}-${e.column}-${e.code}`}>{t('import.errorRow', { row: e.row, column: e.column, message: e.message })}</li>
        ))}
      </ul>
      {errors.length > SHOWN_ERRORS && <p className="muted">{t('import.moreErrors', { count: errors.length - SHOWN_ERRORS })}</p>}
    </div>
  );
}

/** The job's progress bar, then its outcome with a link to the list of what was imported. */
function JobView({ job, onAgain }: { job: Job; onAgain: () => void }) {
  const t = useT();
  const headingId = useId();
  const kind = job.kind as ImportKindName;
  const total = Math.max(job.total, 0);
  const processed = job.state === 'DONE' ? total : Math.min(job.processed, total);
  const percent = total ? Math.round((processed / total) * 100) : 100;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{job.state === 'RUNNING' ? t('import.running') : t('import.progressLabel')}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('import.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={processed}
        aria-valuetext={t('import.progressText', { processed, total })}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">{t('import.progressText', { processed, total })}</p>
      {job.state === 'DONE' && (
        <div role="status">
          <p>{t('import.done', { created: job.created, unchanged: job.unchanged, skipped: job.skipped })}</p>
          {job.errors.length > 0 && <ErrorList errors={job.errors} />}
          <p className="import-links">
            <a href={LIST_HREF[kind] ?? homeHref}>{t(`import.open.${kind}` as MessageKey)}</a>
            <button type="button" className="button button--secondary button--small" onClick={onAgain}>
              {t('import.another')}
            </button>
          </p>
        </div>
      )}
      {job.state === 'FAILED' && (
        <div role="alert" className="alert alert--error">
          <p>{t('import.failed', { reason: job.failure ?? '' })}</p>
          {job.errors.length > 0 && <ErrorList errors={job.errors} />}
        </div>
      )}
    </section>
  );
}
