/**
 * Enumerations that cross subgraphs: the values one subgraph publishes and another acts on. Declared here once, in
 * the published language, and imported by the domains that own or read them, never copied.
 */

/**
 * The nine matters of Civil Code art. 278 para. 1, in the article's order (items 1–9): (1) 制定和修改业主大会议事规则;
 * (2) 制定和修改管理规约; (3) 选举业主委员会或者更换业主委员会成员; (4) 选聘和解聘物业服务企业或者其他管理人;
 * (5) 使用建筑物及其附属设施的维修资金; (6) 筹集建筑物及其附属设施的维修资金; (7) 改建、重建建筑物及其附属设施;
 * (8) 改变共有部分的用途或者利用共有部分从事经营活动; (9) 有关共有和共同管理权利的其他重大事项.
 */
export const JOINT_DECISION_MATTERS = [
  'ASSEMBLY_RULES',
  'MANAGEMENT_COVENANT',
  'ELECT_COMMITTEE',
  'HIRE_OR_DISMISS_PROVIDER',
  'USE_MAINTENANCE_FUND',
  'RAISE_MAINTENANCE_FUND',
  'REBUILD',
  'CHANGE_COMMON_USE_OR_BUSINESS',
  'OTHER_MAJOR_MATTER',
] as const;
export type JointDecisionMatterCode = (typeof JOINT_DECISION_MATTERS)[number];
/** The matter of a decision hiring (or dismissing) the provider: Civil Code art. 278 para. 1 item 4. */
export const HIRING_DECISION_MATTER = 'HIRE_OR_DISMISS_PROVIDER' satisfies JointDecisionMatterCode;
/** The matter of a decision electing the owners' committee or replacing members: art. 278 para. 1 item 3. */
export const ELECTION_DECISION_MATTER = 'ELECT_COMMITTEE' satisfies JointDecisionMatterCode;

/**
 * Where a joint decision's figures come from: household ballots counted against the register; a meeting's tally
 * whose totals are the register's; a meeting's tally taken as reported (the register holds no household of the area);
 * a meeting's tally recorded after owners changed in the register since the meeting, its area the register's and its
 * owners within what those changes can move (REPORTED_TALLY_BOUNDED).
 */
export const JOINT_DECISION_TALLY_SOURCES = [
  'REGISTER_BALLOTS',
  'REPORTED_TALLY_CHECKED',
  'REPORTED_TALLY_UNCHECKED',
  'REPORTED_TALLY_BOUNDED',
] as const;
export type JointDecisionTallySource = (typeof JOINT_DECISION_TALLY_SOURCES)[number];

/**
 * The document an owner is identified by, as the areas register holds it and a court's complaint names the defendant:
 * a natural person's 居民身份证 (GB 11643), passport or other document; an owner that is a legal person or other
 * organisation (a developer holding unsold units, a company owning an office) by its unified social credit code (GB
 * 32100), which the complaint states under 被告（法人、非法人组织） instead of 被告（自然人）.
 */
export const OWNER_ID_TYPES = ['RESIDENT_ID', 'PASSPORT', 'OTHER', 'UNIFIED_SOCIAL_CREDIT_CODE'] as const;
export type OwnerIdType = (typeof OWNER_ID_TYPES)[number];

/** Whether an owner so identified is a legal person or other organisation (its unified social credit code). */
export const isOrganisation = (identity: { idType: OwnerIdType }): boolean =>
  identity.idType === 'UNIFIED_SOCIAL_CREDIT_CODE';

/** Building classes of fee schedules (seed 003: ¥1.00 low-rise, ¥1.67 high-rise owner rates). */
export const BUILDING_CLASSES = ['LOW_RISE', 'HIGH_RISE'] as const;
export type BuildingClass = (typeof BUILDING_CLASSES)[number];

/** Governance bodies that sign for the owners: 业主委员会, and the temporary 物业管理委员会 (Beijing arts. 52–59). */
export const GOVERNANCE_BODY_KINDS = ['OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE'] as const;
export type GovernanceBodyKind = (typeof GOVERNANCE_BODY_KINDS)[number];

