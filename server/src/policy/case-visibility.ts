import type { Viewer } from '../auth/viewer';
import { toPgTextArray } from '../events/event-log';
import { SUPERVISING_AGENCY_KINDS } from './abilities';

/** An SQL fragment with `?` parameters, in the order they appear. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * The rule of `canOnCase(viewer, 'case.read', …)` as a condition on one `enforcement_case` row
 * aliased `vc`: lead office, active participants, supervising bodies whose covered area contains
 * the case's commune. Both SQL forms below are built from it, so they cannot drift apart.
 */
function readableCaseCondition(viewer: Viewer): SqlFragment {
  const supervising = SUPERVISING_AGENCY_KINDS.includes(viewer.agencyKind) && viewer.coveredAreaPaths.length > 0;
  return {
    sql: `(vc.lead_agency_id = ?
              or exists (select 1 from case_participant vp where vp.case_id = vc.id and vp.agency_id = ? and vp.removed_at is null)
              ${supervising ? `or exists (select 1 from area va where va.id = vc.commune_id and exists (select 1 from unnest(?::text[]) cp where left(va.path, length(cp)) = cp))` : ''})`,
    params: supervising ? [viewer.agencyId, viewer.agencyId, toPgTextArray(viewer.coveredAreaPaths)] : [viewer.agencyId, viewer.agencyId],
  };
}

/**
 * The ids of the cases a viewer may read, as an SQL subquery with `?` parameters: the same rule as
 * `canOnCase(viewer, 'case.read', …)`, expressed as a query so that lists filtered by it never hold
 * an item about a case the viewer may not open, and pages keep their size. Use it where the list is
 * driven by cases (the case list, statistics); where it is driven by rows that each name one case
 * (events, posts), `caseReadableSql` checks each row by primary key instead.
 */
export function visibleCaseIdsSql(viewer: Viewer): SqlFragment {
  const condition = readableCaseCondition(viewer);
  return { sql: `select vc.id from enforcement_case vc where ${condition.sql}`, params: condition.params };
}

/**
 * `exists (…)`: the viewer may read the case whose id is the SQL expression `caseIdSql` (a uuid),
 * looked up by primary key — one index probe per row, whatever the number of cases. The subquery
 * form (`x in (visibleCaseIdsSql)`) makes PostgreSQL build the whole visible set first and, when it
 * misjudges the row count of the outer side, rebuild it per row (the inbox took 10 s at 50,000 cases).
 */
export function caseReadableSql(viewer: Viewer, caseIdSql: string): SqlFragment {
  const condition = readableCaseCondition(viewer);
  return { sql: `exists (select 1 from enforcement_case vc where vc.id = ${caseIdSql} and ${condition.sql})`, params: condition.params };
}
