/**
 * Correcting what was entered on a case (issue 15): edit a party's details or remove a party added by
 * mistake, edit or remove an obligation. Each is one versioned mutation (CONFLICT when someone changed
 * the case meanwhile; RULE_VIOLATION when money was already collected) and one logged event.
 */
import { type ReactNode, useState } from 'react';
import { MoneyInput } from '../../components/MoneyInput';
import { SelectField, TextField } from '../../components/FormFields';
import { mutate, tags } from '../../data';
import { errorText } from '../../errors';
import { graphql } from '../../gql';
import type { ObligationKind, PartyKind, PartyRole } from '../../gql/graphql';
import { partyRoleLabel, useT } from '../../i18n';
import { PARTY_ROLES } from './CaseFormPage';

export const updateCasePartyMutation = graphql(`
  mutation UpdateCaseParty($input: UpdateCasePartyInput!) {
    updateCaseParty(input: $input) {
      id
      version
    }
  }
`);
export const removeCasePartyMutation = graphql(`
  mutation RemoveCaseParty($input: RemoveCasePartyInput!) {
    removeCaseParty(input: $input) {
      id
      version
    }
  }
`);
export const updateObligationMutation = graphql(`
  mutation UpdateObligation($input: UpdateObligationInput!) {
    updateObligation(input: $input) {
      id
      version
    }
  }
`);
export const removeObligationMutation = graphql(`
  mutation RemoveObligation($input: RemoveObligationInput!) {
    removeObligation(input: $input) {
      id
      version
    }
  }
`);

interface CaseRef {
  id: string;
  version: number;
}
interface PartyRow {
  id: string;
  name: string;
  role: PartyRole;
  kind: PartyKind;
  address?: string | null;
}
interface ObligationRow {
  id: string;
  kind: ObligationKind;
  description: string;
  amountOwed?: string | null;
  landAreaM2?: string | null;
  debtorId?: string | null;
  creditorId?: string | null;
}
type Report = (m: { kind: 'ok' | 'error'; text: string } | null) => void;

/** Runs a correction and reports the outcome in the section's message line. */
function useRunner(report: Report) {
  const t = useT();
  return async (work: () => Promise<unknown>, done?: () => void, okText = t('edit.saved')) => {
    report(null);
    try {
      await work();
      done?.();
      report({ kind: 'ok', text: okText });
    } catch (err) {
      report({ kind: 'error', text: errorText(err, t) });
    }
  };
}

/** The "Sửa" and "Xóa" buttons of one row; removing asks for confirmation first. */
function EditAndRemove(props: {
  editLabel: string;
  removeLabel: string;
  confirmText: string;
  onEdit: () => void;
  onRemove: () => unknown;
}) {
  const t = useT();
  return (
    <span className="correction-actions">
      <button type="button" className="button button--secondary button--small" aria-label={props.editLabel} onClick={props.onEdit}>
        {t('fix.edit')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={props.removeLabel}
        onClick={() => {
          if (window.confirm(props.confirmText)) void props.onRemove();
        }}
      >
        {t('fix.remove')}
      </button>
    </span>
  );
}

/**
 * One row's "Sửa" / "Xóa" and, while editing, its inline form: the draft, the save and cancel buttons
 * and the outcome line are the same for every kind of row; `fields` draws the row's own inputs.
 */
function InlineCorrection<Row extends object>(props: {
  row: Row;
  /** The row's name in labels and in the removal's confirmation. */
  name: string;
  labels: { edit: string; remove: string };
  report: Report;
  remove: () => Promise<unknown>;
  save: (draft: Row) => Promise<unknown>;
  fields: (draft: Row, setDraft: (next: Row) => void) => ReactNode;
}) {
  const t = useT();
  const run = useRunner(props.report);
  const [draft, setDraft] = useState<Row | null>(null);
  if (!draft)
    return (
      <EditAndRemove
        editLabel={props.labels.edit}
        removeLabel={props.labels.remove}
        confirmText={t('fix.confirmRemove', { name: props.name })}
        onEdit={() => setDraft({ ...props.row })}
        onRemove={() => run(props.remove, undefined, t('fix.removed'))}
      />
    );
  return (
    <form
      className="intake__item"
      aria-label={props.labels.edit}
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => props.save(draft),
          () => setDraft(null),
        );
      }}
    >
      {props.fields(draft, setDraft)}
      <p className="correction-actions">
        <button type="submit" className="button button--small">
          {t('fix.save')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setDraft(null)}>
          {t('fix.cancel')}
        </button>
      </p>
    </form>
  );
}

