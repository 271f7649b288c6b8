/**
 * The legal side of a case page (issue 13): why nothing more may be recorded (rule 7), other cases of
 * the same judgment and of the same debtor elsewhere (deconfliction), the public notice of a case not
 * yet enforceable (rule 6, printable for the commune) and urgent account freezes (rule 8: decision due
 * 24 h after the record). Every citation and every reason comes from the API (the citation table).
 */
import { useId, useState, type FormEvent } from 'react';
import { FormAlert, SubmitCancel } from '../../components/FormFields';
import { mutate, tags, useQuery } from '../../data';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { graphql } from '../../gql';
import type { CaseLegalQuery } from '../../gql/graphql';
import { caseStatusLabel, legalText, useT } from '../../i18n';
import { caseHref } from '../../router';

export const caseLegalQuery = graphql(`
  query CaseLegal($id: ID!) {
    case(id: $id) {
      id
      version
      status
      recordingClosed {
        reason
        legalSource
      }
      publicNotice {
        debtors {
          name
          address
        }
        obligations
        legalSource
        text
      }
      sameJudgmentCases {
        caseId
        decisionNumber
        leadAgencyName
        status
        terminatedOnWithdrawal
      }
      sameDebtorCases {
        caseId
        decisionNumber
        leadAgencyName
        status
      }
      accountFreezes {
        id
        recordedAt
        decisionDueAt
        decidedAt
        decisionNumber
        note
      }
      urgentFreezeSource
      viewerCan {
        update
      }
    }
  }
`);

const recordFreezeMutation = graphql(`
  mutation CaseRecordUrgentFreeze($input: RecordUrgentFreezeInput!, $idempotencyKey: String) {
    recordUrgentFreeze(input: $input, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`);
const freezeDecisionMutation = graphql(`
  mutation CaseRecordFreezeDecision($input: RecordFreezeDecisionInput!) {
    recordFreezeDecision(input: $input) {
      id
    }
  }
`);

type Legal = CaseLegalQuery['case'];
type Freeze = Legal['accountFreezes'][number];

/** Whether the case page's record buttons should be offered (rule 7 closes them). */
export function useRecordingClosed(caseId: string): Legal['recordingClosed'] | undefined {
  return useQuery(caseLegalQuery, { id: caseId }, [tags.case(caseId)]).data?.case.recordingClosed;
}

/** Rule 7's banner: nothing more may be recorded, why, and the source. */
export function RecordingClosedNote({ closed }: { closed: NonNullable<Legal['recordingClosed']> }) {
  const t = useT();
  return (
    <div className="alert alert--error legal-closed" role="note">
      <p>
        <strong>{t('legal.closed.title')}</strong> {closed.reason}
      </p>
      <p className="small">{t('legal.source', { source: legalText(t, closed.legalSource) })}</p>
    </div>
  );
}

/**
 * The case's legal rules in two parts: `warnings` (recording closed, the same judgment or debtor elsewhere)
 * sit above the thread because they change what an officer may do; `measures` (the public notice, urgent
 * freezes) sit below the actions, so the thread stays within the first screen on a phone.
 */
