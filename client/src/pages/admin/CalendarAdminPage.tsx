/**
 * The legal calendar of a year (`#/admin/calendar`, system admins: `viewerCan.manageCalendar`): the
 * year's days off with where each comes from (the law's holidays, days derived by rule, data entered
 * from the Prime Minister's schedule) and its legal basis; the Tết window (computed from the lunar
 * calendar, or the Ministry's directive entered as data); forms to enter both. After a change the
 * server's answer says what it recalculated (deadlines of cases, protection plans, tasks; coercions
 * flagged or cleared). Every rule is checked by the API; the messages shown are the server's.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/FormFields';
import { mutate, useQuery } from '../../data';
import { errorText } from '../../errors';
import { formatDate } from '../../format';
import { graphql } from '../../gql';
import type {
  AddCalendarDayInput,
  CalendarDayKind,
  CalendarRecalculationFieldsFragment,
  CalendarYearQuery,
  OfficialCalendarDayKind,
  SetTetDirectiveInput,
} from '../../gql/graphql';
import { legalText, useT, type MessageKey, type Translate } from '../../i18n';
import { GraphQLRequestError } from '../../lib/graphql-http';
import type { QueryDocument } from '../../lib/query-store';
import { LoadStatus, loadState } from '../LoadStatus';

/** What a calendar change recalculated (the mutations' `recalculated`). */
type CalendarRecalculation = CalendarRecalculationFieldsFragment;

/** The cache tag of the calendar screen (a change refetches it). */
const CALENDAR_TAG = 'calendar';

export const calendarYearQuery = graphql(`
  query CalendarYear($from: String!, $to: String!, $year: Int!) {
    calendarDays(from: $from, to: $to) {
      date
      kind
      name
      source
    }
    tetWindow(year: $year) {
      year
      tet
      firstDay
      lastDay
      origin
      source
      ruleFirstDay
      ruleLastDay
      directiveNumber
      directiveDate
    }
  }
`);

/** What every calendar change answers it recalculated, in the same transaction. */
export const calendarRecalculationFields = graphql(`
  fragment CalendarRecalculationFields on CalendarRecalculation {
    cases
    protectionPlans
    tasks
    coercionsFlagged
    coercionsCleared
  }
`);

const KIND_TONE: Record<CalendarDayKind, 'info' | 'neutral' | 'ok' | 'warn'> = {
  PUBLIC_HOLIDAY: 'info',
  DERIVED_DAY_OFF: 'neutral',
  DAY_OFF: 'warn',
  WORKING_DAY: 'ok',
};

/** The weekday of a local date, as a key (no time zone: a calendar date). */
function weekdayKey(ymd: string): MessageKey {
  const day = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return `calendar.weekday.${day}` as MessageKey;
}

/** "Recalculated: 2 cases, 1 coercion flagged …" from the mutation's answer. */
function recalculationText(t: Translate, r: CalendarRecalculation | null | undefined): string {
  if (!r) return '';
  return t('calendar.recalculated', {
    cases: r.cases,
    protectionPlans: r.protectionPlans,
    tasks: r.tasks,
    flagged: r.coercionsFlagged,
    cleared: r.coercionsCleared,
  });
}

/** The server's refusal: its message (with the field it names), for the form to show. */
function refusal(err: unknown, t: Translate): { text: string; field: string | null } {
  const field = err instanceof GraphQLRequestError && typeof err.extensions.field === 'string' ? err.extensions.field : null;
  return { text: errorText(err, t), field };
}

