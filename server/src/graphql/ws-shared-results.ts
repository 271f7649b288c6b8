import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  getOperationAST,
  Kind,
  visit,
} from 'graphql';

/**
 * One execution of a live event per subscription document, shared by every subscriber on this
 * instance: a post to a case followed by 500 sockets is executed once and serialized per socket,
 * instead of resolving the same fields (and their middlewares) 500 times.
 *
 * Why this is safe: it applies only to operations whose every root field is in `viewerIndependent`,
 * fields whose result for an event depends on the event and the operation alone (never on the viewer
 * or the context). Access is not part of the result — each subscriber's feed decides, per event, whether
 * the event reaches it at all, before it is executed. The root field's own arguments (e.g. `caseId`,
 * `after`) only choose and gate the feed, so subscribers that differ only in those share a result;
 * any variable used elsewhere (a directive, a nested argument) is part of the key. Results with errors
 * are never shared. Entries hang off the event object the dispatcher hands to every listener (a
 * WeakMap), so they are gone once the event has been delivered.
 */
export function createSharedSubscribe(viewerIndependent: ReadonlySet<string>) {
  const perEvent = new WeakMap<object, Map<DocumentNode, Map<string, ExecutionResult | Promise<ExecutionResult>>>>();
  /** Per document: null = not shareable, else the variables the result may depend on. */
  const plans = new WeakMap<DocumentNode, Map<string | undefined, string[] | null>>();

  const planOf = (document: DocumentNode, operationName: string | undefined): string[] | null => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    if (byName.has(operationName)) return byName.get(operationName)!;
    const operation = getOperationAST(document, operationName);
    let plan: string[] | null = null;
    if (
      operation?.operation === 'subscription' &&
      operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && viewerIndependent.has(s.name.value))
    ) {
      const used = new Set<string>();
      const collect = (node: Parameters<typeof visit>[0]) =>
        visit(node, {
          enter: (n) => {
            if (n.kind === Kind.VARIABLE) used.add(n.name.value);
          },
        });
      for (const directive of operation.directives ?? []) collect(directive);
      for (const root of operation.selectionSet.selections) {
        if (root.kind !== Kind.FIELD) continue;
        for (const directive of root.directives ?? []) collect(directive);
        if (root.selectionSet) collect(root.selectionSet);
      }
      for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) collect(def);
      plan = [...used].sort();
    }
    byName.set(operationName, plan);
    return plan;
  };

  const executeShared = (args: ExecutionArgs, plan: string[], event: unknown): ExecutionResult | Promise<ExecutionResult> => {
    if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event }) as Promise<ExecutionResult>;
    const key = JSON.stringify(plan.map((name) => args.variableValues?.[name] ?? null));
    let byDocument = perEvent.get(event);
    if (!byDocument) perEvent.set(event, (byDocument = new Map()));
    let byKey = byDocument.get(args.document);
    if (!byKey) byDocument.set(args.document, (byKey = new Map()));
    const known = byKey.get(key);
    if (known) return known;
    // The pending execution is shared too: subscribers asking while it runs wait for the same one.
    const result = execute({ ...args, rootValue: event }) as ExecutionResult | Promise<ExecutionResult>;
    byKey.set(key, result);
    const keepUnlessFailed = (done: ExecutionResult) => {
      if (done.errors) byKey.delete(key);
      return done;
    };
    if (result instanceof Promise)
      return result.then(keepUnlessFailed, (err) => {
        byKey.delete(key);
        throw err;
      });
    return keepUnlessFailed(result);
  };

  /** graphql-ws's `subscribe`: graphql-js's own, except that shareable events are executed once. */
  return async function subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
    const plan = planOf(args.document, args.operationName ?? undefined);
    const map = (event: unknown) =>
      plan ? executeShared(args, plan, event) : (execute({ ...args, rootValue: event }) as Promise<ExecutionResult>);
    return mapEvents(source as AsyncIterable<unknown>, map);
  };
}

/**
 * `source` with each value mapped, as graphql-js's mapAsyncIterator: return() and throw() reach the
 * source (an unsubscribe ends the feed), and a mapping that throws ends the source too.
 *
 * Written with `then`, not async functions: every live event passes here once per subscriber, and each
 * `await` or async `return` of a promise is another turn of the microtask queue (two for a returned
 * promise), each a costly one with async hooks on. A value already mapped (a shared result) costs one turn.
 */
function mapEvents<T>(source: AsyncIterable<unknown>, map: (value: unknown) => T | Promise<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorResult<T> = { value: undefined as never, done: true };
  const fail = async (err: unknown): Promise<never> => {
    try {
      await iterator.return?.();
    } catch {
      // The mapping's error is the one to report.
    }
    throw err;
  };
  const step = (result: IteratorResult<unknown>): IteratorResult<T> | Promise<IteratorResult<T>> => {
    if (result.done) return done;
    let value: T | Promise<T>;
    try {
      value = map(result.value);
    } catch (err) {
      return fail(err);
    }
    return value instanceof Promise ? value.then((v): IteratorResult<T> => ({ value: v, done: false }), fail) : { value, done: false };
  };
  const mapped = {
    next: () => iterator.next().then(step),
    return: () => (iterator.return ? iterator.return().then(step) : Promise.resolve(done)),
    throw: (err?: unknown) => (iterator.throw ? iterator.throw(err).then(step) : Promise.reject(err)),
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncGenerator<T>;
  return mapped;
}
