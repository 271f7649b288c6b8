import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { ImportJobType, toImportJobView } from './import.types';

@Resolver()
export class ImportResolver {
  @SignedIn('import job: uploader or system admin (canReadImportJob)')
  @Query(() => ImportJobType, {
    description: 'Progress and outcome of an import started with POST /import/<kind> (its uploader or a system admin).',
  })
  async importJob(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<ImportJobType> {
    return toImportJobView(await ctx.services.importJobs.get(ctx.em, ctx.viewer!, id));
  }
}
