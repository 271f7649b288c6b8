import type { CaseStatus } from '../gql/graphql';
import { caseStatusLabel, useT } from '../i18n';

/** Colour family of each status: finished well, stalled, ended otherwise, or in progress. */
const TONE: Record<CaseStatus, 'ok' | 'warn' | 'neutral' | 'info'> = {
  RECEIVED: 'info',
  DECISION_ISSUED: 'info',
  VOLUNTARY_PERIOD: 'info',
  VERIFICATION: 'info',
  ENFORCEABLE: 'info',
  ENFORCING: 'info',
  NOT_YET_ENFORCEABLE: 'warn',
  POSTPONED: 'warn',
  SUSPENDED: 'warn',
  COMPLETED: 'ok',
  TERMINATED: 'neutral',
  RETURNED: 'neutral',
  ENTRUSTED: 'neutral',
};

/** A case's status as a coloured, labelled badge (the colour is never the only cue). */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`badge badge--${TONE[status]}`}>{caseStatusLabel(t, status)}</span>;
}