function Card({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** The outcome of the last change: what it recalculated, or the server's refusal. */
type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; field: string | null } | null;

function OutcomeView({ outcome }: { outcome: Outcome }) {
  return (
    <div role={outcome?.kind === 'error' ? 'alert' : 'status'}>
      {outcome && <p className={outcome.kind === 'error' ? 'alert alert--error' : 'alert alert--ok'}>{outcome.text}</p>}
    </div>
  );
}

export function CalendarAdminPage() {
  const t = useT();
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  const [year, setYear] = useState(thisYear);
  const result = useQuery(calendarYearQuery, { from: `${year}-01-01`, to: `${year}-12-31`, year }, [CALENDAR_TAG]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const state = loadState(result);
  const years = Array.from({ length: 22 }, (_, i) => thisYear - 2 + i);

  /** Sends one change (the calendar refetches after it); shows what it recalculated, or the refusal. Returns whether it succeeded. */
  async function change<TVariables>(document: ChangeDocument<TVariables>, variables: TVariables, okKey: MessageKey): Promise<boolean> {
    setBusy(true);
    setOutcome(null);
    try {
      // The mutation's one field is the changed day or Tết window; only what it recalculated is read.
      const [answer] = Object.values(await mutate(document, variables, [CALENDAR_TAG]));
      setOutcome({ kind: 'ok', text: `${t(okKey)} ${recalculationText(t, answer?.recalculated)}` });
      return true;
    } catch (err) {
      setOutcome({ kind: 'error', ...refusal(err, t) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const days = result.data?.calendarDays ?? [];
  const tet = result.data?.tetWindow;

  return (
    <div className="admin calendar-admin">
      <h1>{t('calendar.heading')}</h1>
      <p className="muted">{t('calendar.intro')}</p>
      <div className="calendar-admin__year">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setYear((y) => y - 1)}
          aria-label={t('calendar.previousYear')}
        >
          ‹
        </button>
        <SelectField
          label={t('calendar.year')}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={(years.includes(year) ? years : [...years, year].sort()).map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setYear((y) => y + 1)}
          aria-label={t('calendar.nextYear')}
        >
          ›
        </button>
      </div>

      <OutcomeView outcome={outcome} />
      <LoadStatus state={state} loadingKey="calendar.loading" error={result.error} onRetry={result.refetch} />

      {tet && <TetWindowCard year={year} tet={tet} busy={busy} outcome={outcome} change={change} />}

      {result.data && (
        <Card title={t('calendar.days.heading', { year, count: days.length })}>
          <p className="muted small">{t('calendar.days.legend')}</p>
          {days.length === 0 ? (
            <p className="muted">{t('calendar.days.empty')}</p>
          ) : (
            <ul className="card-list calendar-days">
              {days.map((d) => (
                <CalendarDayRow key={d.date} day={d} busy={busy} change={change} />
              ))}
            </ul>
          )}
          <DayForm key={year} year={year} busy={busy} outcome={outcome} change={change} />
        </Card>
      )}
    </div>
  );
}

/** A calendar change: a mutation whose one field answers what the change recalculated. */
type ChangeDocument<TVariables> = QueryDocument<Record<string, { recalculated: CalendarRecalculation | null }>, TVariables>;
type Change = <TVariables>(document: ChangeDocument<TVariables>, variables: TVariables, okKey: MessageKey) => Promise<boolean>;

/** The server's message for `field` when the last change was refused because of it (shown at that field). */
const fieldErrorOf = (outcome: Outcome) => (field: string) => (outcome?.kind === 'error' && outcome.field === field ? outcome.text : null);

/** What each calendar form gets from the page. */
type CalendarFormProps = { year: number; busy: boolean; outcome: Outcome; change: Change };

/**
 * What both calendar forms share: a heading with a hint, the fields, one "fill in every field" alert
 * (the client's only check; every rule is the server's), and the submit button. `input` is the
 * mutation's input, or null while a field is empty: submitting then shows the alert instead of sending.
 */
function CalendarForm<TInput>(props: {
  headingId: string;
  /** Whose messages: `<texts>.formHeading` (with the year), `.formHint`, `.missing`, `.submit`. */
  texts: 'calendar.day' | 'calendar.tet';
  year: number;
  input: TInput | null;
  busy: boolean;
  onSubmit: (input: TInput) => void;
  children: ReactNode;
}) {
  const t = useT();
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(props.input === null);
    if (props.input !== null) props.onSubmit(props.input);
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby={props.headingId}>
      <h3 id={props.headingId}>{t(`${props.texts}.formHeading`, { year: props.year })}</h3>
      <p className="muted small">{t(`${props.texts}.formHint`)}</p>
      {props.children}
      {missing && (
        <p className="alert alert--error" role="alert">
          {t(`${props.texts}.missing`)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {t(`${props.texts}.submit`)}
      </button>
    </form>
  );
}

type Tet = CalendarYearQuery['tetWindow'];
type Day = CalendarYearQuery['calendarDays'][number];

// Each change's document sits with the one control that sends it; a change answers only what it
// recalculated (the screen refetches the calendar itself, by its tag).
const removeDirectiveMutation = graphql(`
  mutation CalendarRemoveDirective($tetYear: Int!) {
    removeTetDirective(tetYear: $tetYear) {
      recalculated {
        ...CalendarRecalculationFields
      }
    }
  }
`);

/** The year's Tết window: the day, the forbidden days and where they come from; the directive's controls. */
function TetWindowCard({ year, tet, busy, outcome, change }: { year: number; tet: Tet; busy: boolean; outcome: Outcome; change: Change }) {
  const t = useT();
  return (
    <Card title={t('calendar.tet.heading', { year })}>
      <dl className="facts">
        <div>
          <dt>{t('calendar.tet.day')}</dt>
          <dd>{formatDate(tet.tet)}</dd>
        </div>
        <div>
          <dt>{t('calendar.tet.window')}</dt>
          <dd>
            <strong>{t('calendar.range', { from: formatDate(tet.firstDay), to: formatDate(tet.lastDay) })}</strong>{' '}
            <span className={`badge badge--${tet.origin === 'DIRECTIVE' ? 'warn' : 'neutral'}`}>
              {tet.origin === 'DIRECTIVE' ? t('calendar.tet.originDirective') : t('calendar.tet.originRule')}
            </span>
          </dd>
        </div>
        {tet.origin === 'DIRECTIVE' && (
          <>
            <div>
              <dt>{t('calendar.tet.directive')}</dt>
              <dd>
                {t('calendar.tet.directiveValue', {
                  number: tet.directiveNumber ?? '—',
                  date: tet.directiveDate ? formatDate(tet.directiveDate) : '—',
                })}
              </dd>
            </div>
            <div>
              <dt>{t('calendar.tet.ruleWindow')}</dt>
              <dd>{t('calendar.range', { from: formatDate(tet.ruleFirstDay), to: formatDate(tet.ruleLastDay) })}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('calendar.legalBasis')}</dt>
          <dd className="small">{legalText(t, tet.source)}</dd>
        </div>
      </dl>
      {tet.origin === 'DIRECTIVE' && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() => change(removeDirectiveMutation, { tetYear: year }, 'calendar.tet.removed')}
        >
          {t('calendar.tet.remove', { year })}
        </button>
      )}
      <DirectiveForm key={year} year={year} busy={busy} outcome={outcome} change={change} />
    </Card>
  );
}

const removeDayMutation = graphql(`
  mutation CalendarRemoveDay($date: String!) {
    removeCalendarDay(date: $date) {
      recalculated {
        ...CalendarRecalculationFields
      }
    }
  }
`);

/** One day of the year's list; a day entered as data (day off, working day) can be removed. */
function CalendarDayRow({ day: d, busy, change }: { day: Day; busy: boolean; change: Change }) {
  const t = useT();
  return (
    <li className="admin-row">
      <p>
        <strong>
          <time dateTime={d.date}>{formatDate(d.date)}</time>
        </strong>{' '}
        <span className="muted">({t(weekdayKey(d.date))})</span> · {d.name}{' '}
        <span className={`badge badge--${KIND_TONE[d.kind]}`}>{t(`calendar.kind.${d.kind}`)}</span>
      </p>
      <p className="muted small">
        {d.kind === 'DAY_OFF' || d.kind === 'WORKING_DAY' ? t('calendar.decision') : t('calendar.legalBasis')}: {legalText(t, d.source)}
      </p>
      {(d.kind === 'DAY_OFF' || d.kind === 'WORKING_DAY') && (
        <p className="admin-row__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => change(removeDayMutation, { date: d.date }, 'calendar.day.removed')}
          >
            {t('calendar.day.remove', { date: formatDate(d.date) })}
          </button>
        </p>
      )}
    </li>
  );
}

const addDayMutation = graphql(`
  mutation CalendarAddDay($input: AddCalendarDayInput!) {
    addCalendarDay(input: $input) {
      recalculated {
        ...CalendarRecalculationFields
      }
    }
  }
`);

/** The Prime Minister's schedule: an extra day off, or a weekend (or derived day off) made a working day. */
function DayForm({ year, busy, outcome, change }: CalendarFormProps) {
  const t = useT();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<OfficialCalendarDayKind>('DAY_OFF');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const fieldError = fieldErrorOf(outcome);
  const input: AddCalendarDayInput | null =
    date && name.trim() && source.trim() ? { date, kind, name: name.trim(), source: source.trim() } : null;

  const send = async (input: AddCalendarDayInput) => {
    const ok = await change(addDayMutation, { input }, 'calendar.day.added');
    if (ok) {
      setName('');
      setSource('');
    }
  };

  return (
    <CalendarForm headingId="calendar-day-form" texts="calendar.day" year={year} input={input} busy={busy} onSubmit={send}>
      <DateField label={t('calendar.day.date')} value={date} onChange={setDate} error={fieldError('date')} name="calendar-day-date" />
      <SelectField
        label={t('calendar.day.kind')}
        value={kind}
        onChange={(v) => setKind(v as OfficialCalendarDayKind)}
        options={[
          { value: 'DAY_OFF', label: t('calendar.kind.DAY_OFF') },
          { value: 'WORKING_DAY', label: t('calendar.kind.WORKING_DAY') },
        ]}
      />
      <TextField label={t('calendar.day.name')} hint={t('calendar.day.nameHint')} value={name} onChange={setName} required />
      <TextField label={t('calendar.day.source')} hint={t('calendar.day.sourceHint')} value={source} onChange={setSource} required />
    </CalendarForm>
  );
}

const setDirectiveMutation = graphql(`
  mutation CalendarSetDirective($input: SetTetDirectiveInput!) {
    setTetDirective(input: $input) {
      recalculated {
        ...CalendarRecalculationFields
      }
    }
  }
`);

/** The Ministry's yearly Tết directive: its number and date, and the window it sets. */
function DirectiveForm({ year, busy, outcome, change }: CalendarFormProps) {
  const t = useT();
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState<string | null>(null);
  const [firstDay, setFirstDay] = useState<string | null>(null);
  const [lastDay, setLastDay] = useState<string | null>(null);
  const fieldError = fieldErrorOf(outcome);
  const input: SetTetDirectiveInput | null =
    documentNumber.trim() && documentDate && firstDay && lastDay
      ? { tetYear: year, documentNumber: documentNumber.trim(), documentDate, firstDay, lastDay }
      : null;

  const send = (input: SetTetDirectiveInput) => change(setDirectiveMutation, { input }, 'calendar.tet.saved');

  return (
    <CalendarForm headingId="calendar-directive-form" texts="calendar.tet" year={year} input={input} busy={busy} onSubmit={send}>
      <TextField
        label={t('calendar.tet.number')}
        hint={t('calendar.tet.numberHint')}
        value={documentNumber}
        onChange={setDocumentNumber}
        required
      />
      <DateField
        label={t('calendar.tet.documentDate')}
        value={documentDate}
        onChange={setDocumentDate}
        error={fieldError('documentDate')}
        name="directive-date"
      />
      <DateField
        label={t('calendar.tet.firstDay')}
        value={firstDay}
        onChange={setFirstDay}
        error={fieldError('firstDay')}
        name="directive-first"
      />
      <DateField
        label={t('calendar.tet.lastDay')}
        value={lastDay}
        onChange={setLastDay}
        error={fieldError('lastDay')}
        name="directive-last"
      />
    </CalendarForm>
  );
}
