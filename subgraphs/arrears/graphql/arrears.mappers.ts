import { MediationSessionRow } from '../application/list-mediation-sessions';
import { ArrearsListItem } from '../domain/arrears-list';
import { CollectionActionInput } from '../domain/collection-action';
import { RecordedAction } from '../domain/claim';
import { Statement } from '../domain/statement';
import {
  ArrearsAccountType,
  ArrearsListItemType,
  CollectionActionInputType,
  CollectionActionRecordType,
  MediationSessionItemType,
} from './arrears.type';

/** An account in a list, with its household as a reference the gateway resolves in the areas subgraph. */
export const listItemView = (item: ArrearsListItem): ArrearsListItemType => ({
  ...item,
  household: { id: item.householdId },
});

/** A recorded step with its kind's own fields set and the others null. */
export function actionView(recorded: RecordedAction & { note: string | null }): CollectionActionRecordType {
  const { action } = recorded;
  const view: CollectionActionRecordType = {
    actionId: recorded.actionId,
    kind: recorded.kind,
    on: recorded.on,
    chargeIds: recorded.chargeIds,
    note: recorded.note,
    recordedByRole: recorded.recordedByRole,
    channel: null,
    reached: null,
    promisedBy: null,
    instalments: null,
    mediator: null,
    outcome: null,
    outcomeOn: null,
    deliveredOn: null,
  };
  switch (action.kind) {
    case 'MESSAGE':
      return { ...view, channel: action.channel };
    case 'VISIT':
    case 'CALL':
      return { ...view, reached: action.reached };
    case 'NOTICE_POSTED':
      return { ...view, reached: action.reached ?? null };
    case 'PAYMENT_PROMISE':
      return { ...view, promisedBy: action.promisedBy };
    case 'INSTALMENT_PLAN':
      return { ...view, instalments: action.instalments.map(({ dueOn, fen }) => ({ dueOn, fen })) };
    case 'MEDIATION_SESSION':
      return { ...view, mediator: action.mediator, outcome: action.outcome, outcomeOn: action.outcomeOn };
    case 'LETTER':
      return { ...view, deliveredOn: action.deliveredOn ?? null };
    default:
      return view;
  }
}

/** An account's statement: the account's own fields beside the statement's figures and history. */
export function statementView(statement: Statement): ArrearsAccountType {
  const { account } = statement;
  return {
    ...statement,
    ...account,
    household: { id: account.householdId },
    actions: statement.actions.map(actionView),
  };
}

/** A collection step as the client sent it, for the domain to validate (collection-action.ts). */
export const collectionActionInputOf = (input: CollectionActionInputType): CollectionActionInput => ({
  kind: input.kind,
  on: input.on,
  chargeIds: input.chargeIds,
  note: input.note,
  channel: input.channel,
  reached: input.reached,
  promisedBy: input.promisedBy,
  instalments: input.instalments,
  mediator: input.mediator,
  outcome: input.outcome,
  outcomeOn: input.outcomeOn,
  deliveredOn: input.deliveredOn,
});

/** A session in the street's list: the account's place beside the session's own fields. */
export const mediationSessionView = (row: MediationSessionRow): MediationSessionItemType => ({
  actionId: row.actionId,
  accountId: row.accountId,
  companyId: row.companyId,
  household: { id: row.householdId },
  areaId: row.areaId,
  area: { id: row.areaId },
  buildingId: row.buildingId,
  unit: row.unit,
  room: row.room,
  accountStatus: row.accountStatus,
  on: row.session.on,
  mediator: row.session.mediator,
  outcome: row.session.outcome,
  outcomeOn: row.session.outcomeOn,
  note: row.session.note,
});
