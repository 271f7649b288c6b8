/**
 * The inspector protocol (Chrome DevTools Protocol over a WebSocket) to a bench instance started with
 * `--inspect=127.0.0.1:<port>` (stack.ts `startInstance`, loopback only): the profiler (profiler.ts) and the
 * idle-socket memory figure (a forced collection before each heap reading) use it.
 */
import WebSocket from 'ws';

/** One inspector session on one instance (`--inspect=127.0.0.1:<port>`). */
export class InspectorSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  /** Connects to the first target the instance's inspector lists. */
  static async connect(port: number): Promise<InspectorSession> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
    if (!targets[0]) throw new Error(`the inspector on port ${port} lists no target`);
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new InspectorSession(socket);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** The instance's heap in use right after a full garbage collection it was asked to run, in bytes. */
export async function heapUsedAfterGc(session: InspectorSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { result } = await session.send<{ result: { value: number } }>('Runtime.evaluate', {
    expression: 'process.memoryUsage().heapUsed',
    returnByValue: true,
  });
  return result.value;
}
