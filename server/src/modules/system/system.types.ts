import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Facts about the server instance answering.' })
export class ServerInfo {
  @Field({ description: 'Product version (package.json).' })
  version!: string;

  @Field({ description: 'Identifier of this instance (differs between instances behind a load balancer).' })
  instanceId!: string;

  @Field({ description: '"in-process" (one instance) or "redis" (many instances).' })
  eventBus!: string;

  @Field({ description: 'Server time.' })
  now!: Date;
}
