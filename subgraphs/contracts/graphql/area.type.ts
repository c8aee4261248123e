import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The areas subgraph owns Area; contracts adds what it knows about filing for it. */
@ObjectType('Area')
@Directive('@key(fields: "id")')
export class AreaRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType({
  description:
    "Where service contracts of an area are filed: in Beijing with the street office and the district housing authority (Beijing Property Management Regulation art. 63); elsewhere as the city's settings say (filingAuthority, filingReviewerRole, streetOfficeDecidesFilings).",
})
export class FilingReviewers {
  @Field({
    description:
      "The street office of the area: it reads the area's filings, and decides them where its city's settings have it decide.",
  })
  streetCode!: string;

  @Field({
    description:
      "The area's district: the bureau its city's settings name (filingReviewerRole) reviews and decides its filings.",
  })
  districtCode!: string;

  @Field({ description: 'When the contracts subgraph last received the area from the areas feed.' })
  syncedAt!: Date;
}
