import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { EventDispatcher } from '../../events/dispatcher';
import type { StoredEvent } from '../../events/event-log';
import { CASE_ACCESS_EVENT_TYPES } from '../../events/vocabulary';
import { loadCaseFacts } from '../../policy/facts';
import { canOnCase, type CaseFacts } from '../../policy/abilities';

/**
 * Each case's access facts, kept in memory per instance for live delivery, so that delivering one
 * event to 500 followers costs no database query per follower: the first check loads the facts
 * (batched with every other case asked for in the same tick), later checks are a map lookup.
 *
 * Invalidation rides on the log itself: the dispatcher shows every event to `observe` before it
 * routes it, so the very event that changes a case's facts (`case.shared`, `case.unshared` …)
 * drops the entry before any subscriber checks that event or a later one. The facts used for an
 * event are therefore never older than the event.
 */
export class LiveAccess {
  private readonly facts = new Map<string, Promise<CaseFacts | null>>();
  /** The loads of `facts` that have completed, for answers without waiting (the live path's common case). */
  private readonly settled = new Map<string, CaseFacts | null>();
  /** Per case, the position of the last fact-changing event already accounted for. */
  private readonly changedAt = new Map<string, bigint>();
  private readonly loader: DataLoader<string, CaseFacts | null>;
  /** Fact loads done (tests and benchmarks count them). */
  loads = 0;

  /**
   * @param maxCases entries kept before the cache starts afresh (a bound on memory; cases with
   *   live followers are reloaded on their next event)
   */
  constructor(
    orm: MikroORM,
    dispatcher: EventDispatcher,
    private readonly maxCases = 50_000,
  ) {
    this.loader = new DataLoader(
      async (ids) => {
        this.loads += 1;
        const facts = await loadCaseFacts(orm.em.fork(), ids);
        return ids.map((id) => facts.get(id) ?? null);
      },
      { cache: false, maxBatchSize: 500 },
    );
    dispatcher.observe((event) => this.invalidateFor(event));
  }

  /** The access facts of a case (null when it does not exist). */
  caseFacts(caseId: string): Promise<CaseFacts | null> {
    let entry = this.facts.get(caseId);
    if (!entry) {
      if (this.facts.size >= this.maxCases) {
        this.facts.clear();
        this.settled.clear();
        this.changedAt.clear();
      }
      const loading = this.loader.load(caseId);
      entry = loading;
      this.facts.set(caseId, loading);
      loading.then(
        (facts) => {
          if (this.facts.get(caseId) === loading) this.settled.set(caseId, facts);
        },
        // A failed load (database away) must not stick: the next check tries again.
        () => {
          if (this.facts.get(caseId) === loading) this.facts.delete(caseId);
        },
      );
    }
    return entry;
  }

  /** True when `viewer` may read the case now ('case.read' of the policy, on the cached facts). */
  async mayReadCase(viewer: Viewer, caseId: string): Promise<boolean> {
    const facts = await this.caseFacts(caseId);
    return !!facts && canOnCase(viewer, 'case.read', facts);
  }

  /**
   * For each event, in order: may `viewer` read the case it is about ('case.read' on the cached facts)?
   * Events about no case (`caseIdOf` gives no string) are allowed. Decided for the whole batch at once
   * (a replay page, or the live events waiting for one subscriber): the events are walked in order,
   * each fact-changing one forgetting its case's facts before the events after it are looked up, and
   * every lookup is started before any is awaited — so the facts missing from the cache are loaded in
   * one statement, one decision per distinct case, and each event is still judged on facts no older
   * than itself (the same verdicts as one check per event, in order).
   */
  mayReadCasesOf(
    viewer: Viewer,
    events: readonly StoredEvent[],
    caseIdOf: (event: StoredEvent) => unknown,
  ): readonly boolean[] | Promise<readonly boolean[]> {
    return this.decidedNow(viewer, events, caseIdOf) ?? this.decideLoading(viewer, events, caseIdOf);
  }

  /**
   * The verdicts at once, when every case of the batch has loaded facts and no event of it changes facts
   * not yet accounted for (so no lookup would differ from the loading path's); else null. This is every
   * live event after a case's first: 500 followers of a case cost 500 map lookups and no promise.
   */
  private decidedNow(viewer: Viewer, events: readonly StoredEvent[], caseIdOf: (event: StoredEvent) => unknown): boolean[] | null {
    const verdicts: boolean[] = [];
    for (const event of events) {
      if (this.wouldInvalidate(event)) return null;
      const caseId = caseIdOf(event);
      if (typeof caseId !== 'string') {
        verdicts.push(true);
        continue;
      }
      const facts = this.settled.get(caseId);
      if (facts === undefined) return null;
      verdicts.push(!!facts && canOnCase(viewer, 'case.read', facts));
    }
    return verdicts;
  }

  private async decideLoading(
    viewer: Viewer,
    events: readonly StoredEvent[],
    caseIdOf: (event: StoredEvent) => unknown,
  ): Promise<boolean[]> {
    const lookups = events.map((event) => {
      const caseId = caseIdOf(event);
      if (typeof caseId !== 'string') return null;
      // A replay may read a change before this instance's dispatcher has routed it.
      this.invalidateFor(event);
      return this.caseFacts(caseId);
    });
    const facts = await Promise.all(lookups);
    return facts.map((f, i) => lookups[i] === null || (!!f && canOnCase(viewer, 'case.read', f)));
  }

  /**
   * Forgets a case's facts when `event` may have changed them. Called by the dispatcher for every
   * event, and by replays for the events they read from the log (a replay may run ahead of this
   * instance's dispatcher); each change is accounted for once, by its position.
   */
  invalidateFor(event: StoredEvent): void {
    if (!this.wouldInvalidate(event)) return;
    const caseId = event.payload.caseId as string;
    this.changedAt.set(caseId, event.position);
    this.facts.delete(caseId);
    this.settled.delete(caseId);
  }

  /** Whether `event` changes its case's facts and is not accounted for yet. */
  private wouldInvalidate(event: StoredEvent): boolean {
    const caseId = event.payload.caseId;
    if (typeof caseId !== 'string' || !CASE_ACCESS_EVENT_TYPES.has(event.type)) return false;
    const seen = this.changedAt.get(caseId);
    return seen === undefined || seen < event.position;
  }
}
