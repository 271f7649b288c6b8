import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../logger';
import { createPersonalDataReads, type PersonalDataReads } from '../modules/audit/personal-data-reads';
import type { AppServices } from '../services';
import { forgetRemembered } from '../policy/facts';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver receives: one forked EntityManager per request or WebSocket operation. */
export interface GraphQLContext {
  requestId: string;
  /** The signed-in user, or null. */
  viewer: Viewer | null;
  /** A fork of the ORM's EntityManager, private to this request/operation. */
  em: EntityManager;
  services: AppServices;
  logger: Logger;
  /** Client address (rate limiting, audit). */
  ip: string;
  loaders: Loaders;
  personalDataReads: PersonalDataReads;
  /** Epoch ms after which no further field may start (queries and mutations; see graphql/limits.ts). */
  deadline?: number;
  /** The log head read before this operation executed, when it selects `liveCursor` (see live-cursor.ts). */
  liveCursorAtStart?: string;
  /** WebSocket operations only: closes this operation's connection (e.g. a slow consumer). */
  closeConnection?: (code: number, reason: string) => void;
}

/** The loaders a context has built so far (absent = none yet, or dropped after the last operation). */
const builtLoaders = new WeakMap<GraphQLContext, Loaders>();
const builtPersonalDataReads = new WeakMap<GraphQLContext, PersonalDataReads>();
/** The EntityManager fork a context has made (absent = none needed yet). */
const builtEm = new WeakMap<GraphQLContext, EntityManager>();

/**
 * Builds the context for one HTTP request or one WebSocket operation (its own EntityManager fork, made
 * on first use like the rest). The ~20 DataLoaders and the personal-data audit batcher are built on first use only: an idle
 * subscription never touches them, so a socket waiting for events does not carry them (issue 12,
 * heap per idle socket). Do not spread the result (`{ ...ctx }` would build them).
 */
export function createContext(
  services: AppServices,
  init: { requestId: string; viewer: Viewer | null; ip: string; logger: Logger; deadline?: number },
): GraphQLContext {
  // The fork too is made on first use: a socket whose subscriptions only wait for events never needs one.
  const context: GraphQLContext = {
    ...init,
    get em(): EntityManager {
      return emOf();
    },
    services,
    get loaders(): Loaders {
      let loaders = builtLoaders.get(this);
      if (!loaders) builtLoaders.set(this, (loaders = createLoaders(emOf())));
      return loaders;
    },
    get personalDataReads(): PersonalDataReads {
      let reads = builtPersonalDataReads.get(this);
      if (!reads) builtPersonalDataReads.set(this, (reads = createPersonalDataReads(emOf(), services.outbox, init.viewer)));
      return reads;
    },
  };
  const emOf = (): EntityManager => {
    let em = builtEm.get(context);
    if (!em) builtEm.set(context, (em = services.orm.em.fork() as EntityManager));
    return em;
  };
  return context;
}

/** True when this context has built its DataLoaders and still holds them (tests: idle subscriptions hold none). */
export function holdsLoaders(context: GraphQLContext): boolean {
  return builtLoaders.has(context);
}

/**
 * Forgets what a context remembered for the operation that just ran: access decisions and case loads
 * (policy/facts.ts `rememberedPerEm`) and the DataLoaders with their caches (dropped, so the next
 * operation builds fresh ones on first use), and the EntityManager fork itself. HTTP requests and WebSocket queries/mutations get a fresh
 * context each, so this matters for the one context a socket's subscriptions share: without it, a
 * decision made for one event would be reused for the socket's life, and an idle socket would keep
 * the loaders of the last event it received. A batch still in flight keeps its own loader alive.
 */
export function forgetOperationState(context: GraphQLContext): void {
  // A context that never made its EntityManager remembered nothing (and must not make one now). The
  // fork itself goes too: its identity map would otherwise grow with every event the socket receives.
  const em = builtEm.get(context);
  if (em) forgetRemembered(em);
  builtEm.delete(context);
  builtLoaders.delete(context);
}
