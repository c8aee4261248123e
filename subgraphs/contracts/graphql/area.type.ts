import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The areas subgraph owns Area; contracts adds what it knows about filing for it. */
@ObjectType('Area')
@Directive('@key(fields: "id")')
export class AreaRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType({
  description: 'Where service contracts of an area are filed (Beijing Property Management Regulation art. 63).',
})
export class FilingReviewers {
  @Field({ description: 'The street office reviewing filings of the area.' })
  streetCode!: string;

  @Field({ description: 'The district housing authority reviewing filings of the area.' })
  districtCode!: string;

  @Field({ description: 'When the contracts subgraph last received the area from the areas feed.' })
  syncedAt!: Date;
}
