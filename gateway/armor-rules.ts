import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { CallerLimits } from './config';
import { EdgeCode } from './errors';

type ArmorRuleFactory = (options: {
  n: number;
  propagateOnRejection: boolean;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
}) => ValidationRule;

/**
 * One GraphQL Armor rule with the edge's code. Armor reports "Syntax Error: …" without a code; throwing our own
 * error from `onReject` also stops validation at the first refusal, before the specified rules walk a huge document.
 */
function armorRule(make: ArmorRuleFactory, n: number, code: EdgeCode, name: string): ValidationRule {
  const rule = make({
    n,
    propagateOnRejection: false,
    onReject: [
      (_context, error) => {
        throw new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          nodes: error.nodes,
          extensions: { code, http: { status: 400, spec: false } },
        });
      },
    ],
  });
  // The runtime caches validation results keyed by the rules' names: an unnamed rule with an anonymous caller's
  // limit would share its cache entry with an authenticated caller's, and a document valid for one would pass
  // for the other.
  Object.defineProperty(rule, 'name', { value: `${name}_${n}` });
  return rule;
}

/** Depth, aliases and directives for one tier of caller. */
export function armorRules(limits: CallerLimits, tier: string): ValidationRule[] {
  return [
    armorRule(maxDepthRule as unknown as ArmorRuleFactory, limits.depth, 'DEPTH_LIMIT_EXCEEDED', `edgeDepth_${tier}`),
    armorRule(
      maxAliasesRule as unknown as ArmorRuleFactory,
      limits.aliases,
      'ALIAS_LIMIT_EXCEEDED',
      `edgeAliases_${tier}`,
    ),
    armorRule(
      maxDirectivesRule as unknown as ArmorRuleFactory,
      limits.directives,
      'DIRECTIVE_LIMIT_EXCEEDED',
      `edgeDirectives_${tier}`,
    ),
  ];
}