export function LegalPanel({ caseId, part }: { caseId: string; part: 'warnings' | 'measures' }) {
  const t = useT();
  const result = useQuery(caseLegalQuery, { id: caseId }, [tags.case(caseId)]);
  const c = result.data?.case;
  if (!c) return null;
  const hasFreezes = c.accountFreezes.length > 0 || (c.viewerCan.update && !c.recordingClosed);
  if (part === 'measures') {
    if (!c.publicNotice && !hasFreezes) return null;
    return (
      <section className="card legal-panel" aria-labelledby="case-legal-measures">
        <h2 id="case-legal-measures">{t('legal.measuresHeading')}</h2>
        {c.publicNotice && <PublicNoticeView notice={c.publicNotice} />}
        {hasFreezes && <Freezes c={c} />}
      </section>
    );
  }
  if (!c.recordingClosed && !c.sameJudgmentCases.length && !c.sameDebtorCases.length) return null;
  return (
    <section className="card legal-panel" aria-labelledby="case-legal">
      <h2 id="case-legal">{t('legal.heading')}</h2>
      {c.recordingClosed && <RecordingClosedNote closed={c.recordingClosed} />}
      {c.sameJudgmentCases.length > 0 && (
        <div className="alert alert--warn" role="note">
          <p>
            <strong>{t('legal.sameJudgment.title')}</strong>
          </p>
          <ul>
            {c.sameJudgmentCases.map((r) => (
              <li key={r.caseId}>
                <a href={caseHref(r.caseId)}>{r.decisionNumber ?? t('legal.noDecisionNumber')}</a> · {r.leadAgencyName} ·{' '}
                {caseStatusLabel(t, r.status)}
                {r.terminatedOnWithdrawal && <> — {t('legal.sameJudgment.withdrawn')}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.sameDebtorCases.length > 0 && (
        <div className="alert alert--warn" role="note">
          <p>
            <strong>{t('legal.sameDebtor.title')}</strong> {t('legal.sameDebtor.hint')}
          </p>
          <ul>
            {c.sameDebtorCases.map((r) => (
              <li key={r.caseId}>
                {r.decisionNumber ?? t('legal.noDecisionNumber')} · {r.leadAgencyName} · {caseStatusLabel(t, r.status)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Rule 6: what the commune posts — debtor, address, obligation; a print view of just the notice. */
function PublicNoticeView({ notice }: { notice: NonNullable<Legal['publicNotice']> }) {
  const t = useT();
  const id = useId();
  const print = () => {
    document.body.classList.add('printing-notice');
    const done = () => {
      document.body.classList.remove('printing-notice');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  return (
    <section className="public-notice" aria-labelledby={id}>
      <h3 id={id}>{t('legal.notice.heading')}</h3>
      <p className="muted small">{t('legal.notice.hint')}</p>
      <article className="public-notice__sheet" lang="vi">
        {notice.text.split('\n').map((line, i) => (
          // The notice's paragraphs, in the server's order (they never reorder).
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed text lines
          <p key={i}>{line}</p>
        ))}
        <p className="small">{legalText(t, notice.legalSource)}</p>
      </article>
      <button type="button" className="button button--secondary button--small" onClick={print}>
        {t('legal.notice.print')}
      </button>
    </section>
  );
}

/** Rule 8: urgent account freezes, with the 24 h decision deadline and its state. */
function Freezes({ c }: { c: Legal }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [decision, setDecision] = useState<{ id: string; number: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const noteId = useId();
  const canRecord = c.viewerCan.update && !c.recordingClosed;

  const run = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await send();
      return true;
    } catch (err) {
      setError(errorText(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const record = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('legal.freeze.noteRequired'));
      return;
    }
    const key = crypto.randomUUID();
    if (
      await run(() =>
        mutate(recordFreezeMutation, { input: { caseId: c.id, version: c.version, note: note.trim() }, idempotencyKey: key }, [
          tags.case(c.id),
          tags.tasks(c.id),
        ]),
      )
    )
      setNote('');
  };

  const decide = async (e: FormEvent, f: Freeze) => {
    e.preventDefault();
    if (!decision?.number.trim()) {
      setError(t('legal.freeze.numberRequired'));
      return;
    }
    if (
      await run(() =>
        mutate(
          freezeDecisionMutation,
          { input: { caseId: c.id, version: c.version, freezeId: f.id, decisionNumber: decision.number.trim() } },
          [tags.case(c.id), tags.tasks(c.id)],
        ),
      )
    )
      setDecision(null);
  };

  return (
    <section className="freezes" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('legal.freeze.heading')}</h3>
      <p className="muted small">{t('legal.source', { source: legalText(t, c.urgentFreezeSource) })}</p>
      <FormAlert error={error} />
      {c.accountFreezes.length > 0 && (
        <ul className="card-list">
          {c.accountFreezes.map((f) => {
            const overdue = !f.decidedAt && new Date(f.decisionDueAt).getTime() < Date.now();
            const late = f.decidedAt && new Date(f.decidedAt).getTime() > new Date(f.decisionDueAt).getTime();
            return (
              <li key={f.id} className="item-card">
                <p className="item-card__title">
                  {f.note}{' '}
                  {f.decidedAt ? (
                    <span className={`badge badge--${late ? 'warn' : 'ok'}`}>
                      {late ? t('legal.freeze.decidedLate') : t('legal.freeze.decided')}
                    </span>
                  ) : overdue ? (
                    <span className="badge badge--danger">{t('legal.freeze.overdue')}</span>
                  ) : (
                    <span className="badge badge--info">{t('legal.freeze.pending')}</span>
                  )}
                </p>
                <dl className="facts facts--compact">
                  <div>
                    <dt>{t('legal.freeze.recordedAt')}</dt>
                    <dd>
                      <time dateTime={f.recordedAt}>{formatDateTime(f.recordedAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('legal.freeze.dueAt')}</dt>
                    <dd>
                      <time dateTime={f.decisionDueAt}>{formatDateTime(f.decisionDueAt)}</time>
                    </dd>
                  </div>
                  {f.decidedAt && (
                    <div>
                      <dt>{t('legal.freeze.decision')}</dt>
                      <dd>
                        {f.decisionNumber} · <time dateTime={f.decidedAt}>{formatDateTime(f.decidedAt)}</time>
                      </dd>
                    </div>
                  )}
                </dl>
                {!f.decidedAt &&
                  canRecord &&
                  (decision?.id === f.id ? (
                    <form className="task-decline" onSubmit={(e) => decide(e, f)}>
                      <label htmlFor={`freeze-decision-${f.id}`}>{t('legal.freeze.number')}</label>
                      <input
                        id={`freeze-decision-${f.id}`}
                        value={decision.number}
                        onChange={(e) => setDecision({ id: f.id, number: e.target.value })}
                        autoFocus
                      />
                      <SubmitCancel submit={t('legal.freeze.saveDecision')} busy={busy} onCancel={() => setDecision(null)} />
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setDecision({ id: f.id, number: '' })}
                    >
                      {t('legal.freeze.recordDecision')}
                    </button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      {canRecord && (
        <form className="task-decline" onSubmit={record}>
          <label htmlFor={noteId}>{t('legal.freeze.note')}</label>
          <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${noteId}-hint`} />
          <p id={`${noteId}-hint`} className="field__hint">
            {t('legal.freeze.noteHint')}
          </p>
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {t('legal.freeze.record')}
          </button>
        </form>
      )}
    </section>
  );
}