/** "Sửa" / "Xóa" for one party, and its inline edit form (ID number and phone are left as they are). */
export function PartyCorrection({ c, party, report }: { c: CaseRef; party: PartyRow; report: Report }) {
  const t = useT();
  return (
    <InlineCorrection
      row={party}
      name={party.name}
      labels={{ edit: t('fix.editParty', { name: party.name }), remove: t('fix.removeParty', { name: party.name }) }}
      report={report}
      remove={() => mutate(removeCasePartyMutation, { input: { caseId: c.id, version: c.version, partyId: party.id } }, [tags.case(c.id)])}
      save={(draft) =>
        mutate(
          updateCasePartyMutation,
          {
            input: {
              caseId: c.id,
              version: c.version,
              partyId: party.id,
              party: { role: draft.role, kind: draft.kind, name: draft.name, address: draft.address || null },
            },
          },
          [tags.case(c.id)],
        )
      }
      fields={(draft, setDraft) => (
        <>
          <SelectField
            label={t('intake.partyRole')}
            value={draft.role}
            onChange={(v) => setDraft({ ...draft, role: v as PartyRole })}
            options={PARTY_ROLES.map((r) => ({ value: r, label: partyRoleLabel(t, r) }))}
          />
          <SelectField
            label={t('intake.partyKind')}
            value={draft.kind}
            onChange={(v) => setDraft({ ...draft, kind: v as PartyKind })}
            options={[
              { value: 'PERSON', label: t('partyKind.PERSON') },
              { value: 'ORGANISATION', label: t('partyKind.ORGANISATION') },
            ]}
          />
          <TextField label={t('intake.partyName')} value={draft.name} onChange={(v) => setDraft({ ...draft, name: v })} required />
          <TextField label={t('intake.partyAddress')} value={draft.address ?? ''} onChange={(v) => setDraft({ ...draft, address: v })} />
        </>
      )}
    />
  );
}

/** "Sửa" / "Xóa" for one obligation, and its inline edit form (kind, parties kept; text and amount editable). */
export function ObligationCorrection({ c, obligation, report }: { c: CaseRef; obligation: ObligationRow; report: Report }) {
  const t = useT();
  return (
    <InlineCorrection
      row={obligation}
      name={obligation.description}
      labels={{
        edit: t('fix.editObligation', { name: obligation.description }),
        remove: t('fix.removeObligation', { name: obligation.description }),
      }}
      report={report}
      remove={() =>
        mutate(removeObligationMutation, { input: { caseId: c.id, version: c.version, obligationId: obligation.id } }, [tags.case(c.id)])
      }
      save={(draft) =>
        mutate(
          updateObligationMutation,
          {
            input: {
              caseId: c.id,
              version: c.version,
              obligationId: obligation.id,
              kind: draft.kind,
              description: draft.description,
              debtorId: draft.debtorId ?? null,
              creditorId: draft.creditorId ?? null,
              amountOwed: draft.kind === 'PAY_MONEY' ? (draft.amountOwed ?? null) : null,
              landAreaM2: draft.kind === 'HAND_OVER_LAND' && draft.landAreaM2 ? draft.landAreaM2.replace(',', '.') : null,
            },
          },
          [tags.case(c.id)],
        )
      }
      fields={(draft, setDraft) => (
        <>
          <TextField
            label={t('intake.obligationDescription')}
            value={draft.description}
            onChange={(v) => setDraft({ ...draft, description: v })}
            required
          />
          {draft.kind === 'PAY_MONEY' && (
            <MoneyInput
              label={t('intake.amountOwed')}
              value={draft.amountOwed ?? null}
              onChange={(v) => setDraft({ ...draft, amountOwed: v })}
            />
          )}
          {draft.kind === 'HAND_OVER_LAND' && (
            <TextField
              label={t('intake.landArea')}
              value={draft.landAreaM2 ?? ''}
              onChange={(v) => setDraft({ ...draft, landAreaM2: v })}
              inputMode="decimal"
            />
          )}
        </>
      )}
    />
  );
}