/** 前期 (signed by the developer before owners organise) and regular service contracts. */
export const CONTRACT_KINDS = ['PRELIMINARY', 'REGULAR'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** Who signs for the owners' side of a contract. */
export const OWNERS_SIDE_KINDS = ['DEVELOPER', ...GOVERNANCE_BODY_KINDS] as const;
export type OwnersSideKind = (typeof OWNERS_SIDE_KINDS)[number];

/** How the provider was chosen: tender, or agreement with the bureau's approval for small projects. */
export const SELECTION_METHODS = ['TENDER', 'AGREEMENT'] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];

/**
 * Why choosing by agreement was allowed, State Council Property Management Regulation art. 24 para. 2's two grounds:
 * "投标人少于3个" (a tender drew fewer than three bidders) or "住宅规模较小" (a small project, by the city's figure).
 */
export const AGREEMENT_GROUNDS = ['SMALL_PROJECT', 'FEWER_THAN_THREE_BIDDERS'] as const;
export type AgreementGround = (typeof AGREEMENT_GROUNDS)[number];

export const FILING_KINDS = ['INITIAL', 'AMENDMENT'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const FILING_STATUSES = ['SUBMITTED', 'RETURNED', 'ACCEPTED', 'SUPERSEDED', 'TERMINATED'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const REVIEW_DECISIONS = ['ACCEPT', 'RETURN'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Where a household's arrears account stands; REFERRED, IN_LITIGATION and JUDGED follow the court case. */
export const ACCOUNT_STATUSES = [
  'CURRENT',
  'IN_COLLECTION',
  'MEDIATION',
  'REFERRED',
  'IN_LITIGATION',
  'JUDGED',
  'SETTLED',
  'WRITTEN_OFF',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * The statuses that end an account's case (arrears' transitions lead nowhere else from them but WRITTEN_OFF): its
 * months were decided or given up, and litigation refers no such account again (重复起诉, SPC interpretation of the
 * Civil Procedure Law art. 247).
 */
export const CONCLUDED_ACCOUNT_STATUSES: ReadonlySet<AccountStatus> = new Set(['JUDGED', 'SETTLED', 'WRITTEN_OFF']);

/** The statuses of an account whose case is before a court, as arrears last recorded it (a referral's events). */
export const BEFORE_COURT_ACCOUNT_STATUSES: ReadonlySet<AccountStatus> = new Set(['REFERRED', 'IN_LITIGATION']);

/** What a charge (and a payment) is for: the monthly service fee or a special levy (专项集资). */
export const CHARGE_KINDS = ['SERVICE_FEE', 'LEVY'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

/** The collection steps (催缴) a company or street office records (seed 004). */
export const COLLECTION_ACTION_KINDS = [
  'NOTICE_POSTED',
  'LETTER',
  'MESSAGE',
  'VISIT',
  'CALL',
  'PAYMENT_PROMISE',
  'INSTALMENT_PLAN',
  'MEDIATION_SESSION',
] as const;
export type CollectionActionKind = (typeof COLLECTION_ACTION_KINDS)[number];

/** The life of a referred case, as litigation publishes it and arrears follows it. */
export const CASE_STATUSES = [
  'SUBMITTED',
  'IN_MEDIATION',
  'DOCKETED',
  'HEARING_SCHEDULED',
  'JUDGED',
  'SETTLED',
  'WITHDRAWN',
  'REJECTED',
  'ENFORCEMENT',
  'CLOSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The steps a court reports about a referred case (named after OASIS ECF 5's docketing callbacks). */
export const COURT_EVENT_KINDS = [
  'MEDIATION_STARTED',
  'DOCKETED',
  'DOCKETING_REFUSED',
  'HEARING_SCHEDULED',
  'PROCEDURE_CHANGED',
  'JUDGED',
  'JUDGMENT_CORRECTED',
  'SETTLED',
  'WITHDRAWN',
  'ENFORCEMENT_STARTED',
  'DEBTOR_LISTED_DISHONEST',
  'CLOSED',
] as const;
export type CourtEventKind = (typeof COURT_EVENT_KINDS)[number];

/** The procedures a court may choose (Civil Procedure Law arts. 165–166). */
export const COURT_PROCEDURES = ['SMALL_CLAIMS', 'SMALL_CLAIMS_BY_CONSENT', 'SIMPLE_OR_ORDINARY'] as const;
export type CourtProcedure = (typeof COURT_PROCEDURES)[number];

/** The hub's proposal: a court procedure, or UNDETERMINED where no threshold is recorded for the province and year. */
export const PROPOSED_PROCEDURES = [...COURT_PROCEDURES, 'UNDETERMINED'] as const;
export type ProposedProcedure = (typeof PROPOSED_PROCEDURES)[number];

/** 物业服务合同型 / 多方联动共治型 / 政府托底居民自治型 (seed 001): areas records it, complaints dispatches by it. */
export const GOVERNANCE_MODELS = ['CONTRACT_BASED', 'MULTI_PARTY_CO_GOVERNANCE', 'GOVERNMENT_BACKSTOP'] as const;
export type GovernanceModel = (typeof GOVERNANCE_MODELS)[number];

/**
 * Who answers a hotline order under the taxonomy and the compound's governance model (seed 001): the filed property
 * company, the property-rights units (售房单位), the residents' council (议事会) or the street's own service centre,
 * or a bureau the street office escalates to (吹哨).
 */
export const RESPONSIBLE_PARTY_KINDS = [
  'PROPERTY_COMPANY',
  'PROPERTY_RIGHTS_UNITS',
  'RESIDENTS_COUNCIL',
  'STREET_SERVICE_CENTRE',
  'BUREAU',
] as const;
export type ResponsiblePartyKind = (typeof RESPONSIBLE_PARTY_KINDS)[number];

/** Where a hotline work order (接诉即办) stands. */
export const COMPLAINT_STATUSES = [
  'AWAITING_MATCH',
  'MATCHED',
  'DISPATCHED',
  'ESCALATED',
  'ACCEPTED',
  'VISITED',
  'RESOLVED',
  'CLOSED',
  // The hotline re-routed the order to another street under its number: that street's copy is the order now, and this
  // one leaves every count (a helper's audit: it stayed due for good, and the call counted twice).
  'REROUTED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The caller's verdict when the street office closes an order. */
export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/**
 * A credit record's subject: a property company (its own conduct on filings and collection) or an owner, only ever
 * as a judgment debtor the enforcing court listed as dishonest (失信被执行人), never for arrears alone.
 */
export const CREDIT_SUBJECT_KINDS = ['COMPANY', 'OWNER'] as const;
export type CreditSubjectKind = (typeof CREDIT_SUBJECT_KINDS)[number];

/** What a credit entry records (issue 17 §3). */
/** The utilities a company may never cut to collect fees (Civil Code art. 944 para. 3: 供电、供水、供热、供燃气). */
export const UTILITY_KINDS = ['WATER', 'POWER', 'HEATING', 'GAS'] as const;
export type UtilityKind = (typeof UTILITY_KINDS)[number];

export const CREDIT_ENTRY_KINDS = [
  'LATE_FILING',
  // Recorded on a returned filing version until helper-236, which found no provision making a return a credit
  // matter; no longer recorded, kept so the entries recorded before stay readable.
  'RETURNED_FILING',
  'UNLAWFUL_COLLECTION_MEASURE',
  'BUREAU_FINDING',
  'DISHONEST_JUDGMENT_DEBTOR',
] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];

/** Who patrols an area (seed 004 §五(四)): the street office, a residents' committee, or the provider. */
export const PATROLLER_KINDS = ['STREET_OFFICE', 'RESIDENTS_COMMITTEE', 'PROPERTY_COMPANY'] as const;
export type PatrollerKind = (typeof PATROLLER_KINDS)[number];

/** Hazards a patrol finds. Seed 004 §四: 楼道内堆放杂物等消防隐患; §五(四): 违法违规行为; §五(五): 险情或安全隐患. */
export const HAZARD_KINDS = ['FIRE_SAFETY', 'BUILDING_SAFETY', 'FACILITY', 'VIOLATION', 'OTHER'] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

/** The members' roles in a preparatory group for an area's first owners' assembly (seed 004 §五(一)). */
export const PREPARATORY_MEMBER_ROLES = [
  'STREET_OFFICE',
  'RESIDENTS_COMMITTEE',
  'OWNER',
  'DEVELOPER',
  'PROPERTY_COMPANY',
  'OTHER',
] as const;
export type PreparatoryMemberRole = (typeof PREPARATORY_MEMBER_ROLES)[number];
