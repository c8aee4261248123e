import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The areas subgraph's Area, which arrears names as the place of an account (its name and compound come from there). */
@ObjectType('Area')
@Directive('@key(fields: "id")')
export class AreaRef {
  @Field(() => ID) id!: string;
}
