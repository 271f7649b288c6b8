/**
 * Live delivery through the web app's own helper (client/src/lib/live-subscription.ts): a Node
 * graphql-ws client (`ws` as the WebSocket) subscribed to one case's activity with
 * `subscribeWithResume`, while the same user changes that case over HTTP, one mutation at a time.
 */
import WebSocket from 'ws';
import { createLiveClient, subscribeWithResume, type LiveSubscriptionError } from '../client/src/lib/live-subscription';
import { post, signIn } from './graphql';
import { now, sleep, summarize, type LatencySummary } from './stats';

const CASE_ACTIVITY = `subscription BenchCaseActivity($caseId: ID!, $after: String) {
  caseActivity(caseId: $caseId, after: $after) { cursor type occurredAt }
}`;
const FIRST_CASE = '{ cases(first: 1) { edges { node { id decisionNumber version } } } }';
const UPDATE_CASE =
  'mutation ($id: ID!, $version: Int!, $notes: String) { updateCase(input: { id: $id, version: $version, notes: $notes }) { version } }';

interface ActivityEvent {
  cursor: string;
  type: string;
  occurredAt: string;
}

export interface LiveDeliveryResult {
  /** Decision number of the case the mutations changed. */
  caseLabel: string;
  /** Mutations sent (after the warm-up) and mutations answered without errors. */
  sent: number;
  succeeded: number;
  /** Events the helper's onEvent received for the measured mutations (should equal `succeeded`). */
  delivered: number;
  /** onEvent calls repeating a cursor already delivered (the helper must make this 0). */
  duplicates: number;
  /** Events that arrived while no mutation was waiting (late or unexpected; should be 0). */
  unexpected: number;
  /** Mutations whose event did not arrive within `eventTimeoutMs`. */
  missed: number;
  /** Errors reported by the helper's onError/onResync, and failed mutations. */
  errors: number;
  /** True when the time cap ended the run before `count` mutations. */
  capped: boolean;
  /** Exactly one event per mutation: `delivered === sent`, no duplicate, unexpected or missed event, no error. */
  exactlyOnce: boolean;
  elapsedMs: number;
  /** Per mutation: just before fetch() was called → the helper's onEvent for its event. */
  latency: LatencySummary;
  /** Per mutation, for comparison: fetch() → parsed mutation response. */
  mutationLatency: LatencySummary;
}

export async function runLiveDelivery(
  url: string,
  opts: { count: number; eventTimeoutMs: number; capMs: number; graceMs: number },
): Promise<LiveDeliveryResult> {
  const token = await signIn(url);
  const first = await post(url, { query: FIRST_CASE }, token);
  const node = (
    first.json.data?.cases as { edges: Array<{ node: { id: string; decisionNumber: string | null; version: number } }> } | undefined
  )?.edges[0]?.node;
  if (!node) throw new Error(`no case to change: ${JSON.stringify(first.json.errors ?? first.json).slice(0, 300)}`);
  let version = node.version;

  // Event bookkeeping. One mutation at a time, so the next event belongs to the waiting mutation.
  const seen = new Set<string>();
  let duplicates = 0;
  let unexpected = 0;
  let errors = 0;
  let firstError: unknown;
  let waiting: ((at: number) => void) | null = null;
  const noteError = (error: LiveSubscriptionError | Error) => {
    errors++;
    firstError ??= error;
  };

  const client = createLiveClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    getToken: () => token,
    webSocketImpl: WebSocket,
  });
  const subscription = subscribeWithResume({
    client,
    query: CASE_ACTIVITY,
    variables: { caseId: node.id },
    select: (data: { caseActivity: ActivityEvent }) => data.caseActivity,
    cursorOf: (event) => event.cursor,
    onEvent: (_event, cursor) => {
      const at = now();
      if (seen.has(cursor)) duplicates++;
      seen.add(cursor);
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve(at);
      } else {
        unexpected++;
      }
    },
    onResync: noteError,
    onError: noteError,
  });

  /** Sends one updateCase with the current version; resolves with both timings (event: NaN if it never came). */
  const mutate = async (notes: string): Promise<{ ok: boolean; eventMs: number; mutationMs: number }> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const event = new Promise<number>((resolve) => {
      waiting = resolve;
      timer = setTimeout(() => {
        waiting = null;
        resolve(Number.NaN);
      }, opts.eventTimeoutMs);
    });
    const t0 = now();
    let ok = false;
    try {
      const { status, json } = await post(url, { query: UPDATE_CASE, variables: { id: node.id, version, notes } }, token);
      const next = (json.data?.updateCase as { version?: number } | undefined)?.version;
      if (status !== 200 || json.errors?.length || next == null)
        throw new Error(`updateCase: HTTP ${status} ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
      version = next;
      ok = true;
    } catch (err) {
      noteError(err as Error);
      clearTimeout(timer);
      waiting = null;
      return { ok, eventMs: Number.NaN, mutationMs: now() - t0 };
    }
    const mutationMs = now() - t0;
    const at = await event;
    clearTimeout(timer);
    return { ok, eventMs: at - t0, mutationMs };
  };

  try {
    // Warm-up: the subscription starts "from now" once the server has it; repeat a change until its
    // event comes back, so the measured run starts with a live subscription. Not recorded.
    let live = false;
    for (let i = 0; i < 20 && !live; i++) live = Number.isFinite((await mutate(`bench live warm-up ${i}`)).eventMs);
    if (!live) throw new Error('live delivery: no event arrived during the warm-up');
    await sleep(100);
    seen.clear();
    duplicates = unexpected = errors = 0;
    firstError = undefined;

    const latencies: number[] = [];
    const mutationLatencies: number[] = [];
    let sent = 0;
    let succeeded = 0;
    let missed = 0;
    const start = now();
    const deadline = start + opts.capMs;
    while (sent < opts.count && now() < deadline) {
      const r = await mutate(`bench live ${sent++}`);
      if (!r.ok) continue;
      succeeded++;
      mutationLatencies.push(r.mutationMs);
      if (Number.isFinite(r.eventMs)) latencies.push(r.eventMs);
      else missed++;
    }
    const elapsedMs = now() - start;
    await sleep(opts.graceMs); // late or extra events would show up as `unexpected`
    if (firstError) console.warn(`  ! live delivery: ${errors} error(s); first: ${(firstError as Error).message}`);
    return {
      caseLabel: node.decisionNumber ?? node.id,
      sent,
      succeeded,
      delivered: latencies.length,
      duplicates,
      unexpected,
      missed,
      errors,
      capped: sent < opts.count,
      exactlyOnce: latencies.length === sent && seen.size === sent && duplicates === 0 && unexpected === 0 && missed === 0 && errors === 0,
      elapsedMs,
      latency: summarize(latencies),
      mutationLatency: summarize(mutationLatencies),
    };
  } finally {
    subscription.unsubscribe();
    await client.dispose();
  }
}
