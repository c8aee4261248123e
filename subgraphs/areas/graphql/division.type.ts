import { Field, InputType, ObjectType } from 'type-graphql';
import { Key, Name } from '../../../platform/graphql/scalars';

@ObjectType('Division', { description: 'A district (区), street (街道) or community (社区).' })
export class DivisionType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  level!: string;

  @Field(() => String, { nullable: true })
  parentCode?: string | null;
}

@InputType()
export class RegisterDivisionInput {
  @Field(() => Key)
  code!: string;

  @Field(() => Name)
  name!: string;
}
