/**
 * The one check behind every workflow table (a case action's steps, a task's steps): a step is allowed
 * from the statuses its row lists and leads to the row's status. Refusals name the current status and
 * the statuses the step needs, in the words of the module's own table. Pure: no I/O.
 */

/** One row of a workflow table: the statuses a step may start from, and where it leads. */
export interface StepRow<S extends string> {
  from: readonly S[];
  to: S;
}

/** The outcome of a step check: the next status, or a message an official can act on. */
export type StepCheck<S extends string> = { ok: true; to: S } | { ok: false; message: string };

/** How a workflow's refusals read: `<subject> đang ở trạng thái "…"; chỉ có thể <step> <when> "…" hoặc "…".` */
export interface StepWords<S extends string, A extends string> {
  /** What is being moved, capitalised ("Nhiệm vụ"). */
  subject: string;
  statuses: Readonly<Record<S, string>>;
  steps: Readonly<Record<A, string>>;
  /** The words before the allowed statuses ("khi", "khi nhiệm vụ"). */
  when: string;
}

/** Builds the check of one workflow table: `(status, step)` → the next status or the refusal. */
export function stepChecker<S extends string, A extends string>(
  table: Readonly<Record<A, StepRow<S>>>,
  words: StepWords<S, A>,
): (status: S, step: A) => StepCheck<S> {
  return (status, step) => {
    const rule = table[step];
    if (rule.from.includes(status)) return { ok: true, to: rule.to };
    const allowed = rule.from.map((s) => `"${words.statuses[s]}"`).join(' hoặc ');
    return {
      ok: false,
      message: `${words.subject} đang ở trạng thái "${words.statuses[status]}"; chỉ có thể ${words.steps[step]} ${words.when} ${allowed}.`,
    };
  };
}
