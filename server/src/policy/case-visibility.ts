import type { Viewer } from '../auth/viewer';
import { toPgTextArray } from '../events/event-log';
import { SUPERVISING_AGENCY_KINDS } from './abilities';

/**
 * The ids of the cases a viewer may read, as an SQL subquery with `?` parameters: the same rule as
 * `canOnCase(viewer, 'case.read', …)` (lead office, active participants, supervising bodies whose
 * covered area contains the case's commune), expressed as a query so that lists filtered by it
 * never hold an item about a case the viewer may not open, and pages keep their size.
 */
export function visibleCaseIdsSql(viewer: Viewer): { sql: string; params: unknown[] } {
  const supervising = SUPERVISING_AGENCY_KINDS.includes(viewer.agencyKind) && viewer.coveredAreaPaths.length > 0;
  return {
    sql: `select vc.id from enforcement_case vc
           where vc.lead_agency_id = ?
              or exists (select 1 from case_participant vp where vp.case_id = vc.id and vp.agency_id = ? and vp.removed_at is null)
              ${supervising ? `or exists (select 1 from area va where va.id = vc.commune_id and exists (select 1 from unnest(?::text[]) cp where left(va.path, length(cp)) = cp))` : ''}`,
    params: supervising ? [viewer.agencyId, viewer.agencyId, toPgTextArray(viewer.coveredAreaPaths)] : [viewer.agencyId, viewer.agencyId],
  };
}
