import type { AgencyService } from './agency.service';

/**
 * What other modules may use of the agencies module: the steering-committee lookup (escalations) and
 * creating an agency inside a shared transaction (CSV imports).
 */
export { steeringCommitteesCovering } from './agency.service';
export type AgencyCreation = Pick<AgencyService, 'create'>;
