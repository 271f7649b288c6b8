import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuthService } from './auth/auth.service';
import type { AppConfig } from './config';
import type { EventBus } from './events/bus';
import type { EventDispatcher } from './events/dispatcher';
import type { Outbox } from './events/outbox';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { ActionService } from './modules/actions/action.service';
import type { AgencyService } from './modules/agencies/agency.service';
import type { AreaService } from './modules/areas/area.service';
import type { CalendarService } from './modules/calendar/calendar.service';
import type { CaseService } from './modules/cases/case.service';
import type { AuditService } from './modules/audit/audit.service';
import type { StatisticsLive } from './modules/statistics/statistics-live';
import type { StatisticsService } from './modules/statistics/statistics.service';
import type { LiveAccess } from './modules/live/live-access';
import type { TaskService } from './modules/tasks/task.service';
import type { ThreadService } from './modules/threads/thread.service';
import type { UserService } from './modules/users/user.service';
import type { ImportJobs } from './modules/imports/import-jobs';
import type { ImportService } from './modules/imports/import.service';

/**
 * The long-lived parts of one running instance, built once by `build()` and handed to resolvers via
 * the context. Feature services are plain classes constructed here; they never import GraphQL.
 */
export interface AppServices {
  version: string;
  /** Random per process: tells instances apart in logs, metrics and tests. */
  instanceId: string;
  config: AppConfig;
  orm: MikroORM;
  bus: EventBus;
  outbox: Outbox;
  dispatcher: EventDispatcher;
  /** Access facts of cases for live delivery, in memory, invalidated by the events that change them. */
  liveAccess: LiveAccess;
  logger: Logger;
  /** This instance's Prometheus metrics (served at /metrics). */
  metrics: Metrics;
  auth: AuthService;
  /** This instance's legal calendar (library holidays + official days as data), reloaded on `calendar` events. */
  calendar: CalendarService;
  areas: AreaService;
  agencies: AgencyService;
  users: UserService;
  /** CSV imports of areas, agencies and users, with a dry run (docs/IMPORTS.md). */
  imports: ImportService;
  /** Imports uploaded through POST /import/<kind>: validated, then run as background jobs with progress. */
  importJobs: ImportJobs;
  cases: CaseService;
  threads: ThreadService;
  tasks: TaskService;
  actions: ActionService;
  /** Rule 9 statistics, targets and "where it is stuck" (SQL aggregates over the state history). */
  statistics: StatisticsService;
  /** Batched "refresh now" ticks for live dashboards (one SQL lookup per window). */
  statisticsLive: StatisticsLive;
  /** Verifications of the event log against the signed checkpoints, at once or in the background (system admins). */
  audit: AuditService;
}
