/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Home {\n    me {\n      id\n      username\n      fullName\n      roles\n      agency {\n        id\n        code\n        name\n        kind\n      }\n    }\n    viewerCan {\n      createCase\n      manageUsers\n      manageAgencies\n      manageAreas\n      manageCalendar\n      inspectSystem\n      importKinds\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation TransitionTask($input: TransitionTaskInput!, $idempotencyKey: String) {\n    transitionTask(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.TransitionTaskDocument,
    "\n  fragment NextPageFields on PageInfo {\n    endCursor\n    hasNextPage\n  }\n": typeof types.NextPageFieldsFragmentDoc,
    "\n  query CaseActions($caseId: ID!) {\n    me {\n      id\n      agency {\n        id\n      }\n    }\n    caseActions(caseId: $caseId) {\n      id\n      kind\n      status\n      title\n      scheduledStart\n      scheduledEnd\n      calendarConflict\n      calendarConflictAt\n      place\n      leadOfficer {\n        id\n        fullName\n      }\n      personCoerced\n      measure\n      method\n      attendees\n      forces\n      protection\n      costEstimate\n      protectionPlanDueAt\n      protectionPlanNote\n      protectionPlanRecordedAt\n      postponementReason\n      postponementLate\n      reason\n      outcome\n      minutes\n      moneyCollected\n      version\n      invitees {\n        ...ActionInviteeFields\n      }\n      outcomeHistory {\n        ...ActionOutcomeEntryFields\n      }\n      participants {\n        id\n        required\n        status\n        declineReason\n        version\n        agency {\n          id\n          name\n        }\n      }\n      viewerCan {\n        plan\n        respondInvitation\n        recordProtectionPlan\n      }\n    }\n  }\n": typeof types.CaseActionsDocument,
    "\n  fragment ActionStateFields on CaseAction {\n    id\n    status\n    version\n  }\n": typeof types.ActionStateFieldsFragmentDoc,
    "\n  mutation PlanAction($input: PlanActionInput!, $idempotencyKey: String) {\n    planAction(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n": typeof types.PlanActionDocument,
    "\n  mutation StepAction($input: StepActionInput!) {\n    stepAction(input: $input) {\n      ...ActionStateFields\n    }\n  }\n": typeof types.StepActionDocument,
    "\n  mutation RespondToInvitation($input: RespondInvitationInput!, $idempotencyKey: String) {\n    respondToInvitation(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.RespondToInvitationDocument,
    "\n  mutation RecordProtectionPlan($input: RecordProtectionPlanInput!) {\n    recordProtectionPlan(input: $input) {\n      ...ActionStateFields\n    }\n  }\n": typeof types.RecordProtectionPlanDocument,
    "\n  query CaseDetail($id: ID!) {\n    liveCursor\n    case(id: $id) {\n      id\n      decisionNumber\n      judgmentNumber\n      judgmentCourt\n      judgmentDate\n      status\n      commune {\n        id\n        name\n      }\n      leadAgency {\n        id\n        name\n      }\n      officer {\n        id\n        fullName\n      }\n      parties {\n        id\n        name\n        role\n        kind\n        address\n        idNumber {\n          value\n          hidden\n          reason\n        }\n        phone {\n          value\n          hidden\n          reason\n        }\n      }\n      obligations {\n        id\n        kind\n        description\n        amountOwed\n        amountCollected\n        landAreaM2\n        fulfilled\n      }\n      participants {\n        role\n        agency {\n          id\n          name\n          kind\n        }\n      }\n      totals {\n        owed\n        collected\n        openObligations\n      }\n      overdue\n      voluntaryPeriodEndsAt\n      verificationDueAt\n      decisionDueAt\n      deadlines {\n        kind\n        dueAt\n        legalSource\n        passed\n        missed\n        actionId\n      }\n      urgentSecurity\n      complex\n      backlog\n      notes\n      viewerCan {\n        update\n        share\n        transition\n        readRestricted\n        assignTask\n        postDirective\n        postRecommendation\n      }\n      version\n    }\n  }\n": typeof types.CaseDetailDocument,
    "\n  subscription CaseActivity($caseId: ID!, $after: String) {\n    caseActivity(caseId: $caseId, after: $after) {\n      cursor\n      kind\n      caseId\n      occurredAt\n    }\n  }\n": typeof types.CaseActivityDocument,
    "\n  query Cases($first: Int, $after: String, $filter: CaseFilterInput) {\n    cases(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          decisionNumber\n          judgmentNumber\n          status\n          overdue\n          commune {\n            id\n            name\n          }\n          parties {\n            id\n            name\n            role\n          }\n          totals {\n            owed\n            collected\n          }\n        }\n      }\n    }\n  }\n": typeof types.CasesDocument,
    "\n  query CaseListUnread($caseIds: [ID!]) {\n    unreadCounts(caseIds: $caseIds) {\n      cases {\n        caseId\n        unread\n      }\n    }\n  }\n": typeof types.CaseListUnreadDocument,
    "\n  mutation AssignTask($input: AssignTaskInput!, $idempotencyKey: String) {\n    assignTask(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": typeof types.AssignTaskDocument,
    "\n  fragment TaskCard on Task {\n    id\n    title\n    kind\n    status\n    dueAt\n    overdue\n    reason\n    version\n    assigneeAgency {\n      id\n      name\n    }\n    viewerCan {\n      respond\n      cancel\n    }\n  }\n": typeof types.TaskCardFragmentDoc,
    "\n  query CaseTasks($caseId: ID!, $first: Int) {\n    caseTasks(caseId: $caseId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...TaskCard\n        }\n      }\n    }\n  }\n": typeof types.CaseTasksDocument,
    "\n  mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) {\n    postToThread(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n    }\n  }\n": typeof types.PostToThreadDocument,
    "\n  mutation MarkThreadRead($caseId: ID!, $upToSeq: Int) {\n    markThreadRead(caseId: $caseId, upToSeq: $upToSeq) {\n      caseId\n      lastReadSeq\n      unread\n    }\n  }\n": typeof types.MarkThreadReadDocument,
    "\n  fragment ThreadPost on Post {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    unread\n    author {\n      id\n      fullName\n    }\n    authorAgency {\n      id\n      name\n    }\n  }\n": typeof types.ThreadPostFragmentDoc,
    "\n  query CaseThread($caseId: ID!, $last: Int, $before: String) {\n    caseThread(caseId: $caseId, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        startCursor\n        hasPreviousPage\n      }\n      edges {\n        cursor\n        node {\n          ...ThreadPost\n        }\n      }\n    }\n  }\n": typeof types.CaseThreadDocument,
    "\n  fragment StatisticsRateFields on StatisticsRate {\n    numerator\n    denominator\n    percent\n    target\n    gap\n    met\n  }\n": typeof types.StatisticsRateFieldsFragmentDoc,
    "\n  fragment StatisticsRowsFields on StatisticsRows {\n    carriedOver {\n      cases\n      money\n    }\n    newlyAccepted {\n      cases\n      money\n    }\n    totalAccepted {\n      cases\n      money\n    }\n    entrustedOut {\n      cases\n      money\n    }\n    totalToEnforce {\n      cases\n      money\n    }\n    notYetEnforceable {\n      cases\n      money\n    }\n    enforceable {\n      cases\n      money\n    }\n    completed {\n      cases\n      money\n    }\n    completedFullyCases\n    completedTerminatedCases\n    completedPartlyCases\n    terminatedUncollectedMoney\n    postponed {\n      cases\n      money\n    }\n    suspended {\n      cases\n      money\n    }\n    inProgress {\n      cases\n      money\n    }\n    carriedToNext {\n      cases\n      money\n    }\n    caseRate {\n      ...StatisticsRateFields\n    }\n    moneyRate {\n      ...StatisticsRateFields\n    }\n  }\n": typeof types.StatisticsRowsFieldsFragmentDoc,
    "\n  query Dashboard($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput, $year: Int) {\n    statistics(period: $period, scope: $scope) {\n      scope {\n        kind\n        name\n      }\n      period {\n        kind\n        statisticalYear\n        number\n        firstDay\n        lastDay\n      }\n      totals {\n        ...StatisticsRowsFields\n      }\n      byAgency {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n      byCommune {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n      byOfficer {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n    }\n    statisticsTrend(statisticalYear: $year, scope: $scope) {\n      month\n      caseRate {\n        percent\n        target\n      }\n      moneyRate {\n        percent\n        target\n      }\n    }\n    stuckOverview(scope: $scope) {\n      backlogCases\n      hardCases\n      overdueTasks\n      overdueByAgency {\n        agencyId\n        agencyName\n        tasks\n        cases\n        maxDaysOverdue\n      }\n      escalationsAwaiting\n      upcomingCoercions {\n        actionId\n        caseId\n        decisionNumber\n        title\n        scheduledStart\n        sentToProcuracy\n        sentToPolice\n        sentToCommune\n        protectionPlanReceived\n        participantsInvited\n        participantsConfirmed\n      }\n      persuasionVisitsPlanned\n      persuasionOutcomes {\n        outcome\n        visits\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query StatisticsCases($period: StatisticsPeriodInput!, $row: StatisticsRow!, $scope: StatisticsScopeInput, $first: Int) {\n    statisticsCases(period: $period, row: $row, scope: $scope, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...DrillCase\n        }\n      }\n    }\n  }\n": typeof types.StatisticsCasesDocument,
    "\n  query StuckCases($list: StuckList!, $scope: StatisticsScopeInput, $agencyId: ID, $first: Int) {\n    stuckCases(list: $list, scope: $scope, agencyId: $agencyId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...DrillCase\n        }\n      }\n    }\n  }\n": typeof types.StuckCasesDocument,
    "\n  fragment DrillCase on Case {\n    id\n    decisionNumber\n    status\n    commune {\n      id\n      name\n    }\n  }\n": typeof types.DrillCaseFragmentDoc,
    "\n  subscription StatisticsChanged {\n    statisticsChanged {\n      changedAt\n      cases\n    }\n  }\n": typeof types.StatisticsChangedDocument,
    "\n  query MyWork {\n    inbox(first: 1) {\n      unreadCount\n    }\n    myTasks(first: 1, filter: { statuses: [OPEN, ACCEPTED, IN_PROGRESS] }) {\n      totalCount\n    }\n    unreadCounts {\n      total\n      more\n    }\n  }\n": typeof types.MyWorkDocument,
    "\n  subscription MyFeed($after: String) {\n    myFeed(after: $after) {\n      cursor\n      kind\n      caseId\n      occurredAt\n    }\n  }\n": typeof types.MyFeedDocument,
    "\n  query About {\n    serverInfo {\n      version\n      instanceId\n      eventBus\n    }\n  }\n": typeof types.AboutDocument,
    "\n  fragment InboxItemFields on InboxItem {\n    id\n    type\n    category\n    occurredAt\n    unread\n    actor {\n      id\n      fullName\n    }\n    case {\n      id\n      decisionNumber\n    }\n    task {\n      id\n      title\n      status\n      version\n      viewerCan {\n        respond\n      }\n    }\n  }\n": typeof types.InboxItemFieldsFragmentDoc,
    "\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...InboxItemFields\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query InboxBadge {\n    inbox(first: 1) {\n      unreadCount\n    }\n  }\n": typeof types.InboxBadgeDocument,
    "\n  mutation MarkInboxRead($ids: [String!]) {\n    markInboxRead(ids: $ids) {\n      unreadCount\n    }\n  }\n": typeof types.MarkInboxReadDocument,
    "\n  fragment StatisticsTargetFields on StatisticsTarget {\n    id\n    agencyId\n    agencyName\n    statisticalYear\n    caseRatePercent\n    moneyRatePercent\n    version\n  }\n": typeof types.StatisticsTargetFieldsFragmentDoc,
    "\n  query StatisticsTargets($year: Int!) {\n    statisticsTargets(statisticalYear: $year) {\n      ...StatisticsTargetFields\n    }\n  }\n": typeof types.StatisticsTargetsDocument,
    "\n  mutation SetStatisticsTarget($input: SetStatisticsTargetInput!) {\n    setStatisticsTarget(input: $input) {\n      ...StatisticsTargetFields\n    }\n  }\n": typeof types.SetStatisticsTargetDocument,
    "\n  mutation CorrectActionOutcome($input: CorrectActionOutcomeInput!, $idempotencyKey: String) {\n    correctActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n": typeof types.CorrectActionOutcomeDocument,
    "\n  mutation RecordActionOutcome($input: RecordActionOutcomeInput!, $idempotencyKey: String) {\n    recordActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n": typeof types.RecordActionOutcomeDocument,
    "\n  mutation InviteToAction($input: InviteToActionInput!) {\n    inviteToAction(input: $input) {\n      ...ActionStateFields\n    }\n  }\n": typeof types.InviteToActionDocument,
    "\n  mutation RecordInviteeAnswer($input: RecordInviteeAnswerInput!) {\n    recordInviteeAnswer(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.RecordInviteeAnswerDocument,
    "\n  query InviteAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.InviteAgenciesDocument,
    "\n  fragment ActionInviteeFields on ActionInvitee {\n    id\n    name\n    role\n    status\n    note\n    version\n  }\n": typeof types.ActionInviteeFieldsFragmentDoc,
    "\n  fragment ActionOutcomeEntryFields on ActionOutcomeEntry {\n    id\n    outcome\n    moneyCollected\n    correctsId\n    correctionReason\n    recordedAt\n    recordedBy {\n      id\n      fullName\n    }\n    collections {\n      obligationId\n      amountCollected\n    }\n  }\n": typeof types.ActionOutcomeEntryFieldsFragmentDoc,
    "\n  query AdminUsers($first: Int, $after: String, $filter: UserFilterInput) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          id\n          username\n          fullName\n          roles\n          active\n          version\n          agency {\n            id\n            name\n          }\n          viewerCan {\n            update\n            deactivate\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation UpdateUserRoles($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      roles\n      agency {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateUserRolesDocument,
    "\n  fragment AdminAgencyRowFields on Agency {\n    id\n    code\n    name\n    kind\n    active\n    version\n    coveredAreas {\n      id\n      name\n    }\n  }\n": typeof types.AdminAgencyRowFieldsFragmentDoc,
    "\n  query AdminAgencies($first: Int, $after: String, $filter: AgencyFilterInput) {\n    agencies(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...AdminAgencyRowFields\n        }\n      }\n    }\n  }\n": typeof types.AdminAgenciesDocument,
    "\n  fragment AdminAreaRowFields on Area {\n    id\n    code\n    name\n    kind\n    active\n    parent {\n      id\n      name\n    }\n  }\n": typeof types.AdminAreaRowFieldsFragmentDoc,
    "\n  query AdminAreas($first: Int, $after: String, $filter: AreaFilterInput) {\n    areas(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...AdminAreaRowFields\n        }\n      }\n    }\n  }\n": typeof types.AdminAreasDocument,
    "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.AdminDeactivateUserDocument,
    "\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.AdminReactivateUserDocument,
    "\n  mutation AdminResetPassword($id: ID!, $newPassword: String!) {\n    resetUserPassword(id: $id, newPassword: $newPassword) {\n      id\n    }\n  }\n": typeof types.AdminResetPasswordDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateAgency($input: UpdateAgencyInput!) {\n    updateAgency(input: $input) {\n      id\n      active\n    }\n  }\n": typeof types.AdminUpdateAgencyDocument,
    "\n  mutation AdminCreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateAgencyDocument,
    "\n  mutation AdminUpdateArea($input: UpdateAreaInput!) {\n    updateArea(input: $input) {\n      id\n      active\n    }\n  }\n": typeof types.AdminUpdateAreaDocument,
    "\n  mutation AdminCreateArea($input: CreateAreaInput!) {\n    createArea(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateAreaDocument,
    "\n  query CalendarYear($from: String!, $to: String!, $year: Int!) {\n    calendarDays(from: $from, to: $to) {\n      date\n      kind\n      name\n      source\n    }\n    tetWindow(year: $year) {\n      year\n      tet\n      firstDay\n      lastDay\n      origin\n      source\n      ruleFirstDay\n      ruleLastDay\n      directiveNumber\n      directiveDate\n    }\n  }\n": typeof types.CalendarYearDocument,
    "\n  fragment CalendarRecalculationFields on CalendarRecalculation {\n    cases\n    protectionPlans\n    tasks\n    coercionsFlagged\n    coercionsCleared\n  }\n": typeof types.CalendarRecalculationFieldsFragmentDoc,
    "\n  mutation CalendarRemoveDirective($tetYear: Int!) {\n    removeTetDirective(tetYear: $tetYear) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": typeof types.CalendarRemoveDirectiveDocument,
    "\n  mutation CalendarRemoveDay($date: String!) {\n    removeCalendarDay(date: $date) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": typeof types.CalendarRemoveDayDocument,
    "\n  mutation CalendarAddDay($input: AddCalendarDayInput!) {\n    addCalendarDay(input: $input) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": typeof types.CalendarAddDayDocument,
    "\n  mutation CalendarSetDirective($input: SetTetDirectiveInput!) {\n    setTetDirective(input: $input) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": typeof types.CalendarSetDirectiveDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      kind\n      state\n      processed\n      total\n      rows\n      created\n      unchanged\n      skipped\n      failure\n      errors {\n        row\n        column\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  query CaseLegal($id: ID!) {\n    case(id: $id) {\n      id\n      version\n      status\n      recordingClosed {\n        reason\n        legalSource\n      }\n      publicNotice {\n        debtors {\n          name\n          address\n        }\n        obligations\n        legalSource\n        text\n      }\n      sameJudgmentCases {\n        caseId\n        decisionNumber\n        leadAgencyName\n        status\n        terminatedOnWithdrawal\n      }\n      sameDebtorCases {\n        caseId\n        decisionNumber\n        leadAgencyName\n        status\n      }\n      accountFreezes {\n        id\n        recordedAt\n        decisionDueAt\n        decidedAt\n        decisionNumber\n        note\n      }\n      urgentFreezeSource\n      viewerCan {\n        update\n      }\n    }\n  }\n": typeof types.CaseLegalDocument,
    "\n  mutation CaseRecordUrgentFreeze($input: RecordUrgentFreezeInput!, $idempotencyKey: String) {\n    recordUrgentFreeze(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": typeof types.CaseRecordUrgentFreezeDocument,
    "\n  mutation CaseRecordFreezeDecision($input: RecordFreezeDecisionInput!) {\n    recordFreezeDecision(input: $input) {\n      id\n    }\n  }\n": typeof types.CaseRecordFreezeDecisionDocument,
    "\n  mutation UpdateCaseParty($input: UpdateCasePartyInput!) {\n    updateCaseParty(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateCasePartyDocument,
    "\n  mutation RemoveCaseParty($input: RemoveCasePartyInput!) {\n    removeCaseParty(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.RemoveCasePartyDocument,
    "\n  mutation UpdateObligation($input: UpdateObligationInput!) {\n    updateObligation(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateObligationDocument,
    "\n  mutation RemoveObligation($input: RemoveObligationInput!) {\n    removeObligation(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.RemoveObligationDocument,
    "\n  query CaseEdit($id: ID!) {\n    case(id: $id) {\n      id\n      version\n      status\n      decisionNumber\n      judgmentNumber\n      judgmentCourt\n      judgmentDate\n      kind\n      complex\n      backlog\n      urgentSecurity\n      notes\n      officer {\n        id\n      }\n      leadAgency {\n        id\n      }\n      participants {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        name\n        role\n        kind\n        address\n      }\n      obligations {\n        id\n        kind\n        description\n        amountOwed\n        landAreaM2\n        debtorId\n        creditorId\n      }\n      availableTransitions {\n        transition\n        to\n        legalSource\n        needsReason\n      }\n      viewerCan {\n        update\n        share\n        transition\n      }\n    }\n  }\n": typeof types.CaseEditDocument,
    "\n  query CaseEditChoices($agencyId: ID) {\n    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {\n      edges {\n        node {\n          id\n          fullName\n        }\n      }\n    }\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CaseEditChoicesDocument,
    "\n  mutation UpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateCaseDocument,
    "\n  mutation TransitionCase($input: TransitionCaseInput!) {\n    transitionCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.TransitionCaseDocument,
    "\n  mutation ShareCase($input: ShareCaseInput!) {\n    shareCase(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.ShareCaseDocument,
    "\n  mutation UnshareCase($input: UnshareCaseInput!) {\n    unshareCase(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UnshareCaseDocument,
    "\n  mutation AddCaseParty($caseId: ID!, $version: Int!, $party: PartyInput!) {\n    addCaseParty(caseId: $caseId, version: $version, party: $party) {\n      id\n      version\n    }\n  }\n": typeof types.AddCasePartyDocument,
    "\n  mutation AddObligation($input: AddObligationInput!) {\n    addObligation(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.AddObligationDocument,
    "\n  query IntakeChoices($agencyId: ID) {\n    me {\n      id\n      agency {\n        id\n      }\n    }\n    areas(first: 100, filter: { kind: COMMUNE }) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {\n      edges {\n        node {\n          id\n          fullName\n        }\n      }\n    }\n  }\n": typeof types.IntakeChoicesDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!, $idempotencyKey: String) {\n    createCase(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": typeof types.CreateCaseDocument,
    "\n  query StatisticsAccess {\n    statisticsAccess {\n      dashboard\n      currentStatisticalYear\n      statisticalYears\n      offices {\n        id\n        name\n      }\n      targetOffices {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StatisticsAccessDocument,
};
const documents: Documents = {
    "\n  query Home {\n    me {\n      id\n      username\n      fullName\n      roles\n      agency {\n        id\n        code\n        name\n        kind\n      }\n    }\n    viewerCan {\n      createCase\n      manageUsers\n      manageAgencies\n      manageAreas\n      manageCalendar\n      inspectSystem\n      importKinds\n    }\n  }\n": types.HomeDocument,
    "\n  mutation TransitionTask($input: TransitionTaskInput!, $idempotencyKey: String) {\n    transitionTask(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      version\n    }\n  }\n": types.TransitionTaskDocument,
    "\n  fragment NextPageFields on PageInfo {\n    endCursor\n    hasNextPage\n  }\n": types.NextPageFieldsFragmentDoc,
    "\n  query CaseActions($caseId: ID!) {\n    me {\n      id\n      agency {\n        id\n      }\n    }\n    caseActions(caseId: $caseId) {\n      id\n      kind\n      status\n      title\n      scheduledStart\n      scheduledEnd\n      calendarConflict\n      calendarConflictAt\n      place\n      leadOfficer {\n        id\n        fullName\n      }\n      personCoerced\n      measure\n      method\n      attendees\n      forces\n      protection\n      costEstimate\n      protectionPlanDueAt\n      protectionPlanNote\n      protectionPlanRecordedAt\n      postponementReason\n      postponementLate\n      reason\n      outcome\n      minutes\n      moneyCollected\n      version\n      invitees {\n        ...ActionInviteeFields\n      }\n      outcomeHistory {\n        ...ActionOutcomeEntryFields\n      }\n      participants {\n        id\n        required\n        status\n        declineReason\n        version\n        agency {\n          id\n          name\n        }\n      }\n      viewerCan {\n        plan\n        respondInvitation\n        recordProtectionPlan\n      }\n    }\n  }\n": types.CaseActionsDocument,
    "\n  fragment ActionStateFields on CaseAction {\n    id\n    status\n    version\n  }\n": types.ActionStateFieldsFragmentDoc,
    "\n  mutation PlanAction($input: PlanActionInput!, $idempotencyKey: String) {\n    planAction(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n": types.PlanActionDocument,
    "\n  mutation StepAction($input: StepActionInput!) {\n    stepAction(input: $input) {\n      ...ActionStateFields\n    }\n  }\n": types.StepActionDocument,
    "\n  mutation RespondToInvitation($input: RespondInvitationInput!, $idempotencyKey: String) {\n    respondToInvitation(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      version\n    }\n  }\n": types.RespondToInvitationDocument,
    "\n  mutation RecordProtectionPlan($input: RecordProtectionPlanInput!) {\n    recordProtectionPlan(input: $input) {\n      ...ActionStateFields\n    }\n  }\n": types.RecordProtectionPlanDocument,
    "\n  query CaseDetail($id: ID!) {\n    liveCursor\n    case(id: $id) {\n      id\n      decisionNumber\n      judgmentNumber\n      judgmentCourt\n      judgmentDate\n      status\n      commune {\n        id\n        name\n      }\n      leadAgency {\n        id\n        name\n      }\n      officer {\n        id\n        fullName\n      }\n      parties {\n        id\n        name\n        role\n        kind\n        address\n        idNumber {\n          value\n          hidden\n          reason\n        }\n        phone {\n          value\n          hidden\n          reason\n        }\n      }\n      obligations {\n        id\n        kind\n        description\n        amountOwed\n        amountCollected\n        landAreaM2\n        fulfilled\n      }\n      participants {\n        role\n        agency {\n          id\n          name\n          kind\n        }\n      }\n      totals {\n        owed\n        collected\n        openObligations\n      }\n      overdue\n      voluntaryPeriodEndsAt\n      verificationDueAt\n      decisionDueAt\n      deadlines {\n        kind\n        dueAt\n        legalSource\n        passed\n        missed\n        actionId\n      }\n      urgentSecurity\n      complex\n      backlog\n      notes\n      viewerCan {\n        update\n        share\n        transition\n        readRestricted\n        assignTask\n        postDirective\n        postRecommendation\n      }\n      version\n    }\n  }\n": types.CaseDetailDocument,
    "\n  subscription CaseActivity($caseId: ID!, $after: String) {\n    caseActivity(caseId: $caseId, after: $after) {\n      cursor\n      kind\n      caseId\n      occurredAt\n    }\n  }\n": types.CaseActivityDocument,
    "\n  query Cases($first: Int, $after: String, $filter: CaseFilterInput) {\n    cases(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          decisionNumber\n          judgmentNumber\n          status\n          overdue\n          commune {\n            id\n            name\n          }\n          parties {\n            id\n            name\n            role\n          }\n          totals {\n            owed\n            collected\n          }\n        }\n      }\n    }\n  }\n": types.CasesDocument,
    "\n  query CaseListUnread($caseIds: [ID!]) {\n    unreadCounts(caseIds: $caseIds) {\n      cases {\n        caseId\n        unread\n      }\n    }\n  }\n": types.CaseListUnreadDocument,
    "\n  mutation AssignTask($input: AssignTaskInput!, $idempotencyKey: String) {\n    assignTask(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": types.AssignTaskDocument,
    "\n  fragment TaskCard on Task {\n    id\n    title\n    kind\n    status\n    dueAt\n    overdue\n    reason\n    version\n    assigneeAgency {\n      id\n      name\n    }\n    viewerCan {\n      respond\n      cancel\n    }\n  }\n": types.TaskCardFragmentDoc,
    "\n  query CaseTasks($caseId: ID!, $first: Int) {\n    caseTasks(caseId: $caseId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...TaskCard\n        }\n      }\n    }\n  }\n": types.CaseTasksDocument,
    "\n  mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) {\n    postToThread(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n    }\n  }\n": types.PostToThreadDocument,
    "\n  mutation MarkThreadRead($caseId: ID!, $upToSeq: Int) {\n    markThreadRead(caseId: $caseId, upToSeq: $upToSeq) {\n      caseId\n      lastReadSeq\n      unread\n    }\n  }\n": types.MarkThreadReadDocument,
    "\n  fragment ThreadPost on Post {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    unread\n    author {\n      id\n      fullName\n    }\n    authorAgency {\n      id\n      name\n    }\n  }\n": types.ThreadPostFragmentDoc,
    "\n  query CaseThread($caseId: ID!, $last: Int, $before: String) {\n    caseThread(caseId: $caseId, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        startCursor\n        hasPreviousPage\n      }\n      edges {\n        cursor\n        node {\n          ...ThreadPost\n        }\n      }\n    }\n  }\n": types.CaseThreadDocument,
    "\n  fragment StatisticsRateFields on StatisticsRate {\n    numerator\n    denominator\n    percent\n    target\n    gap\n    met\n  }\n": types.StatisticsRateFieldsFragmentDoc,
    "\n  fragment StatisticsRowsFields on StatisticsRows {\n    carriedOver {\n      cases\n      money\n    }\n    newlyAccepted {\n      cases\n      money\n    }\n    totalAccepted {\n      cases\n      money\n    }\n    entrustedOut {\n      cases\n      money\n    }\n    totalToEnforce {\n      cases\n      money\n    }\n    notYetEnforceable {\n      cases\n      money\n    }\n    enforceable {\n      cases\n      money\n    }\n    completed {\n      cases\n      money\n    }\n    completedFullyCases\n    completedTerminatedCases\n    completedPartlyCases\n    terminatedUncollectedMoney\n    postponed {\n      cases\n      money\n    }\n    suspended {\n      cases\n      money\n    }\n    inProgress {\n      cases\n      money\n    }\n    carriedToNext {\n      cases\n      money\n    }\n    caseRate {\n      ...StatisticsRateFields\n    }\n    moneyRate {\n      ...StatisticsRateFields\n    }\n  }\n": types.StatisticsRowsFieldsFragmentDoc,
    "\n  query Dashboard($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput, $year: Int) {\n    statistics(period: $period, scope: $scope) {\n      scope {\n        kind\n        name\n      }\n      period {\n        kind\n        statisticalYear\n        number\n        firstDay\n        lastDay\n      }\n      totals {\n        ...StatisticsRowsFields\n      }\n      byAgency {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n      byCommune {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n      byOfficer {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n    }\n    statisticsTrend(statisticalYear: $year, scope: $scope) {\n      month\n      caseRate {\n        percent\n        target\n      }\n      moneyRate {\n        percent\n        target\n      }\n    }\n    stuckOverview(scope: $scope) {\n      backlogCases\n      hardCases\n      overdueTasks\n      overdueByAgency {\n        agencyId\n        agencyName\n        tasks\n        cases\n        maxDaysOverdue\n      }\n      escalationsAwaiting\n      upcomingCoercions {\n        actionId\n        caseId\n        decisionNumber\n        title\n        scheduledStart\n        sentToProcuracy\n        sentToPolice\n        sentToCommune\n        protectionPlanReceived\n        participantsInvited\n        participantsConfirmed\n      }\n      persuasionVisitsPlanned\n      persuasionOutcomes {\n        outcome\n        visits\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query StatisticsCases($period: StatisticsPeriodInput!, $row: StatisticsRow!, $scope: StatisticsScopeInput, $first: Int) {\n    statisticsCases(period: $period, row: $row, scope: $scope, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...DrillCase\n        }\n      }\n    }\n  }\n": types.StatisticsCasesDocument,
    "\n  query StuckCases($list: StuckList!, $scope: StatisticsScopeInput, $agencyId: ID, $first: Int) {\n    stuckCases(list: $list, scope: $scope, agencyId: $agencyId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...DrillCase\n        }\n      }\n    }\n  }\n": types.StuckCasesDocument,
    "\n  fragment DrillCase on Case {\n    id\n    decisionNumber\n    status\n    commune {\n      id\n      name\n    }\n  }\n": types.DrillCaseFragmentDoc,
    "\n  subscription StatisticsChanged {\n    statisticsChanged {\n      changedAt\n      cases\n    }\n  }\n": types.StatisticsChangedDocument,
    "\n  query MyWork {\n    inbox(first: 1) {\n      unreadCount\n    }\n    myTasks(first: 1, filter: { statuses: [OPEN, ACCEPTED, IN_PROGRESS] }) {\n      totalCount\n    }\n    unreadCounts {\n      total\n      more\n    }\n  }\n": types.MyWorkDocument,
    "\n  subscription MyFeed($after: String) {\n    myFeed(after: $after) {\n      cursor\n      kind\n      caseId\n      occurredAt\n    }\n  }\n": types.MyFeedDocument,
    "\n  query About {\n    serverInfo {\n      version\n      instanceId\n      eventBus\n    }\n  }\n": types.AboutDocument,
    "\n  fragment InboxItemFields on InboxItem {\n    id\n    type\n    category\n    occurredAt\n    unread\n    actor {\n      id\n      fullName\n    }\n    case {\n      id\n      decisionNumber\n    }\n    task {\n      id\n      title\n      status\n      version\n      viewerCan {\n        respond\n      }\n    }\n  }\n": types.InboxItemFieldsFragmentDoc,
    "\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...InboxItemFields\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query InboxBadge {\n    inbox(first: 1) {\n      unreadCount\n    }\n  }\n": types.InboxBadgeDocument,
    "\n  mutation MarkInboxRead($ids: [String!]) {\n    markInboxRead(ids: $ids) {\n      unreadCount\n    }\n  }\n": types.MarkInboxReadDocument,
    "\n  fragment StatisticsTargetFields on StatisticsTarget {\n    id\n    agencyId\n    agencyName\n    statisticalYear\n    caseRatePercent\n    moneyRatePercent\n    version\n  }\n": types.StatisticsTargetFieldsFragmentDoc,
    "\n  query StatisticsTargets($year: Int!) {\n    statisticsTargets(statisticalYear: $year) {\n      ...StatisticsTargetFields\n    }\n  }\n": types.StatisticsTargetsDocument,
    "\n  mutation SetStatisticsTarget($input: SetStatisticsTargetInput!) {\n    setStatisticsTarget(input: $input) {\n      ...StatisticsTargetFields\n    }\n  }\n": types.SetStatisticsTargetDocument,
    "\n  mutation CorrectActionOutcome($input: CorrectActionOutcomeInput!, $idempotencyKey: String) {\n    correctActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n": types.CorrectActionOutcomeDocument,
    "\n  mutation RecordActionOutcome($input: RecordActionOutcomeInput!, $idempotencyKey: String) {\n    recordActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n": types.RecordActionOutcomeDocument,
    "\n  mutation InviteToAction($input: InviteToActionInput!) {\n    inviteToAction(input: $input) {\n      ...ActionStateFields\n    }\n  }\n": types.InviteToActionDocument,
    "\n  mutation RecordInviteeAnswer($input: RecordInviteeAnswerInput!) {\n    recordInviteeAnswer(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.RecordInviteeAnswerDocument,
    "\n  query InviteAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.InviteAgenciesDocument,
    "\n  fragment ActionInviteeFields on ActionInvitee {\n    id\n    name\n    role\n    status\n    note\n    version\n  }\n": types.ActionInviteeFieldsFragmentDoc,
    "\n  fragment ActionOutcomeEntryFields on ActionOutcomeEntry {\n    id\n    outcome\n    moneyCollected\n    correctsId\n    correctionReason\n    recordedAt\n    recordedBy {\n      id\n      fullName\n    }\n    collections {\n      obligationId\n      amountCollected\n    }\n  }\n": types.ActionOutcomeEntryFieldsFragmentDoc,
    "\n  query AdminUsers($first: Int, $after: String, $filter: UserFilterInput) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          id\n          username\n          fullName\n          roles\n          active\n          version\n          agency {\n            id\n            name\n          }\n          viewerCan {\n            update\n            deactivate\n          }\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation UpdateUserRoles($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      roles\n      agency {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateUserRolesDocument,
    "\n  fragment AdminAgencyRowFields on Agency {\n    id\n    code\n    name\n    kind\n    active\n    version\n    coveredAreas {\n      id\n      name\n    }\n  }\n": types.AdminAgencyRowFieldsFragmentDoc,
    "\n  query AdminAgencies($first: Int, $after: String, $filter: AgencyFilterInput) {\n    agencies(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...AdminAgencyRowFields\n        }\n      }\n    }\n  }\n": types.AdminAgenciesDocument,
    "\n  fragment AdminAreaRowFields on Area {\n    id\n    code\n    name\n    kind\n    active\n    parent {\n      id\n      name\n    }\n  }\n": types.AdminAreaRowFieldsFragmentDoc,
    "\n  query AdminAreas($first: Int, $after: String, $filter: AreaFilterInput) {\n    areas(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...AdminAreaRowFields\n        }\n      }\n    }\n  }\n": types.AdminAreasDocument,
    "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.AdminDeactivateUserDocument,
    "\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.AdminReactivateUserDocument,
    "\n  mutation AdminResetPassword($id: ID!, $newPassword: String!) {\n    resetUserPassword(id: $id, newPassword: $newPassword) {\n      id\n    }\n  }\n": types.AdminResetPasswordDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateAgency($input: UpdateAgencyInput!) {\n    updateAgency(input: $input) {\n      id\n      active\n    }\n  }\n": types.AdminUpdateAgencyDocument,
    "\n  mutation AdminCreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateAgencyDocument,
    "\n  mutation AdminUpdateArea($input: UpdateAreaInput!) {\n    updateArea(input: $input) {\n      id\n      active\n    }\n  }\n": types.AdminUpdateAreaDocument,
    "\n  mutation AdminCreateArea($input: CreateAreaInput!) {\n    createArea(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateAreaDocument,
    "\n  query CalendarYear($from: String!, $to: String!, $year: Int!) {\n    calendarDays(from: $from, to: $to) {\n      date\n      kind\n      name\n      source\n    }\n    tetWindow(year: $year) {\n      year\n      tet\n      firstDay\n      lastDay\n      origin\n      source\n      ruleFirstDay\n      ruleLastDay\n      directiveNumber\n      directiveDate\n    }\n  }\n": types.CalendarYearDocument,
    "\n  fragment CalendarRecalculationFields on CalendarRecalculation {\n    cases\n    protectionPlans\n    tasks\n    coercionsFlagged\n    coercionsCleared\n  }\n": types.CalendarRecalculationFieldsFragmentDoc,
    "\n  mutation CalendarRemoveDirective($tetYear: Int!) {\n    removeTetDirective(tetYear: $tetYear) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": types.CalendarRemoveDirectiveDocument,
    "\n  mutation CalendarRemoveDay($date: String!) {\n    removeCalendarDay(date: $date) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": types.CalendarRemoveDayDocument,
    "\n  mutation CalendarAddDay($input: AddCalendarDayInput!) {\n    addCalendarDay(input: $input) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": types.CalendarAddDayDocument,
    "\n  mutation CalendarSetDirective($input: SetTetDirectiveInput!) {\n    setTetDirective(input: $input) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n": types.CalendarSetDirectiveDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      kind\n      state\n      processed\n      total\n      rows\n      created\n      unchanged\n      skipped\n      failure\n      errors {\n        row\n        column\n        code\n        message\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  query CaseLegal($id: ID!) {\n    case(id: $id) {\n      id\n      version\n      status\n      recordingClosed {\n        reason\n        legalSource\n      }\n      publicNotice {\n        debtors {\n          name\n          address\n        }\n        obligations\n        legalSource\n        text\n      }\n      sameJudgmentCases {\n        caseId\n        decisionNumber\n        leadAgencyName\n        status\n        terminatedOnWithdrawal\n      }\n      sameDebtorCases {\n        caseId\n        decisionNumber\n        leadAgencyName\n        status\n      }\n      accountFreezes {\n        id\n        recordedAt\n        decisionDueAt\n        decidedAt\n        decisionNumber\n        note\n      }\n      urgentFreezeSource\n      viewerCan {\n        update\n      }\n    }\n  }\n": types.CaseLegalDocument,
    "\n  mutation CaseRecordUrgentFreeze($input: RecordUrgentFreezeInput!, $idempotencyKey: String) {\n    recordUrgentFreeze(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": types.CaseRecordUrgentFreezeDocument,
    "\n  mutation CaseRecordFreezeDecision($input: RecordFreezeDecisionInput!) {\n    recordFreezeDecision(input: $input) {\n      id\n    }\n  }\n": types.CaseRecordFreezeDecisionDocument,
    "\n  mutation UpdateCaseParty($input: UpdateCasePartyInput!) {\n    updateCaseParty(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateCasePartyDocument,
    "\n  mutation RemoveCaseParty($input: RemoveCasePartyInput!) {\n    removeCaseParty(input: $input) {\n      id\n      version\n    }\n  }\n": types.RemoveCasePartyDocument,
    "\n  mutation UpdateObligation($input: UpdateObligationInput!) {\n    updateObligation(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateObligationDocument,
    "\n  mutation RemoveObligation($input: RemoveObligationInput!) {\n    removeObligation(input: $input) {\n      id\n      version\n    }\n  }\n": types.RemoveObligationDocument,
    "\n  query CaseEdit($id: ID!) {\n    case(id: $id) {\n      id\n      version\n      status\n      decisionNumber\n      judgmentNumber\n      judgmentCourt\n      judgmentDate\n      kind\n      complex\n      backlog\n      urgentSecurity\n      notes\n      officer {\n        id\n      }\n      leadAgency {\n        id\n      }\n      participants {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        name\n        role\n        kind\n        address\n      }\n      obligations {\n        id\n        kind\n        description\n        amountOwed\n        landAreaM2\n        debtorId\n        creditorId\n      }\n      availableTransitions {\n        transition\n        to\n        legalSource\n        needsReason\n      }\n      viewerCan {\n        update\n        share\n        transition\n      }\n    }\n  }\n": types.CaseEditDocument,
    "\n  query CaseEditChoices($agencyId: ID) {\n    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {\n      edges {\n        node {\n          id\n          fullName\n        }\n      }\n    }\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CaseEditChoicesDocument,
    "\n  mutation UpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateCaseDocument,
    "\n  mutation TransitionCase($input: TransitionCaseInput!) {\n    transitionCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.TransitionCaseDocument,
    "\n  mutation ShareCase($input: ShareCaseInput!) {\n    shareCase(input: $input) {\n      id\n      version\n    }\n  }\n": types.ShareCaseDocument,
    "\n  mutation UnshareCase($input: UnshareCaseInput!) {\n    unshareCase(input: $input) {\n      id\n      version\n    }\n  }\n": types.UnshareCaseDocument,
    "\n  mutation AddCaseParty($caseId: ID!, $version: Int!, $party: PartyInput!) {\n    addCaseParty(caseId: $caseId, version: $version, party: $party) {\n      id\n      version\n    }\n  }\n": types.AddCasePartyDocument,
    "\n  mutation AddObligation($input: AddObligationInput!) {\n    addObligation(input: $input) {\n      id\n      version\n    }\n  }\n": types.AddObligationDocument,
    "\n  query IntakeChoices($agencyId: ID) {\n    me {\n      id\n      agency {\n        id\n      }\n    }\n    areas(first: 100, filter: { kind: COMMUNE }) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {\n      edges {\n        node {\n          id\n          fullName\n        }\n      }\n    }\n  }\n": types.IntakeChoicesDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!, $idempotencyKey: String) {\n    createCase(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": types.CreateCaseDocument,
    "\n  query StatisticsAccess {\n    statisticsAccess {\n      dashboard\n      currentStatisticalYear\n      statisticalYears\n      offices {\n        id\n        name\n      }\n      targetOffices {\n        id\n        name\n      }\n    }\n  }\n": types.StatisticsAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      username\n      fullName\n      roles\n      agency {\n        id\n        code\n        name\n        kind\n      }\n    }\n    viewerCan {\n      createCase\n      manageUsers\n      manageAgencies\n      manageAreas\n      manageCalendar\n      inspectSystem\n      importKinds\n    }\n  }\n"): typeof import('./graphql').HomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionTask($input: TransitionTaskInput!, $idempotencyKey: String) {\n    transitionTask(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      version\n    }\n  }\n"): typeof import('./graphql').TransitionTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NextPageFields on PageInfo {\n    endCursor\n    hasNextPage\n  }\n"): typeof import('./graphql').NextPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseActions($caseId: ID!) {\n    me {\n      id\n      agency {\n        id\n      }\n    }\n    caseActions(caseId: $caseId) {\n      id\n      kind\n      status\n      title\n      scheduledStart\n      scheduledEnd\n      calendarConflict\n      calendarConflictAt\n      place\n      leadOfficer {\n        id\n        fullName\n      }\n      personCoerced\n      measure\n      method\n      attendees\n      forces\n      protection\n      costEstimate\n      protectionPlanDueAt\n      protectionPlanNote\n      protectionPlanRecordedAt\n      postponementReason\n      postponementLate\n      reason\n      outcome\n      minutes\n      moneyCollected\n      version\n      invitees {\n        ...ActionInviteeFields\n      }\n      outcomeHistory {\n        ...ActionOutcomeEntryFields\n      }\n      participants {\n        id\n        required\n        status\n        declineReason\n        version\n        agency {\n          id\n          name\n        }\n      }\n      viewerCan {\n        plan\n        respondInvitation\n        recordProtectionPlan\n      }\n    }\n  }\n"): typeof import('./graphql').CaseActionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionStateFields on CaseAction {\n    id\n    status\n    version\n  }\n"): typeof import('./graphql').ActionStateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanAction($input: PlanActionInput!, $idempotencyKey: String) {\n    planAction(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n"): typeof import('./graphql').PlanActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StepAction($input: StepActionInput!) {\n    stepAction(input: $input) {\n      ...ActionStateFields\n    }\n  }\n"): typeof import('./graphql').StepActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToInvitation($input: RespondInvitationInput!, $idempotencyKey: String) {\n    respondToInvitation(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      version\n    }\n  }\n"): typeof import('./graphql').RespondToInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProtectionPlan($input: RecordProtectionPlanInput!) {\n    recordProtectionPlan(input: $input) {\n      ...ActionStateFields\n    }\n  }\n"): typeof import('./graphql').RecordProtectionPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDetail($id: ID!) {\n    liveCursor\n    case(id: $id) {\n      id\n      decisionNumber\n      judgmentNumber\n      judgmentCourt\n      judgmentDate\n      status\n      commune {\n        id\n        name\n      }\n      leadAgency {\n        id\n        name\n      }\n      officer {\n        id\n        fullName\n      }\n      parties {\n        id\n        name\n        role\n        kind\n        address\n        idNumber {\n          value\n          hidden\n          reason\n        }\n        phone {\n          value\n          hidden\n          reason\n        }\n      }\n      obligations {\n        id\n        kind\n        description\n        amountOwed\n        amountCollected\n        landAreaM2\n        fulfilled\n      }\n      participants {\n        role\n        agency {\n          id\n          name\n          kind\n        }\n      }\n      totals {\n        owed\n        collected\n        openObligations\n      }\n      overdue\n      voluntaryPeriodEndsAt\n      verificationDueAt\n      decisionDueAt\n      deadlines {\n        kind\n        dueAt\n        legalSource\n        passed\n        missed\n        actionId\n      }\n      urgentSecurity\n      complex\n      backlog\n      notes\n      viewerCan {\n        update\n        share\n        transition\n        readRestricted\n        assignTask\n        postDirective\n        postRecommendation\n      }\n      version\n    }\n  }\n"): typeof import('./graphql').CaseDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseActivity($caseId: ID!, $after: String) {\n    caseActivity(caseId: $caseId, after: $after) {\n      cursor\n      kind\n      caseId\n      occurredAt\n    }\n  }\n"): typeof import('./graphql').CaseActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cases($first: Int, $after: String, $filter: CaseFilterInput) {\n    cases(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        cursor\n        node {\n          id\n          decisionNumber\n          judgmentNumber\n          status\n          overdue\n          commune {\n            id\n            name\n          }\n          parties {\n            id\n            name\n            role\n          }\n          totals {\n            owed\n            collected\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseListUnread($caseIds: [ID!]) {\n    unreadCounts(caseIds: $caseIds) {\n      cases {\n        caseId\n        unread\n      }\n    }\n  }\n"): typeof import('./graphql').CaseListUnreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTask($input: AssignTaskInput!, $idempotencyKey: String) {\n    assignTask(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AssignTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCard on Task {\n    id\n    title\n    kind\n    status\n    dueAt\n    overdue\n    reason\n    version\n    assigneeAgency {\n      id\n      name\n    }\n    viewerCan {\n      respond\n      cancel\n    }\n  }\n"): typeof import('./graphql').TaskCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseTasks($caseId: ID!, $first: Int) {\n    caseTasks(caseId: $caseId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...TaskCard\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) {\n    postToThread(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      seq\n    }\n  }\n"): typeof import('./graphql').PostToThreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkThreadRead($caseId: ID!, $upToSeq: Int) {\n    markThreadRead(caseId: $caseId, upToSeq: $upToSeq) {\n      caseId\n      lastReadSeq\n      unread\n    }\n  }\n"): typeof import('./graphql').MarkThreadReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadPost on Post {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    unread\n    author {\n      id\n      fullName\n    }\n    authorAgency {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ThreadPostFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseThread($caseId: ID!, $last: Int, $before: String) {\n    caseThread(caseId: $caseId, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        startCursor\n        hasPreviousPage\n      }\n      edges {\n        cursor\n        node {\n          ...ThreadPost\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseThreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatisticsRateFields on StatisticsRate {\n    numerator\n    denominator\n    percent\n    target\n    gap\n    met\n  }\n"): typeof import('./graphql').StatisticsRateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatisticsRowsFields on StatisticsRows {\n    carriedOver {\n      cases\n      money\n    }\n    newlyAccepted {\n      cases\n      money\n    }\n    totalAccepted {\n      cases\n      money\n    }\n    entrustedOut {\n      cases\n      money\n    }\n    totalToEnforce {\n      cases\n      money\n    }\n    notYetEnforceable {\n      cases\n      money\n    }\n    enforceable {\n      cases\n      money\n    }\n    completed {\n      cases\n      money\n    }\n    completedFullyCases\n    completedTerminatedCases\n    completedPartlyCases\n    terminatedUncollectedMoney\n    postponed {\n      cases\n      money\n    }\n    suspended {\n      cases\n      money\n    }\n    inProgress {\n      cases\n      money\n    }\n    carriedToNext {\n      cases\n      money\n    }\n    caseRate {\n      ...StatisticsRateFields\n    }\n    moneyRate {\n      ...StatisticsRateFields\n    }\n  }\n"): typeof import('./graphql').StatisticsRowsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput, $year: Int) {\n    statistics(period: $period, scope: $scope) {\n      scope {\n        kind\n        name\n      }\n      period {\n        kind\n        statisticalYear\n        number\n        firstDay\n        lastDay\n      }\n      totals {\n        ...StatisticsRowsFields\n      }\n      byAgency {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n      byCommune {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n      byOfficer {\n        id\n        name\n        rows {\n          ...StatisticsRowsFields\n        }\n      }\n    }\n    statisticsTrend(statisticalYear: $year, scope: $scope) {\n      month\n      caseRate {\n        percent\n        target\n      }\n      moneyRate {\n        percent\n        target\n      }\n    }\n    stuckOverview(scope: $scope) {\n      backlogCases\n      hardCases\n      overdueTasks\n      overdueByAgency {\n        agencyId\n        agencyName\n        tasks\n        cases\n        maxDaysOverdue\n      }\n      escalationsAwaiting\n      upcomingCoercions {\n        actionId\n        caseId\n        decisionNumber\n        title\n        scheduledStart\n        sentToProcuracy\n        sentToPolice\n        sentToCommune\n        protectionPlanReceived\n        participantsInvited\n        participantsConfirmed\n      }\n      persuasionVisitsPlanned\n      persuasionOutcomes {\n        outcome\n        visits\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatisticsCases($period: StatisticsPeriodInput!, $row: StatisticsRow!, $scope: StatisticsScopeInput, $first: Int) {\n    statisticsCases(period: $period, row: $row, scope: $scope, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...DrillCase\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StatisticsCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StuckCases($list: StuckList!, $scope: StatisticsScopeInput, $agencyId: ID, $first: Int) {\n    stuckCases(list: $list, scope: $scope, agencyId: $agencyId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...DrillCase\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StuckCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DrillCase on Case {\n    id\n    decisionNumber\n    status\n    commune {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').DrillCaseFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StatisticsChanged {\n    statisticsChanged {\n      changedAt\n      cases\n    }\n  }\n"): typeof import('./graphql').StatisticsChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWork {\n    inbox(first: 1) {\n      unreadCount\n    }\n    myTasks(first: 1, filter: { statuses: [OPEN, ACCEPTED, IN_PROGRESS] }) {\n      totalCount\n    }\n    unreadCounts {\n      total\n      more\n    }\n  }\n"): typeof import('./graphql').MyWorkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyFeed($after: String) {\n    myFeed(after: $after) {\n      cursor\n      kind\n      caseId\n      occurredAt\n    }\n  }\n"): typeof import('./graphql').MyFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query About {\n    serverInfo {\n      version\n      instanceId\n      eventBus\n    }\n  }\n"): typeof import('./graphql').AboutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxItemFields on InboxItem {\n    id\n    type\n    category\n    occurredAt\n    unread\n    actor {\n      id\n      fullName\n    }\n    case {\n      id\n      decisionNumber\n    }\n    task {\n      id\n      title\n      status\n      version\n      viewerCan {\n        respond\n      }\n    }\n  }\n"): typeof import('./graphql').InboxItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...InboxItemFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxBadge {\n    inbox(first: 1) {\n      unreadCount\n    }\n  }\n"): typeof import('./graphql').InboxBadgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkInboxRead($ids: [String!]) {\n    markInboxRead(ids: $ids) {\n      unreadCount\n    }\n  }\n"): typeof import('./graphql').MarkInboxReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatisticsTargetFields on StatisticsTarget {\n    id\n    agencyId\n    agencyName\n    statisticalYear\n    caseRatePercent\n    moneyRatePercent\n    version\n  }\n"): typeof import('./graphql').StatisticsTargetFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatisticsTargets($year: Int!) {\n    statisticsTargets(statisticalYear: $year) {\n      ...StatisticsTargetFields\n    }\n  }\n"): typeof import('./graphql').StatisticsTargetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatisticsTarget($input: SetStatisticsTargetInput!) {\n    setStatisticsTarget(input: $input) {\n      ...StatisticsTargetFields\n    }\n  }\n"): typeof import('./graphql').SetStatisticsTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectActionOutcome($input: CorrectActionOutcomeInput!, $idempotencyKey: String) {\n    correctActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n"): typeof import('./graphql').CorrectActionOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordActionOutcome($input: RecordActionOutcomeInput!, $idempotencyKey: String) {\n    recordActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {\n      ...ActionStateFields\n    }\n  }\n"): typeof import('./graphql').RecordActionOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToAction($input: InviteToActionInput!) {\n    inviteToAction(input: $input) {\n      ...ActionStateFields\n    }\n  }\n"): typeof import('./graphql').InviteToActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordInviteeAnswer($input: RecordInviteeAnswerInput!) {\n    recordInviteeAnswer(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): typeof import('./graphql').RecordInviteeAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InviteAgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionInviteeFields on ActionInvitee {\n    id\n    name\n    role\n    status\n    note\n    version\n  }\n"): typeof import('./graphql').ActionInviteeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionOutcomeEntryFields on ActionOutcomeEntry {\n    id\n    outcome\n    moneyCollected\n    correctsId\n    correctionReason\n    recordedAt\n    recordedBy {\n      id\n      fullName\n    }\n    collections {\n      obligationId\n      amountCollected\n    }\n  }\n"): typeof import('./graphql').ActionOutcomeEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int, $after: String, $filter: UserFilterInput) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          id\n          username\n          fullName\n          roles\n          active\n          version\n          agency {\n            id\n            name\n          }\n          viewerCan {\n            update\n            deactivate\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRoles($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      roles\n      agency {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateUserRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminAgencyRowFields on Agency {\n    id\n    code\n    name\n    kind\n    active\n    version\n    coveredAreas {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AdminAgencyRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAgencies($first: Int, $after: String, $filter: AgencyFilterInput) {\n    agencies(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...AdminAgencyRowFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminAgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminAreaRowFields on Area {\n    id\n    code\n    name\n    kind\n    active\n    parent {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AdminAreaRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAreas($first: Int, $after: String, $filter: AreaFilterInput) {\n    areas(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...NextPageFields\n      }\n      edges {\n        node {\n          ...AdminAreaRowFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminAreasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').AdminDeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').AdminReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResetPassword($id: ID!, $newPassword: String!) {\n    resetUserPassword(id: $id, newPassword: $newPassword) {\n      id\n    }\n  }\n"): typeof import('./graphql').AdminResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AdminCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateAgency($input: UpdateAgencyInput!) {\n    updateAgency(input: $input) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').AdminUpdateAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AdminCreateAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateArea($input: UpdateAreaInput!) {\n    updateArea(input: $input) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').AdminUpdateAreaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateArea($input: CreateAreaInput!) {\n    createArea(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AdminCreateAreaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarYear($from: String!, $to: String!, $year: Int!) {\n    calendarDays(from: $from, to: $to) {\n      date\n      kind\n      name\n      source\n    }\n    tetWindow(year: $year) {\n      year\n      tet\n      firstDay\n      lastDay\n      origin\n      source\n      ruleFirstDay\n      ruleLastDay\n      directiveNumber\n      directiveDate\n    }\n  }\n"): typeof import('./graphql').CalendarYearDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarRecalculationFields on CalendarRecalculation {\n    cases\n    protectionPlans\n    tasks\n    coercionsFlagged\n    coercionsCleared\n  }\n"): typeof import('./graphql').CalendarRecalculationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarRemoveDirective($tetYear: Int!) {\n    removeTetDirective(tetYear: $tetYear) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n"): typeof import('./graphql').CalendarRemoveDirectiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarRemoveDay($date: String!) {\n    removeCalendarDay(date: $date) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n"): typeof import('./graphql').CalendarRemoveDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarAddDay($input: AddCalendarDayInput!) {\n    addCalendarDay(input: $input) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n"): typeof import('./graphql').CalendarAddDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CalendarSetDirective($input: SetTetDirectiveInput!) {\n    setTetDirective(input: $input) {\n      recalculated {\n        ...CalendarRecalculationFields\n      }\n    }\n  }\n"): typeof import('./graphql').CalendarSetDirectiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      kind\n      state\n      processed\n      total\n      rows\n      created\n      unchanged\n      skipped\n      failure\n      errors {\n        row\n        column\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseLegal($id: ID!) {\n    case(id: $id) {\n      id\n      version\n      status\n      recordingClosed {\n        reason\n        legalSource\n      }\n      publicNotice {\n        debtors {\n          name\n          address\n        }\n        obligations\n        legalSource\n        text\n      }\n      sameJudgmentCases {\n        caseId\n        decisionNumber\n        leadAgencyName\n        status\n        terminatedOnWithdrawal\n      }\n      sameDebtorCases {\n        caseId\n        decisionNumber\n        leadAgencyName\n        status\n      }\n      accountFreezes {\n        id\n        recordedAt\n        decisionDueAt\n        decidedAt\n        decisionNumber\n        note\n      }\n      urgentFreezeSource\n      viewerCan {\n        update\n      }\n    }\n  }\n"): typeof import('./graphql').CaseLegalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CaseRecordUrgentFreeze($input: RecordUrgentFreezeInput!, $idempotencyKey: String) {\n    recordUrgentFreeze(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n"): typeof import('./graphql').CaseRecordUrgentFreezeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CaseRecordFreezeDecision($input: RecordFreezeDecisionInput!) {\n    recordFreezeDecision(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CaseRecordFreezeDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCaseParty($input: UpdateCasePartyInput!) {\n    updateCaseParty(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').UpdateCasePartyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCaseParty($input: RemoveCasePartyInput!) {\n    removeCaseParty(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').RemoveCasePartyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateObligation($input: UpdateObligationInput!) {\n    updateObligation(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').UpdateObligationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveObligation($input: RemoveObligationInput!) {\n    removeObligation(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').RemoveObligationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseEdit($id: ID!) {\n    case(id: $id) {\n      id\n      version\n      status\n      decisionNumber\n      judgmentNumber\n      judgmentCourt\n      judgmentDate\n      kind\n      complex\n      backlog\n      urgentSecurity\n      notes\n      officer {\n        id\n      }\n      leadAgency {\n        id\n      }\n      participants {\n        role\n        agency {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        name\n        role\n        kind\n        address\n      }\n      obligations {\n        id\n        kind\n        description\n        amountOwed\n        landAreaM2\n        debtorId\n        creditorId\n      }\n      availableTransitions {\n        transition\n        to\n        legalSource\n        needsReason\n      }\n      viewerCan {\n        update\n        share\n        transition\n      }\n    }\n  }\n"): typeof import('./graphql').CaseEditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseEditChoices($agencyId: ID) {\n    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {\n      edges {\n        node {\n          id\n          fullName\n        }\n      }\n    }\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseEditChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').UpdateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionCase($input: TransitionCaseInput!) {\n    transitionCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').TransitionCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareCase($input: ShareCaseInput!) {\n    shareCase(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').ShareCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnshareCase($input: UnshareCaseInput!) {\n    unshareCase(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').UnshareCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCaseParty($caseId: ID!, $version: Int!, $party: PartyInput!) {\n    addCaseParty(caseId: $caseId, version: $version, party: $party) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').AddCasePartyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddObligation($input: AddObligationInput!) {\n    addObligation(input: $input) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql').AddObligationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeChoices($agencyId: ID) {\n    me {\n      id\n      agency {\n        id\n      }\n    }\n    areas(first: 100, filter: { kind: COMMUNE }) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {\n      edges {\n        node {\n          id\n          fullName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').IntakeChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCase($input: CreateCaseInput!, $idempotencyKey: String) {\n    createCase(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatisticsAccess {\n    statisticsAccess {\n      dashboard\n      currentStatisticalYear\n      statisticalYears\n      offices {\n        id\n        name\n      }\n      targetOffices {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').StatisticsAccessDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
