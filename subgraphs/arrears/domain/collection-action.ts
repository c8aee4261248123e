import { InvalidInputError } from '../../../kernel/errors';
import { arrearsError } from './errors';
import { MAX_NAMED_IDS } from './charge';
import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import {
  INTERRUPTION_GROUNDS,
  InterruptionGround,
  NOTICE_ARRIVAL_SOURCE,
  UTILITY_CUT_OFF_BAN,
  Utility,
} from './statutes';

/**
 * The collection steps (催缴) a company records before it may sue: seed 004 lists notices, letters, WeChat / QQ
 * groups, door-to-door visits, negotiation and mediation by the street office; Civil Code art. 944 para. 2 asks for
 * a demand within a reasonable time before suing. The record is the company's evidence of demand for the court's
 * element-based complaint and what interrupts the limitation period, so each step names the charges it was about.
 */
import { COLLECTION_ACTION_KINDS, type CollectionActionKind } from '../../../catalog';

export { COLLECTION_ACTION_KINDS, type CollectionActionKind };

export const MESSAGE_CHANNELS = ['WECHAT', 'QQ', 'SMS'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * WITHDRAWN, not "waived": the application was made, which is what interrupts the period, and then withdrawn.
 * A creditor giving up the claim is a write-off of the account (account-status.ts), not a mediation outcome.
 */
export const MEDIATION_OUTCOMES = ['PENDING', 'AGREED', 'FAILED', 'WITHDRAWN'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

export interface Instalment {
  readonly dueOn: IsoDate;
  readonly fen: Fen;
}

interface ActionBase {
  /** The charges the step was about: a demand interrupts the limitation period only of the claims it names. */
  readonly chargeIds: readonly string[];
  /** When it happened: the notice was posted, the letter sent, the owner promised, the mediation applied for. */
  readonly on: IsoDate;
  readonly note: string | null;
}

export type CollectionAction =
  /**
   * A demand notice posted (张贴催缴通知), naming the household. It demands payment only where it reached the owner:
   * posted at their own door with proof, not only at the building entrance (statutes.ts NOTICE_ARRIVAL_SOURCE).
   * Absent in notices recorded before it was asked, which the hub counted as reached and still does.
   */
  | (ActionBase & { readonly kind: 'NOTICE_POSTED'; readonly reached?: boolean })
  /** A demand letter. It demands payment once it reaches the owner, not when it is sent (statutes.ts DEMAND_ARRIVAL_SOURCE). */
  | (ActionBase & {
      readonly kind: 'LETTER';
      /**
       * The day it reached the owner, or by the postal record should have (refused at the owner's address); null
       * while the company has no record of its arrival. Absent in letters recorded before it existed, which the hub
       * counted from their sending and still does (effectiveOn) until their arrival is recorded.
       */
      readonly deliveredOn?: IsoDate | null;
    })
  | (ActionBase & { readonly kind: 'MESSAGE'; readonly channel: MessageChannel })
  /** A demand made in person or by phone only if someone was reached: an unanswered call demands nothing. */
  | (ActionBase & { readonly kind: 'VISIT' | 'CALL'; readonly reached: boolean })
  | (ActionBase & { readonly kind: 'PAYMENT_PROMISE'; readonly promisedBy: IsoDate })
  | (ActionBase & { readonly kind: 'INSTALMENT_PLAN'; readonly instalments: readonly Instalment[] })
  | (ActionBase & {
      readonly kind: 'MEDIATION_SESSION';
      /** Who mediates: the street office, the residents' committee, a people's mediation committee. */
      readonly mediator: string;
      readonly outcome: MediationOutcome;
      /** When the mediation ended; null while PENDING. */
      readonly outcomeOn: IsoDate | null;
    });

export type MediationSession = Extract<CollectionAction, { readonly kind: 'MEDIATION_SESSION' }>;

/** As a client sends it: kind is free text until validated, so a refused measure can be recognised in it. */
export interface CollectionActionInput {
  kind: string;
  on: string;
  chargeIds: readonly string[];
  note?: string | null;
  channel?: string | null;
  reached?: boolean | null;
  promisedBy?: string | null;
  instalments?: readonly { dueOn: string; fen: number }[] | null;
  mediator?: string | null;
  outcome?: string | null;
  outcomeOn?: string | null;
  deliveredOn?: string | null;
}

const DEMANDS: ReadonlySet<CollectionActionKind> = new Set(['NOTICE_POSTED', 'LETTER', 'MESSAGE', 'VISIT', 'CALL']);

/**
 * Every kind the hub records can interrupt the period; whether a given step does depends on its facts (someone
 * was reached, it came in time), which limitation.ts decides.
 */
const GROUNDS: Record<CollectionActionKind, InterruptionGround> = {
  NOTICE_POSTED: 'CREDITOR_DEMAND',
  LETTER: 'CREDITOR_DEMAND',
  MESSAGE: 'CREDITOR_DEMAND',
  VISIT: 'CREDITOR_DEMAND',
  CALL: 'CREDITOR_DEMAND',
  PAYMENT_PROMISE: 'DEBTOR_CONSENT',
  INSTALMENT_PLAN: 'DEBTOR_CONSENT',
  // Asking a mediator to resolve the claim has the same effect as suing (art. 195 item 4; the Supreme People's
  // Court's provisions on limitation name requests to people's mediation committees and similar bodies).
  MEDIATION_SESSION: 'SAME_EFFECT_AS_SUIT',
};

/** A demand for payment by the creditor (art. 195 item 1), as opposed to the debtor's consent or a mediation. */
export function isDemand(kind: CollectionActionKind): boolean {
  return DEMANDS.has(kind);
}

/**
 * Whether this step demanded payment of the owner, as the court's complaint lists demands: a letter or message, a
 * notice that reached the owner, or a visit or call that reached someone (an unanswered call demands nothing).
 */
export function demandedPayment(action: CollectionAction): boolean {
  if (!isDemand(action.kind)) return false;
  if (action.kind === 'VISIT' || action.kind === 'CALL') return action.reached;
  return action.kind === 'NOTICE_POSTED' ? action.reached !== false : true;
}

/** Whether steps of this kind can interrupt the limitation period at all (see limitation.ts for when they do). */
export function interruptsLimitation(kind: CollectionActionKind): boolean {
  return GROUNDS[kind] !== undefined;
}

/** The art. 195 ground a step of this kind interrupts on, and its source. */
export function interruptionGround(kind: CollectionActionKind): { ground: InterruptionGround; source: string } {
  const ground = GROUNDS[kind];
  return { ground, source: INTERRUPTION_GROUNDS[ground] };
}

// ---------------------------------------------------------------------------------------------------------------
// Art. 944 para. 3: cutting a supply to make an owner pay is refused, whatever it is called.
// ---------------------------------------------------------------------------------------------------------------

const UTILITY_OF: Record<string, Utility> = { 水: 'WATER', 电: 'POWER', 暖: 'HEATING', 热: 'HEATING', 气: 'GAS' };
const ENGLISH_UTILITY: Record<string, Utility> = {
  water: 'WATER',
  power: 'POWER',
  electricity: 'POWER',
  heating: 'HEATING',
  heat: 'HEATING',
  gas: 'GAS',
};

/**
 * 停水, 断电, 停止供暖, 停供热, 切断燃气 … but not 不断水平 (steadily), 停电梯 (the lift), 断电话 (the phone) or
 * 断热 (thermal insulation, hence 热 only after 供).
 */
const CHINESE_CUT_OFF =
  /(?<![不判诊间果垄决])(?:停止|暂停|切断|中断|停|断)(供热|供?(?:燃气|水(?!平)|电(?![梯话脑视])|暖|气))/;
/** "cut (off) the water", "disconnect gas", "shut / switch / turn off the power"; "turn the heating up" is fine. */
const ENGLISH_CUT_OFF =
  /\b(?:(?:cut|cutting|disconnect|disconnecting)\s+(?:off\s+)?|(?:shut|shutting|switch|switching|turn|turning)\s+off\s+)(?:the\s+)?(water|power|electricity|heating|heat|gas)\b/i;
const ENGLISH_CUT_OFF_AFTER = /\b(water|power|electricity|heating|heat|gas)\s+(?:cut|shut)\s?off\b/i;

/**
 * The supply a text describes cutting off, or null: kinds like CUT_WATER or "cut-power", and free text in Chinese
 * or English. Deliberately broad (a note quoting an owner's "停水" is refused too): a false alarm costs a rephrased
 * note, a miss puts a prohibited measure into the company's evidence.
 */
export function utilityCutOffIn(text: string): Utility | null {
  if (text.includes('拉闸')) return 'POWER';
  const chinese = CHINESE_CUT_OFF.exec(text);
  if (chinese) return UTILITY_OF[chinese[1].slice(-1)];
  const spaced = text.replace(/[_-]+/g, ' ');
  const english = ENGLISH_CUT_OFF.exec(spaced) ?? ENGLISH_CUT_OFF_AFTER.exec(spaced);
  return english ? ENGLISH_UTILITY[english[1].toLowerCase()] : null;
}

function refuseCutOff(input: CollectionActionInput): void {
  for (const field of ['kind', 'note'] as const) {
    const value = input[field];
    const utility = typeof value === 'string' ? utilityCutOffIn(value) : null;
    if (utility) {
      throw arrearsError(
        'PROHIBITED_COLLECTION_MEASURE',
        `A property service company may not cut ${utility.toLowerCase()} to collect fees (${UTILITY_CUT_OFF_BAN.source}); demand payment, mediate or sue instead`,
        { field, utility, source: UTILITY_CUT_OFF_BAN.source, statute: UTILITY_CUT_OFF_BAN.text },
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.
// ---------------------------------------------------------------------------------------------------------------

/** The fields each kind takes beyond the common ones; any other field sent is a mistake and is reported. */
const KIND_FIELDS: Record<CollectionActionKind, readonly (keyof CollectionActionInput)[]> = {
  NOTICE_POSTED: ['reached'],
  LETTER: ['deliveredOn'],
  MESSAGE: ['channel'],
  VISIT: ['reached'],
  CALL: ['reached'],
  PAYMENT_PROMISE: ['promisedBy'],
  INSTALMENT_PLAN: ['instalments'],
  MEDIATION_SESSION: ['mediator', 'outcome', 'outcomeOn'],
};
const SPECIFIC_FIELDS = [
  'channel',
  'reached',
  'promisedBy',
  'instalments',
  'mediator',
  'outcome',
  'outcomeOn',
  'deliveredOn',
] as const;
const NOTE_MAX = 2000;
/**
 * The most instalments a plan has: ten years of monthly ones. Each is kept with the action and its event; without a
 * bound, daily instalments up to fifty years ahead were some 18,000 of them.
 */
export const MAX_INSTALMENTS = 120;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);
/** A step is recorded once it has happened: BAD_USER_INPUT for a day after today. */
export function checkStepHappened(on: IsoDate, today: IsoDate, field = 'on'): void {
  if (compareDates(on, today) > 0)
    throw new InvalidInputError('A collection step cannot be recorded before it happens', {
      fields: { [field]: `not after today (${today})` },
    });
}

/**
 * A pending mediation session given its outcome: MEDIATION_ALREADY_ENDED when it has one already, otherwise the
 * session validated again with the outcome, so the outcome date is checked like the session's own fields.
 */
export function endMediation(
  session: MediationSession,
  outcome: { outcome: MediationOutcome; outcomeOn: string },
): MediationSession {
  if (session.outcome !== 'PENDING')
    throw arrearsError('MEDIATION_ALREADY_ENDED', `The mediation already ended (${session.outcome})`, {
      outcome: session.outcome,
    });
  const ended = validateCollectionAction({ ...session, ...outcome });
  if (ended.kind !== 'MEDIATION_SESSION') throw new Error('unreachable: the kind was MEDIATION_SESSION');
  return ended;
}

export type Letter = Extract<CollectionAction, { readonly kind: 'LETTER' }>;
/** A letter whose arrival is recorded. */
export type DeliveredLetter = Letter & { readonly deliveredOn: IsoDate };

/**
 * A letter given the day it reached the owner: LETTER_DELIVERY_ALREADY_RECORDED when it has one already, otherwise
 * the letter validated again with it (not before the letter was sent).
 */
export function deliverLetter(letter: Letter, deliveredOn: string): DeliveredLetter {
  if (letter.deliveredOn)
    throw arrearsError('LETTER_DELIVERY_ALREADY_RECORDED', `The letter's arrival is recorded (${letter.deliveredOn})`, {
      deliveredOn: letter.deliveredOn,
    });
  const delivered = validateCollectionAction({ ...letter, deliveredOn });
  if (delivered.kind !== 'LETTER' || !delivered.deliveredOn) throw new Error('unreachable: a LETTER with its arrival');
  return { ...delivered, deliveredOn: delivered.deliveredOn };
}

/**
 * The day a demand reached the owner and took effect (a letter's arrival, art. 137 para. 2), or null for a letter whose
 * arrival is not recorded; every other step takes effect the day it was made (a notice posted, a message sent, a
 * visit or call that reached someone, the owner's promise, the mediation applied for). A letter recorded before its
 * arrival could be (no `deliveredOn` at all) keeps the day the hub counted it from, its sending: the accounts' limitation
 * dates, the deadlines announced and the claims litigation holds stay as they were, until the arrival is recorded.
 */
export function effectiveOn(action: CollectionAction): IsoDate | null {
  if (action.kind !== 'LETTER') return action.on;
  return action.deliveredOn === undefined ? action.on : action.deliveredOn;
}

const notBefore = (date: unknown, start: unknown): boolean =>
  isIsoDate(date) && (!isIsoDate(start) || compareDates(date, start) >= 0);

/**
 * The action, normalised (text trimmed, charge ids de-duplicated in order, an empty note as null). Throws
 * PROHIBITED_COLLECTION_MEASURE for a utility cut-off before anything else, then BAD_USER_INPUT with
 * details.fields naming every invalid field at once.
 */
export function validateCollectionAction(input: CollectionActionInput): CollectionAction {
  refuseCutOff(input);
  const fields: Record<string, string> = {};
  const kind = input.kind;
  if (!oneOf(COLLECTION_ACTION_KINDS, kind)) fields.kind = `kind must be one of ${COLLECTION_ACTION_KINDS.join(', ')}`;
  if (!isIsoDate(input.on)) fields.on = 'on must be a YYYY-MM-DD calendar date';

  const chargeIds = Array.isArray(input.chargeIds)
    ? input.chargeIds.map((id) => (typeof id === 'string' ? id.trim() : ''))
    : [];
  if (chargeIds.length === 0) fields.chargeIds = 'name at least one charge';
  else if (chargeIds.length > MAX_NAMED_IDS) fields.chargeIds = `name at most ${MAX_NAMED_IDS} charges`;
  else if (chargeIds.some((id) => id === '')) fields.chargeIds = 'charge ids must not be empty';

  const note = typeof input.note === 'string' && input.note.trim() !== '' ? input.note.trim() : null;
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string')
    fields.note = 'note must be text';
  else if (note !== null && note.length > NOTE_MAX) fields.note = `note must have at most ${NOTE_MAX} characters`;

  if (oneOf(COLLECTION_ACTION_KINDS, kind)) {
    for (const field of SPECIFIC_FIELDS) {
      if (!KIND_FIELDS[kind].includes(field) && input[field] !== undefined && input[field] !== null)
        fields[field] = `${field} does not apply to ${kind}`;
    }
    checkKindFields(kind, input, fields);
  }
  if (Object.keys(fields).length > 0 || !oneOf(COLLECTION_ACTION_KINDS, kind)) {
    throw new InvalidInputError('The collection action is invalid', { fields });
  }

  const base = { chargeIds: [...new Set(chargeIds)], on: input.on, note };
  switch (kind) {
    case 'MESSAGE':
      return { ...base, kind, channel: input.channel as MessageChannel };
    case 'NOTICE_POSTED':
    case 'VISIT':
    case 'CALL':
      return { ...base, kind, reached: input.reached as boolean };
    case 'PAYMENT_PROMISE':
      return { ...base, kind, promisedBy: input.promisedBy as IsoDate };
    case 'INSTALMENT_PLAN':
      return { ...base, kind, instalments: (input.instalments ?? []).map(({ dueOn, fen }) => ({ dueOn, fen })) };
    case 'MEDIATION_SESSION':
      return {
        ...base,
        kind,
        mediator: (input.mediator as string).trim(),
        outcome: input.outcome as MediationOutcome,
        outcomeOn: input.outcomeOn ?? null,
      };
    case 'LETTER':
      return { ...base, kind, deliveredOn: input.deliveredOn ?? null };
    default:
      return { ...base, kind };
  }
}

function checkKindFields(
  kind: CollectionActionKind,
  input: CollectionActionInput,
  fields: Record<string, string>,
): void {
  switch (kind) {
    case 'MESSAGE':
      if (!oneOf(MESSAGE_CHANNELS, input.channel))
        fields.channel = `channel must be one of ${MESSAGE_CHANNELS.join(', ')}`;
      return;
    case 'VISIT':
    case 'CALL':
      if (typeof input.reached !== 'boolean') fields.reached = 'say whether the owner was reached';
      return;
    case 'NOTICE_POSTED':
      if (typeof input.reached !== 'boolean')
        fields.reached = `say whether the notice reached the owner: at their own door with proof, not only in a common part (${NOTICE_ARRIVAL_SOURCE})`;
      return;
    case 'LETTER':
      if (input.deliveredOn !== undefined && input.deliveredOn !== null && !notBefore(input.deliveredOn, input.on))
        fields.deliveredOn = 'deliveredOn must be a calendar date, not before the letter was sent';
      return;
    case 'PAYMENT_PROMISE':
      if (!notBefore(input.promisedBy, input.on))
        fields.promisedBy = 'promisedBy must be a calendar date, not before the promise';
      return;
    case 'INSTALMENT_PLAN': {
      const instalments = Array.isArray(input.instalments) ? input.instalments : [];
      if (instalments.length === 0) fields.instalments = 'a plan needs at least one instalment';
      if (instalments.length > MAX_INSTALMENTS) {
        fields.instalments = `a plan has at most ${MAX_INSTALMENTS} instalments`;
        return;
      }
      // Strictly increasing due dates from the day of the plan: the last one is when art. 189's period starts.
      instalments.forEach((instalment, i) => {
        if (!Number.isSafeInteger(instalment.fen) || instalment.fen <= 0)
          fields[`instalments[${i}].fen`] = 'an instalment must be whole fen, more than 0';
        const previous = i === 0 ? input.on : instalments[i - 1].dueOn;
        if (!notBefore(instalment.dueOn, previous) || (i > 0 && instalment.dueOn === previous)) {
          fields[`instalments[${i}].dueOn`] =
            'instalments must fall due on calendar dates in increasing order, from the day of the plan';
        }
      });
      return;
    }
    case 'MEDIATION_SESSION':
      if (typeof input.mediator !== 'string' || input.mediator.trim() === '') fields.mediator = 'name the mediator';
      if (!oneOf(MEDIATION_OUTCOMES, input.outcome))
        fields.outcome = `outcome must be one of ${MEDIATION_OUTCOMES.join(', ')}`;
      else if (input.outcome === 'PENDING' && input.outcomeOn !== undefined && input.outcomeOn !== null)
        fields.outcomeOn = 'a pending mediation has no outcome date';
      else if (input.outcome !== 'PENDING' && !notBefore(input.outcomeOn, input.on))
        fields.outcomeOn = 'outcomeOn must be a calendar date, not before the application';
      return;
    default:
      return;
  }
}
