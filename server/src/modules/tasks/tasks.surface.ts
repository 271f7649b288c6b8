/**
 * What other modules may do with tasks inside their own transaction: create a task and step it
 * through the workflow (an action's "attend" and "protection plan" tasks). Everything else is internal.
 */
export { createTaskIn, stepTaskIn } from './task.service';
export { TaskAction } from './task-workflow';
