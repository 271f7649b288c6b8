/**
 * The GraphQL documents more than one screen uses; every other document sits next to the component
 * that sends it (pages/…), and fragments next to the section that shows them. `npm run codegen`
 * types them all into ./gql (codegen.yml reads every client/src file).
 *
 * - `homeQuery`: the frame (HomePage) and the import page (which kinds the viewer may import).
 * - `transitionTaskMutation`: a task's steps, from the case page's task list and from the inbox.
 * - `NextPageFields`: where a cursor-paged list goes on (the case list, the inbox, the admin lists).
 */
import { graphql } from './gql';

/** Who is signed in: the user, their roles and their agency. */
export const homeQuery = graphql(`
  query Home {
    me {
      id
      username
      fullName
      roles
      agency {
        id
        code
        name
        kind
      }
    }
    viewerCan {
      createCase
      manageUsers
      manageAgencies
      manageAreas
      manageCalendar
      inspectSystem
      importKinds
    }
  }
`);

export const transitionTaskMutation = graphql(`
  mutation TransitionTask($input: TransitionTaskInput!, $idempotencyKey: String) {
    transitionTask(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
    }
  }
`);

/** Where a forward-paged list continues: the cursor to ask `after`, and whether there is more. */
export const nextPageFields = graphql(`
  fragment NextPageFields on PageInfo {
    endCursor
    hasNextPage
  }
`);
