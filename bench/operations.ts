/**
 * The requests the bench measures and the statement-count test (tests/integration/statement-counts.test.ts)
 * counts, written once so both measure the same thing: the web app's case page as one request, and the
 * write mutations with what their callers read back.
 */
import { type DefinitionNode, Kind, type OperationDefinitionNode, parse, print, type VariableDefinitionNode } from 'graphql';
import { CaseDetailDocument, CaseTasksDocument, CaseThreadDocument } from '../client/src/gql/graphql';

/** The one operation of `docs` merged (selections, variables, fragments), named `name`. */
export function mergeDocuments(name: string, docs: readonly string[]): string {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, DefinitionNode>();
  for (const text of docs) {
    for (const def of parse(text).definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
      else if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
  }
  const variables = new Map<string, VariableDefinitionNode>();
  for (const op of operations) for (const v of op.variableDefinitions ?? []) variables.set(v.variable.name.value, v);
  const merged: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: operations[0].operation,
    name: { kind: Kind.NAME, value: name },
    variableDefinitions: [...variables.values()],
    selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((op) => op.selectionSet.selections) },
  };
  return print({ kind: Kind.DOCUMENT, definitions: [merged, ...fragments.values()] });
}

/** The web app's case page (the case, its thread, its tasks: the documents it sends) as one request. */
export const CASE_PAGE = mergeDocuments('CasePage', [String(CaseDetailDocument), String(CaseThreadDocument), String(CaseTasksDocument)]);

/** CASE_PAGE's variables for one case: its last 50 posts and first 10 tasks, as the web app asks. */
export function casePageVariables(caseId: string): Record<string, unknown> {
  return { id: caseId, caseId, last: 50, first: 10 };
}

export const POST = 'mutation($input: NewPostInput!) { postToThread(input: $input) { id seq } }';
export const ASSIGN = 'mutation($input: AssignTaskInput!) { assignTask(input: $input) { id status version } }';
export const TRANSITION = 'mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { id status version } }';
export const PLAN_ACTION = 'mutation($input: PlanActionInput!) { planAction(input: $input) { id version status } }';
export const STEP_ACTION = 'mutation($input: StepActionInput!) { stepAction(input: $input) { id version status } }';
export const OUTCOME = 'mutation($input: RecordActionOutcomeInput!) { recordActionOutcome(input: $input) { id version status outcome } }';
