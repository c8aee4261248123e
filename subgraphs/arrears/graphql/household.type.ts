import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The areas subgraph's Household, which arrears extends with the household's accounts. */
@ObjectType('Household', { simpleResolvers: true })
@Directive('@key(fields: "id")')
export class HouseholdRef {
  @Field(() => ID) id!: string;
}
