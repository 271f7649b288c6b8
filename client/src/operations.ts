/**
 * Every GraphQL operation of the web app. They are written with the generated `graphql()` function,
 * so `npm run codegen` turns each into a typed document in ./gql (see codegen.yml).
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

/** One page of the cases the viewer may see (newest first), with what the list table shows. */
export const casesQuery = graphql(`
  query Cases($first: Int, $after: String, $filter: CaseFilterInput) {
    cases(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          decisionNumber
          judgmentNumber
          status
          overdue
          commune {
            id
            name
          }
          parties {
            id
            name
            role
          }
          totals {
            owed
            collected
          }
        }
      }
    }
  }
`);

/**
 * Everything the (read-only) case page shows. Restricted party fields are audited on read.
 * `liveCursor` is the log position the data was read at: the live subscription starts after it.
 */
export const caseQuery = graphql(`
  query CaseDetail($id: ID!) {
    liveCursor
    case(id: $id) {
      id
      decisionNumber
      judgmentNumber
      judgmentCourt
      judgmentDate
      status
      commune {
        id
        name
      }
      leadAgency {
        id
        name
      }
      officer {
        id
        fullName
      }
      parties {
        id
        name
        role
        kind
        address
        idNumber {
          value
          hidden
          reason
        }
        phone {
          value
          hidden
          reason
        }
      }
      obligations {
        id
        kind
        description
        amountOwed
        amountCollected
        landAreaM2
        fulfilled
      }
      participants {
        role
        agency {
          id
          name
          kind
        }
      }
      totals {
        owed
        collected
        openObligations
      }
      overdue
      voluntaryPeriodEndsAt
      verificationDueAt
      decisionDueAt
      deadlines {
        kind
        dueAt
        legalSource
        passed
        missed
        actionId
      }
      urgentSecurity
      complex
      backlog
      notes
      viewerCan {
        update
        share
        transition
        readRestricted
        assignTask
        postDirective
        postRecommendation
      }
      version
    }
  }
`);

/**
 * What happens on one case, live: replayed after `after`, then as it happens. The case page only
 * needs to know that something changed (it refetches the case) and what to list as recent activity.
 */
export const caseActivitySubscription = graphql(`
  subscription CaseActivity($caseId: ID!, $after: String) {
    caseActivity(caseId: $caseId, after: $after) {
      cursor
      kind
      caseId
      occurredAt
    }
  }
`);

export const postToThreadMutation = graphql(`
  mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) {
    postToThread(input: $input, idempotencyKey: $idempotencyKey) {
      id
      seq
    }
  }
`);

export const markThreadReadMutation = graphql(`
  mutation MarkThreadRead($caseId: ID!, $upToSeq: Int) {
    markThreadRead(caseId: $caseId, upToSeq: $upToSeq) {
      caseId
      lastReadSeq
      unread
    }
  }
`);

export const assignTaskMutation = graphql(`
  mutation AssignTask($input: AssignTaskInput!, $idempotencyKey: String) {
    assignTask(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
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

/** The home page's "my work": unread inbox items, open tasks for me and my agency, unread thread posts. */
export const myWorkQuery = graphql(`
  query MyWork {
    inbox(first: 1) {
      unreadCount
    }
    myTasks(first: 1, filter: { statuses: [OPEN, ACCEPTED, IN_PROGRESS] }) {
      totalCount
    }
    unreadCounts {
      total
    }
  }
`);

/** A case's coordinated actions (schedule order), with the viewer's agency to find its invitations. */
export const caseActionsQuery = graphql(`
  query CaseActions($caseId: ID!) {
    me {
      id
      agency {
        id
      }
    }
    caseActions(caseId: $caseId) {
      id
      kind
      status
      title
      scheduledStart
      scheduledEnd
      calendarConflict
      calendarConflictAt
      place
      leadOfficer {
        id
        fullName
      }
      personCoerced
      measure
      method
      attendees
      forces
      protection
      costEstimate
      protectionPlanDueAt
      protectionPlanNote
      protectionPlanRecordedAt
      postponementReason
      postponementLate
      reason
      outcome
      minutes
      moneyCollected
      version
      invitees {
        id
        name
        role
        status
        note
        version
      }
      outcomeHistory {
        id
        outcome
        moneyCollected
        correctsId
        correctionReason
        recordedAt
        recordedBy {
          id
          fullName
        }
        collections {
          obligationId
          amountCollected
        }
      }
      participants {
        id
        required
        status
        declineReason
        version
        agency {
          id
          name
        }
      }
      viewerCan {
        plan
        respondInvitation
        recordProtectionPlan
      }
    }
  }
`);

export const planActionMutation = graphql(`
  mutation PlanAction($input: PlanActionInput!, $idempotencyKey: String) {
    planAction(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
    }
  }
`);

export const stepActionMutation = graphql(`
  mutation StepAction($input: StepActionInput!) {
    stepAction(input: $input) {
      id
      status
      version
    }
  }
`);

export const respondToInvitationMutation = graphql(`
  mutation RespondToInvitation($input: RespondInvitationInput!, $idempotencyKey: String) {
    respondToInvitation(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
    }
  }
`);

export const recordProtectionPlanMutation = graphql(`
  mutation RecordProtectionPlan($input: RecordProtectionPlanInput!) {
    recordProtectionPlan(input: $input) {
      id
      version
    }
  }
`);

export const correctActionOutcomeMutation = graphql(`
  mutation CorrectActionOutcome($input: CorrectActionOutcomeInput!, $idempotencyKey: String) {
    correctActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
    }
  }
`);

export const recordActionOutcomeMutation = graphql(`
  mutation RecordActionOutcome($input: RecordActionOutcomeInput!, $idempotencyKey: String) {
    recordActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
    }
  }
`);

export const inviteToActionMutation = graphql(`
  mutation InviteToAction($input: InviteToActionInput!) {
    inviteToAction(input: $input) {
      id
      version
    }
  }
`);

export const recordInviteeAnswerMutation = graphql(`
  mutation RecordInviteeAnswer($input: RecordInviteeAnswerInput!) {
    recordInviteeAnswer(input: $input) {
      id
      status
      version
    }
  }
`);

/** Agencies an action can invite (the directory, first page by name). */
export const inviteAgenciesQuery = graphql(`
  query InviteAgencies {
    agencies(first: 100) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);
