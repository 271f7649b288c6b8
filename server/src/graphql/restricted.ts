import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A restricted personal field (ND 13/2023): the value only for those entitled to it; every read is audited.' })
export class RestrictedText {
  @Field(() => String, { nullable: true, description: 'The value, or null when hidden or empty.' })
  value!: string | null;

  @Field({ description: 'True when the value is withheld from this viewer.' })
  hidden!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is withheld, for display.' })
  reason!: string | null;
}

/** A withheld field with a reason a person understands. */
export const withheld = (reason: string): RestrictedText => ({ value: null, hidden: true, reason });
/** A disclosed field. */
export const disclosed = (value: string | null): RestrictedText => ({ value, hidden: false, reason: null });
