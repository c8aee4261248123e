import { Identity } from '../../kernel/identity';
import {
  DEMO_ADMIN,
  DEMO_BUREAU,
  DEMO_COMPANY,
  DEMO_LINJIANG,
  DEMO_REFERRALS,
  DEMO_STREETS,
} from '../../hub/demo/demo-data';

/**
 * The heaviest legitimate question of each role's dashboard: what its screen asks for in one request, at the
 * page sizes the API offers. The edge's limits (gateway/config.ts) must let every one of these through; the cost
 * test prices them and the dashboards test runs them through the hub with the demo data.
 */
export interface Dashboard {
  role: Identity['role'];
  who: Identity | undefined;
  query: string;
  variables?: Record<string, unknown>;
}

const COURT: Identity = {
  subject: 'haidian-clerk',
  role: 'COURT',
  organisationId: DEMO_REFERRALS.courtId,
  jurisdictions: ['110108'],
};
const OWNERS_COMMITTEE: Identity = {
  subject: 'committee-chair',
  role: 'OWNERS_COMMITTEE',
  organisationId: 'owners-committee-xueyuan-nanlu-32',
  jurisdictions: ['110108009'],
};
const STREET_OFFICE = DEMO_STREETS.find((s) => s.streetCode === '110108009')!.office;

const REFERRAL = `id status procedure amountInDisputeFen grandTotalFen caseNumber docketedOn hearingOn decidedOn batchKey submittedOn areaName
  procedureReasons { code message }
  eligibility { eligible failures { code message months } claimableCharges { month amountFen limitationEndsOn } excludedCharges { month amountFen reason } }
  packages { version digest previousDigest chainSequence createdAt }
  courtEvents { kind occurredAt verdict via receivedAt }`;

const FILING = `id status kind recordNumber submittedOn deadline late daysLate lateConsequence acceptedOn companyId
  area { id name streetCode }
  versions { version submittedOn submittedBy termsSha256 outcome reviewedAt feeFlags { code buildingClass shortfallFenPerM2Month } documents { name type sizeBytes sha256 } returnReasons { field reason } }
  history { sequence version action status at actorOrganisationId actorRole via }`;

const PUBLICITY = `publicServiceStandards(compoundName: $compound) {
  compoundName providerName filingRecordNumber serviceStartsOn serviceEndsOn
  serviceStandards { item standard }
  fees { buildingClass ownerRateYuan assessedRateYuan subsidisedBy }
}`;

export const DASHBOARDS: Dashboard[] = [
  {
    role: 'COURT',
    who: COURT,
    query: `query CourtDashboard {
      referrals(first: 50) { totalCount items { ${REFERRAL}
        household { id unit room floorAreaM2 ownerName arrearsAccounts { accountId status openFen openCharges oldestDueOn daysOverdue agingBucket } } } }
      consolidatedBatches { batchKey courtId plaintiffId areaId contractId referralIds splitFrom courtDecision }
      overdueSmallClaims { dueOn daysOverdue extended referral { id caseNumber docketedOn } }
      courts { courtId name }
    }`,
  },
  {
    role: 'CITY_BUREAU',
    who: DEMO_BUREAU,
    query: `query BureauDashboard {
      filingReviewQueue(first: 50) { totalCount counts { status count late } items { ${FILING} } }
      collectionRates(groupBy: AREA) { key households paidHouseholds billedFen collectedFen byHouseholds { numerator denominator percent } byAmount { numerator denominator percent } }
      referralStatistics { areaId areaName companyId referrals ineligible open judged settled withdrawn amountInDisputeFen judgedFen settledFen }
      levies { id title households paidHouseholds byHouseholds { percent } buildings { buildingId households paidHouseholds quota activated activatedOn rate { percent } } }
      compounds(first: 100) { id name kind governanceModel statistics { buildings elevators households floorAreaM2 } }
    }`,
  },
  {
    role: 'STREET_OFFICE',
    who: STREET_OFFICE,
    query: `query StreetDashboard {
      compounds(first: 100) { id name statistics { buildings elevators households floorAreaM2 } buildings { id label buildingClass floors elevators areaId } }
      areas(first: 50) { id name
        governanceBodies { id kind formedOn termEndsOn filingDeadline filedLate recordingDeadline recordedLate members { id name seat represents } }
        jointDecisions { id matter heldOn valid reasons } }
      arrears(first: 50) { totalCount openFen aging { bucket count openFen } items { accountId status openFen daysOverdue agingBucket household { unit room ownerName } } }
      filingReviewQueue(first: 50) { totalCount counts { status count late } items { id status recordNumber late versions { version outcome } } }
    }`,
  },
  {
    role: 'PROPERTY_COMPANY',
    who: DEMO_COMPANY,
    query: `query CompanyDashboard {
      contracts(first: 50) { totalCount items { id number status kind startsOn endsOn area { id name } filings { id status recordNumber late versions { version outcome returnReasons { field reason } } } } }
      arrears(first: 50) { totalCount openFen aging { bucket count openFen } items { accountId status openFen openCharges oldestDueOn daysOverdue agingBucket household { id unit room floorAreaM2 } } }
      referrals(first: 50) { totalCount items { id status caseNumber amountInDisputeFen eligibility { eligible failures { code } } courtEvents { kind occurredAt } } }
      levies { id title byHouseholds { percent } buildings { buildingId quota activated } }
      collectionRates(groupBy: MONTH) { key households paidHouseholds byAmount { percent } }
    }`,
  },
  {
    role: 'OWNERS_COMMITTEE',
    who: OWNERS_COMMITTEE,
    query: `query CommitteeDashboard($compound: Name!) {
      ${PUBLICITY}
      divisions(parentCode: "110108") { code name level }
      courts { courtId name provinceCode }
    }`,
    variables: { compound: '学院南路32号院' },
  },
  {
    role: 'ADMIN',
    who: DEMO_ADMIN,
    query: `query AdminDashboard {
      areasHealth { subgraph status unpublishedEvents appliedEvents checkedAt }
      contractsHealth { subgraph status unpublishedEvents appliedEvents checkedAt }
      arrearsHealth { subgraph status unpublishedEvents appliedEvents checkedAt }
      litigationHealth { subgraph status unpublishedEvents appliedEvents checkedAt }
      divisions { code name level compoundCount }
      courts { courtId name provinceCode }
      compounds(first: 100) { id name streetCode statistics { buildings households floorAreaM2 } }
      areas(first: 50) { id name streetCode filingReviewers { streetCode districtCode syncedAt } }
    }`,
  },
  {
    // 临江市's 城市管理行政执法局 reviews filings and keeps the credit entries of its city (seed 004 §六(七)); it reads
    // the areas of its city like a city bureau (subgraphs/areas/domain/access.ts).
    role: 'ENFORCEMENT_BUREAU',
    who: DEMO_LINJIANG.enforcementBureau,
    query: `query EnforcementBureauDashboard {
      filingReviewQueue(first: 50, filter: { statuses: [SUBMITTED, RETURNED, ACCEPTED] }) { totalCount counts { status count late } items { ${FILING} } }
      creditEntries(first: 50) { id cityCode areaId subjectKind companyId householdId kind legalBasis occurredOn status noticeEndsOn publishedOn
        objections { grounds by at decision decidedBy decidedAt } }
      divisions(parentCode: "220681") { code name level }
    }`,
  },
  {
    role: 'PUBLIC',
    who: undefined,
    query: `query Publicity($compound: Name!) { ${PUBLICITY} }`,
    variables: { compound: '学院南路32号院' },
  },
];
