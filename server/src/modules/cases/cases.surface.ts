import type { CaseService } from './case.service';

/**
 * What other modules may ask of the cases module inside their own transaction (an action outcome
 * recording money, a coercion sharing the case with the police, a task or post checking access).
 * CaseService satisfies it; other modules are handed this type, never the class.
 */
export type CasesInTransaction = Pick<
  CaseService,
  'readable' | 'factsIfReadable' | 'changeIn' | 'transitionStep' | 'progressStep' | 'reverseProgressStep' | 'shareStep'
>;
export type { CaseChange, CaseEvent } from './case.service';
export { CaseStatus, CaseTransition, FINAL_STATUSES } from './case-lifecycle';
export { formatDong } from './money-text';
export { foldForSearch } from './search-text';
