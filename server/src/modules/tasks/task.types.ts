import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { TaskAction } from './task-workflow';
import { TaskKind, TaskPriority, TaskStatus } from './task.entity';

registerEnumType(TaskKind, { name: 'TaskKind' });
registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'OPEN → ACCEPTED → IN_PROGRESS → DONE, or DECLINED / CANCELLED.' });
registerEnumType(TaskPriority, { name: 'TaskPriority' });
registerEnumType(TaskAction, { name: 'TaskAction', description: 'A workflow step; each is allowed only from certain statuses.' });

@ObjectType('TaskAbilities', { description: 'What the viewer may do with this task (drives the UI).' })
export class TaskAbilities {
  @Field({ description: 'Accept, decline, start, complete.' }) respond!: boolean;
  @Field() reassign!: boolean;
  @Field() cancel!: boolean;
}

@ObjectType('Task', { description: 'A task on a case, assigned to a participating agency (optionally to a named person there).' })
export class TaskType {
  @Field(() => ID) id!: string;
  @Field(() => TaskKind) kind!: TaskKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) details!: string | null;
  @Field(() => TaskStatus) status!: TaskStatus;
  @Field(() => TaskPriority) priority!: TaskPriority;
  @Field(() => Date, { nullable: true, description: 'End of the last allowed day.' }) dueAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'When given as "due in N working days": N (the date is recounted when the calendar changes); null for an explicit date.',
  })
  dueWorkingDays!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled.' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'What the assignee reported on completion.' }) resultNote!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the overdue task was escalated to the lead office and steering committee.' })
  escalatedAt!: Date | null;
  @Field(() => Int, { description: 'Send it back with every change (optimistic concurrency).' }) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class TaskConnection extends ConnectionType('Task', TaskType) {}

@InputType()
export class AssignTaskInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã việc thi hành án không hợp lệ.' }) caseId!: string;
  @Field(() => ID, { description: 'An agency taking part in the case.' })
  @IsUUID('all', { message: 'Hãy chọn cơ quan được giao nhiệm vụ.' })
  agencyId!: string;
  @Field(() => ID, { nullable: true, description: 'A named person of that agency (optional).' }) @IsOptional() @IsUUID('all') assigneeId?:
    | string
    | null;
  @Field(() => TaskKind) @IsEnum(TaskKind) kind!: TaskKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() details?: string | null;
  @Field(() => TaskPriority, { nullable: true }) @IsOptional() @IsEnum(TaskPriority) priority?: TaskPriority | null;
  @Field(() => Date, { nullable: true, description: 'Exact deadline; or use dueInWorkingDays.' }) @IsOptional() dueAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Deadline in working days from now (weekends and public holidays skipped).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Số ngày làm việc phải từ 1 đến 250.' })
  @Max(250, { message: 'Số ngày làm việc phải từ 1 đến 250.' })
  dueInWorkingDays?: number | null;
}

@InputType()
export class TransitionTaskInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => TaskAction) @IsEnum(TaskAction) action!: TaskAction;
  @Field(() => String, { nullable: true, description: 'Required to DECLINE; optional for CANCEL.' }) @IsOptional() @Length(0, 5000) reason?:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'COMPLETE: what was done.' }) @IsOptional() @Length(0, 5000) note?: string | null;
}

@InputType()
export class ReassignTaskInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID, { nullable: true, description: 'A person of the same agency; null gives it back to the whole agency.' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;
}

@InputType()
export class TaskFilterInput {
  @Field(() => [TaskStatus], { nullable: true }) @IsOptional() @IsEnum(TaskStatus, { each: true }) statuses?: TaskStatus[] | null;
  @Field(() => Date, { nullable: true }) @IsOptional() dueBefore?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() dueAfter?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Still open and past its deadline.' }) @IsOptional() @IsBoolean() overdue?:
    | boolean
    | null;
  @Field(() => Boolean, { nullable: true, description: 'myTasks: only tasks naming me, not the rest of my agency’s.' })
  @IsOptional()
  @IsBoolean()
  mineOnly?: boolean | null;
}
