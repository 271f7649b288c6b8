import type { AgencyService } from './agency.service';

/**
 * What other modules may use of the agencies module: the steering-committee lookup (escalations),
 * creating an agency inside a shared transaction (CSV imports) and the agency event append (the
 * operator's bootstrap agency, created with the first administrator).
 */
export { emitAgency, steeringCommitteesCovering } from './agency.service';
export type AgencyCreation = Pick<AgencyService, 'create'>;
