import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ALL_EVENT_TYPES, EVENT_TYPES, type EventType, eventKindName } from '../../events/vocabulary';

/** The GraphQL enum of event types, generated from the vocabulary (CASE_DEADLINE_MISSED ⇔ case.deadlineMissed). */
export const EventKind = Object.fromEntries(ALL_EVENT_TYPES.map((t) => [eventKindName(t), t])) as Record<string, EventType>;
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'Every event type of the log (server/src/events/vocabulary.ts); `LiveEvent.type` is the same, dotted.',
  valuesConfig: Object.fromEntries(ALL_EVENT_TYPES.map((t) => [eventKindName(t), { description: EVENT_TYPES[t].description }])),
});

@ObjectType('LiveEvent', { description: 'One event from the log, as delivered live. Keep `cursor` and pass it as `after` to resume.' })
export class LiveEventType {
  @Field({ description: 'Position in the log; resume with after: cursor.' }) cursor!: string;
  @Field({ description: 'Dotted type, e.g. case.shared, case.transitioned (as stored in the log).' }) type!: string;
  @Field(() => EventKind, { description: 'The same type as an enum value, for typed clients.' }) kind!: EventType;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The case it concerns, if any.' }) caseId!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'Facts of the change (money as decimal strings; never restricted personal data).' })
  payload!: Record<string, unknown>;
}

/**
 * Subscription fields whose result for one event depends only on the event and the selection, never on
 * the viewer or the context (LiveEvent carries no personal data; access is decided before the event is
 * executed). The WebSocket server executes such an event once per selection and shares the result
 * among subscribers (graphql/ws-shared-results.ts). A field that reads the viewer must not be listed.
 */
export const VIEWER_INDEPENDENT_SUBSCRIPTIONS: ReadonlySet<string> = new Set(['caseActivity', 'myFeed']);
