import { graphql } from '../../gql';
import { FormAlert, SubmitCancel } from '../../components/FormFields';
import { type FormEvent, useState } from 'react';
import { MoneyInput } from '../../components/MoneyInput';
import { tags } from '../../data';
import { errorText } from '../../errors';
import { formatMoney } from '../../format';
import type { ActionOutcome } from '../../gql/graphql';
import { actionOutcomeLabel, useT } from '../../i18n';
import { newIntentKey } from '../../lib/writes';
import { sendOrQueue } from '../../offline/offline-writes';

export const correctActionOutcomeMutation = graphql(`
  mutation CorrectActionOutcome($input: CorrectActionOutcomeInput!, $idempotencyKey: String) {
    correctActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {
      ...ActionStateFields
    }
  }
`);

export const recordActionOutcomeMutation = graphql(`
  mutation RecordActionOutcome($input: RecordActionOutcomeInput!, $idempotencyKey: String) {
    recordActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {
      ...ActionStateFields
    }
  }
`);

export const OUTCOMES: readonly ActionOutcome[] = [
  'VOLUNTARY_COMPLIANCE',
  'PARTIAL_PAYMENT',
  'COERCED',
  'REFUSED',
  'POSTPONED',
  'REQUEST_WITHDRAWN',
  'OTHER',
];

/** One line of the split: which obligation this money pays. */
interface Line {
  key: number;
  obligationId: string;
  /** Exact đồng from MoneyInput, or null while empty / not an amount. */
  amount: string | null;
}

/** Sums decimal strings of đồng exactly. */
export function sumMoney(amounts: ReadonlyArray<string | null>): string {
  return amounts.reduce((sum, a) => sum + (a ? BigInt(a) : 0n), 0n).toString();
}

/**
 * The outcome of a visit, meeting or coercion — or a correcting entry for the outcome in force.
 * Money must name the obligation it pays; it may be split across several obligations (one line
 * each, amounts typed the Vietnamese way, "100.000.000"); the total is the sum of the lines.
 * Sent through the offline queue: without a connection it waits as "Đang chờ gửi" with its key.
 */
export function OutcomeForm({
  caseId,
  action,
  correctsId,
  obligations,
  onDone,
  onCancel,
}: {
  caseId: string;
  action: { id: string; version: number };
  /** Set for a correcting entry: the entry in force that it corrects. */
  correctsId?: string;
  obligations: ReadonlyArray<{ id: string; description: string }>;
  onDone: (queued: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [outcome, setOutcome] = useState<ActionOutcome>('VOLUNTARY_COMPLIANCE');
  const [text, setText] = useState('');
  const [lines, setLines] = useState<Line[]>([{ key: 0, obligationId: '', amount: null }]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per outcome the official means to record, reused if they press "save" again after an error.
  const [intentKey, setIntentKey] = useState(newIntentKey);
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setIntentKey(newIntentKey());
      set(v);
    };
  const total = sumMoney(lines.map((l) => l.amount));
  const id = `${action.id}${correctsId ? '-c' : ''}`;

  const setLine = (key: number, patch: Partial<Line>) => {
    setIntentKey(newIntentKey());
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const paid = lines.filter((l) => l.amount && l.amount !== '0');
    if (paid.some((l) => !l.obligationId)) return setError(t('visits.splitNeedsObligation'));
    const chosen = paid.map((l) => l.obligationId);
    if (new Set(chosen).size !== chosen.length) return setError(t('visits.splitDuplicate'));
    if (outcome === 'PARTIAL_PAYMENT' && paid.length === 0) return setError(t('visits.moneyOutcomeNeedsAmount'));
    if (!text.trim()) return setError(correctsId ? t('actions.correctReason') : t('actions.outcomeMinutes'));
    const money =
      paid.length > 0
        ? { amountCollected: total, collections: paid.map((l) => ({ obligationId: l.obligationId, amountCollected: l.amount })) }
        : {};
    setError(null);
    setSending(true);
    const common = {
      kind: 'outcome' as const,
      caseId,
      invalidates: [tags.actions(caseId), tags.case(caseId), tags.cases, tags.inbox],
      summary: { actionId: action.id, outcome, total: paid.length ? total : '0', correction: correctsId ? 'yes' : '' },
      idempotencyKey: intentKey,
    };
    const sent = correctsId
      ? sendOrQueue({
          ...common,
          document: correctActionOutcomeMutation,
          variables: { input: { id: action.id, version: action.version, correctsId, reason: text.trim(), outcome, ...money } },
        })
      : sendOrQueue({
          ...common,
          document: recordActionOutcomeMutation,
          variables: { input: { id: action.id, version: action.version, outcome, minutes: text.trim(), ...money } },
        });
    sent.then(
      (r) => {
        setSending(false);
        onDone(r.queued);
      },
      (err: unknown) => {
        setSending(false);
        setError(errorText(err, t));
      },
    );
  };

  return (
    <form className="task-decline action-inline" onSubmit={submit} noValidate>
      <label htmlFor={`action-outcome-${id}`}>{t('actions.outcome')}</label>
      <select id={`action-outcome-${id}`} value={outcome} onChange={(e) => change(setOutcome)(e.target.value as ActionOutcome)}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {actionOutcomeLabel(t, o)}
          </option>
        ))}
      </select>
      {obligations.length > 0 && (
        <fieldset className="outcome-split">
          <legend>{t('visits.split')}</legend>
          {lines.map((line, index) => {
            const suffix = index === 0 ? '' : ` (${index + 1})`;
            return (
              <div key={line.key} className="outcome-split__line">
                <label htmlFor={`action-obligation-${id}-${line.key}`}>{`${t('actions.outcomeObligation')}${suffix}`}</label>
                <select
                  id={`action-obligation-${id}-${line.key}`}
                  value={line.obligationId}
                  onChange={(e) => setLine(line.key, { obligationId: e.target.value })}
                >
                  <option value="">—</option>
                  {obligations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.description}
                    </option>
                  ))}
                </select>
                <MoneyInput
                  label={`${t('actions.outcomeAmount')}${suffix}`}
                  value={line.amount}
                  onChange={(amount) => setLine(line.key, { amount })}
                />
                {lines.length > 1 && (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}
                  >
                    {t('visits.splitRemove')}
                  </button>
                )}
              </div>
            );
          })}
          {lines.length < obligations.length && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setLines((all) => [...all, { key: Math.max(...all.map((l) => l.key)) + 1, obligationId: '', amount: null }])}
            >
              {t('visits.splitAdd')}
            </button>
          )}
          <p className="small" aria-live="polite">
            {t('visits.splitTotal', { total: formatMoney(total) })}
          </p>
        </fieldset>
      )}
      <label htmlFor={`action-text-${id}`}>{correctsId ? t('actions.correctReason') : t('actions.outcomeMinutes')}</label>
      <textarea id={`action-text-${id}`} value={text} onChange={(e) => change(setText)(e.target.value)} required rows={3} />
      <FormAlert error={error} />
      <SubmitCancel submit={t('actions.save')} busy={sending} onCancel={onCancel} />
    </form>
  );
}
