/**
 * What other modules may use of the statistics module: recording a case's state interval in the
 * transaction of its change (CaseService.create/changeIn), so the as-of statistics stay exact.
 */
export { recordCaseState } from './case-state';
/** The scheduled fill of the monthly statistics snapshot (app.ts registers it on the one scheduler). */
export { registerStatisticsSnapshotJob } from './snapshot';
