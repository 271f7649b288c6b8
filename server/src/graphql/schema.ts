import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { AgencyResolver } from '../modules/agencies/agency.resolver';
import { AreaResolver } from '../modules/areas/area.resolver';
import { CalendarResolver } from '../modules/calendar/calendar.resolver';
import { CaseParticipantResolver, CasePartyResolver, CaseResolver, ObligationResolver } from '../modules/cases/case.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import {
  ActionInviteeResolver,
  ActionOutcomeEntryResolver,
  ActionParticipantResolver,
  ActionResolver,
  CaseActionsFieldResolver,
} from '../modules/actions/action.resolver';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver';
import { TaskResolver } from '../modules/tasks/task.resolver';
import { InboxItemResolver, ThreadResolver, UnreadSummaryResolver } from '../modules/threads/thread.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { SystemResolver } from '../modules/system/system.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { ImportResolver } from '../modules/imports/import.resolver';
import { installOperationChecks } from './operation-checks';

/** Every resolver class, listed explicitly. */
export const RESOLVERS = [
  SystemResolver,
  AuditResolver,
  AuthResolver,
  AreaResolver,
  AgencyResolver,
  UserResolver,
  ImportResolver,
  CaseResolver,
  CasePartyResolver,
  ObligationResolver,
  CaseParticipantResolver,
  LiveResolver,
  ThreadResolver,
  InboxItemResolver,
  UnreadSummaryResolver,
  TaskResolver,
  ActionResolver,
  ActionParticipantResolver,
  ActionInviteeResolver,
  ActionOutcomeEntryResolver,
  CaseActionsFieldResolver,
  CalendarResolver,
  StatisticsResolver,
] as const;

/** Builds the executable schema from the code-first resolvers. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    // Every subscription supplies its own `subscribe` (events/live-feed.ts: replay + live from the
    // event log). type-graphql insists on a pubSub anyway; this one refuses to be used.
    pubSub: {
      publish: () => {
        throw new Error('Publish through the Outbox: events reach subscribers via the event log.');
      },
      subscribe: () => {
        throw new Error('Subscriptions must pass `subscribe` (liveFeed), not topics.');
      },
    },
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  return installOperationChecks(schema);
}

/** The SDL committed at schema/schema.graphql: sorted so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
