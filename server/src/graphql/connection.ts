import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, type Page } from '../db/pagination';

@ObjectType({ description: 'Where a page sits in the whole list (Relay connection spec).' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** A page-size argument: optional, 1–MAX_PAGE_SIZE, refused with a message an official can act on. */
function PageSizeArg(description: string): PropertyDecorator {
  return composed(
    Field(() => Int, { nullable: true, description }),
    IsOptional(),
    Min(1, { message: 'Số mục mỗi trang phải ít nhất là 1.' }),
    Max(MAX_PAGE_SIZE, { message: `Số mục mỗi trang tối đa là ${MAX_PAGE_SIZE}.` }),
  );
}

/** A cursor argument: optional, opaque (a cursor the API gave out). */
function CursorArg(description: string): PropertyDecorator {
  return composed(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
  );
}

/** Several property decorators as one, applied in the order written (as if stacked bottom to top). */
function composed(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

@ArgsType()
export class PageArgsInput {
  @PageSizeArg(`Items per page (1–${MAX_PAGE_SIZE}, default 20).`)
  first?: number | null;

  @CursorArg('endCursor of the previous page.')
  after?: string | null;
}

/**
 * Page arguments for lists that page both ways: `first`/`after` forward, `last`/`before` backward
 * (`last` alone gives the newest end of the list). A separate class so that the lists that page
 * forward only keep their schema unchanged.
 */
@ArgsType()
export class BidiPageArgsInput extends PageArgsInput {
  @PageSizeArg(`Items before \`before\` (or at the end of the list), 1–${MAX_PAGE_SIZE}.`)
  last?: number | null;

  @CursorArg('startCursor of the next page, to page backward.')
  before?: string | null;
}

/** Builds the `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function ConnectionType<TNode extends object>(name: string, Node: ClassType<TNode>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => Node) node!: TNode;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Number of items matching the filter, across all pages.' }) totalCount!: number;
  }
  return Connection;
}

/** Shapes a service `Page` as a connection. */
export function toConnection<T extends object>(page: Page<T>) {
  return {
    edges: page.items.map((node) => ({ cursor: page.cursorOf(node), node })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
    totalCount: page.totalCount,
  };
}
