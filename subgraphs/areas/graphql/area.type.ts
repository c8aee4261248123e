import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Key, Name } from '../../../platform/graphql/scalars';

@ObjectType('Area', {
  description: 'A property-management area (物业管理区域): one compound, or adjacent buildings grouped into one.',
})
@Directive('@key(fields: "id")')
export class AreaType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'GB/T 2260 district code, e.g. 110102 for Xicheng.' })
  districtCode!: string;

  @Field({ description: '9-digit street (街道) code.' })
  streetCode!: string;

  @Field({ description: 'Organisation id of the street office that registered the area.' })
  registeredBy!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      'The households its street office declared the area has (declareAreaHouseholds); joint decisions are refused while the register holds fewer. Null until declared.',
  })
  declaredHouseholds?: number | null;
}

@InputType()
export class RegisterAreaInput {
  @Field(() => Name)
  name!: string;

  @Field(() => Key)
  districtCode!: string;

  @Field(() => Key)
  streetCode!: string;
}
