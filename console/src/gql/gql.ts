/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ArrearsList($offset: Int!, $first: Int!, $filter: ArrearsFilter) {\n    arrears(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      openFen\n      aging {\n        bucket\n        count\n        openFen\n      }\n      items {\n        accountId\n        unit\n        room\n        status\n        arrearsFen\n        openCharges\n        oldestDueOn\n        daysOverdue\n        agingBucket\n      }\n    }\n  }\n": typeof types.ArrearsListDocument,
    "\n  query AccountStatement($id: ID!) {\n    arrearsAccount(id: $id) {\n      id\n      unit\n      room\n      status\n      asOf\n      billedFen\n      paidFen\n      arrearsFen\n      lateFeeFen\n      charges {\n        chargeId\n        kind\n        month\n        dueOn\n        amountFen\n        paidFen\n        openFen\n        inArrears\n        agingBucket\n      }\n      actions {\n        actionId\n        kind\n        on\n      }\n    }\n  }\n": typeof types.AccountStatementDocument,
    "\n  query CollectionRates($groupBy: CollectionRateGrouping!) {\n    collectionRates(groupBy: $groupBy) {\n      key\n      households\n      paidHouseholds\n      billedFen\n      collectedFen\n      byHouseholds {\n        percent\n      }\n      byAmount {\n        percent\n      }\n    }\n  }\n": typeof types.CollectionRatesDocument,
    "\n  query ReferralStatistics {\n    referralStatistics {\n      areaId\n      areaName\n      companyId\n      referrals\n      ineligible\n      open\n      judged\n      settled\n      withdrawn\n      amountInDisputeFen\n      judgedFen\n    }\n  }\n": typeof types.ReferralStatisticsDocument,
    "\n  query Compounds {\n    compounds(first: 100) {\n      id\n      name\n      kind\n      governanceModel\n      statistics {\n        buildings\n        households\n      }\n    }\n  }\n": typeof types.CompoundsDocument,
    "\n  query Households($id: ID!, $offset: Int!, $first: Int!) {\n    compound(id: $id) {\n      id\n      name\n      households(offset: $offset, first: $first) {\n        totalCount\n        items {\n          id\n          unit\n          room\n          floorAreaM2\n          ownerName\n        }\n      }\n    }\n  }\n": typeof types.HouseholdsDocument,
    "\n  query OverdueGovernanceBodies {\n    overdueGovernanceBodies {\n      asOf\n      reasons\n      area {\n        name\n      }\n      body {\n        id\n        kind\n        formedOn\n        filingDeadline\n        recordingDeadline\n        filedOn\n      }\n    }\n  }\n": typeof types.OverdueGovernanceBodiesDocument,
    "\n  query CompanyContracts($offset: Int!, $first: Int!) {\n    contracts(offset: $offset, first: $first) {\n      totalCount\n      items {\n        id\n        number\n        status\n        startsOn\n        endsOn\n        area {\n          id\n          name\n        }\n        filings {\n          id\n          status\n          recordNumber\n          late\n        }\n      }\n    }\n  }\n": typeof types.CompanyContractsDocument,
    "\n  mutation RunBilling($areaId: ID!, $month: Key!) {\n    runBilling(areaId: $areaId, month: $month) {\n      id\n      month\n      households\n      newlyBilled\n      unbilledHouseholds\n      chargedFen\n      dueOn\n    }\n  }\n": typeof types.RunBillingDocument,
    "\n  query Levies {\n    levies {\n      id\n      title\n      basis\n      dueOn\n      households\n      paidHouseholds\n      byHouseholds {\n        percent\n      }\n      buildings {\n        buildingId\n        households\n        paidHouseholds\n        quota\n        activated\n      }\n    }\n  }\n": typeof types.LeviesDocument,
    "\n  query FilingReviewQueue($offset: Int!, $first: Int!, $filter: FilingReviewQueueFilter) {\n    filingReviewQueue(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      counts {\n        status\n        count\n        late\n      }\n      items {\n        id\n        companyId\n        kind\n        status\n        currentVersion\n        submittedOn\n        deadline\n        late\n        daysLate\n        recordNumber\n        area {\n          name\n        }\n      }\n    }\n  }\n": typeof types.FilingReviewQueueDocument,
    "\n  mutation AcceptFiling($filingId: ID!, $version: Int!) {\n    acceptFiling(filingId: $filingId, version: $version) {\n      id\n      status\n      recordNumber\n    }\n  }\n": typeof types.AcceptFilingDocument,
    "\n  mutation ReturnFiling($filingId: ID!, $version: Int!, $reasons: [ReturnReasonInput!]!) {\n    returnFiling(filingId: $filingId, version: $version, reasons: $reasons) {\n      id\n      status\n    }\n  }\n": typeof types.ReturnFilingDocument,
    "\n  query Referrals($offset: Int!, $first: Int!, $filter: ReferralFilter) {\n    referrals(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      items {\n        id\n        areaName\n        companyId\n        courtId\n        eligible\n        status\n        procedure\n        amountInDisputeFen\n        caseNumber\n        submittedOn\n        eligibility {\n          failures {\n            code\n            message\n            elapsesOn\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReferralsDocument,
    "\n  query ReferralCase($id: ID!) {\n    referral(id: $id) {\n      id\n      areaName\n      companyId\n      status\n      procedure\n      caseNumber\n      docketedOn\n      hearingOn\n      decidedOn\n      amountInDisputeFen\n      grandTotalFen\n      packages {\n        version\n        digest\n        chainSequence\n      }\n      courtEvents {\n        kind\n        occurredAt\n      }\n    }\n    verifyCasePackage(referralId: $id) {\n      valid\n      chainValid\n      version\n      reason\n    }\n  }\n": typeof types.ReferralCaseDocument,
    "\n  query ReferralDocuments($id: ID!) {\n    referral(id: $id) {\n      id\n      documents {\n        name\n        kind\n        mediaType\n        sha256\n        sizeBytes\n        contentBase64\n      }\n    }\n  }\n": typeof types.ReferralDocumentsDocument,
    "\n  mutation ReportCourtEvent($report: CourtReportInput!) {\n    reportCourtEvent(report: $report) {\n      id\n      status\n      caseNumber\n    }\n  }\n": typeof types.ReportCourtEventDocument,
    "\n  query OverdueSmallClaims {\n    overdueSmallClaims {\n      dueOn\n      daysOverdue\n      extended\n      referral {\n        id\n        areaName\n        caseNumber\n      }\n    }\n  }\n": typeof types.OverdueSmallClaimsDocument,
    "\n  query VerifyFilingCertificate($recordNumber: Key!, $digest: Key!) {\n    verifyFilingCertificate(recordNumber: $recordNumber, digest: $digest) {\n      result\n      since\n      provider\n      areaName\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.VerifyFilingCertificateDocument,
};
const documents: Documents = {
    "\n  query ArrearsList($offset: Int!, $first: Int!, $filter: ArrearsFilter) {\n    arrears(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      openFen\n      aging {\n        bucket\n        count\n        openFen\n      }\n      items {\n        accountId\n        unit\n        room\n        status\n        arrearsFen\n        openCharges\n        oldestDueOn\n        daysOverdue\n        agingBucket\n      }\n    }\n  }\n": types.ArrearsListDocument,
    "\n  query AccountStatement($id: ID!) {\n    arrearsAccount(id: $id) {\n      id\n      unit\n      room\n      status\n      asOf\n      billedFen\n      paidFen\n      arrearsFen\n      lateFeeFen\n      charges {\n        chargeId\n        kind\n        month\n        dueOn\n        amountFen\n        paidFen\n        openFen\n        inArrears\n        agingBucket\n      }\n      actions {\n        actionId\n        kind\n        on\n      }\n    }\n  }\n": types.AccountStatementDocument,
    "\n  query CollectionRates($groupBy: CollectionRateGrouping!) {\n    collectionRates(groupBy: $groupBy) {\n      key\n      households\n      paidHouseholds\n      billedFen\n      collectedFen\n      byHouseholds {\n        percent\n      }\n      byAmount {\n        percent\n      }\n    }\n  }\n": types.CollectionRatesDocument,
    "\n  query ReferralStatistics {\n    referralStatistics {\n      areaId\n      areaName\n      companyId\n      referrals\n      ineligible\n      open\n      judged\n      settled\n      withdrawn\n      amountInDisputeFen\n      judgedFen\n    }\n  }\n": types.ReferralStatisticsDocument,
    "\n  query Compounds {\n    compounds(first: 100) {\n      id\n      name\n      kind\n      governanceModel\n      statistics {\n        buildings\n        households\n      }\n    }\n  }\n": types.CompoundsDocument,
    "\n  query Households($id: ID!, $offset: Int!, $first: Int!) {\n    compound(id: $id) {\n      id\n      name\n      households(offset: $offset, first: $first) {\n        totalCount\n        items {\n          id\n          unit\n          room\n          floorAreaM2\n          ownerName\n        }\n      }\n    }\n  }\n": types.HouseholdsDocument,
    "\n  query OverdueGovernanceBodies {\n    overdueGovernanceBodies {\n      asOf\n      reasons\n      area {\n        name\n      }\n      body {\n        id\n        kind\n        formedOn\n        filingDeadline\n        recordingDeadline\n        filedOn\n      }\n    }\n  }\n": types.OverdueGovernanceBodiesDocument,
    "\n  query CompanyContracts($offset: Int!, $first: Int!) {\n    contracts(offset: $offset, first: $first) {\n      totalCount\n      items {\n        id\n        number\n        status\n        startsOn\n        endsOn\n        area {\n          id\n          name\n        }\n        filings {\n          id\n          status\n          recordNumber\n          late\n        }\n      }\n    }\n  }\n": types.CompanyContractsDocument,
    "\n  mutation RunBilling($areaId: ID!, $month: Key!) {\n    runBilling(areaId: $areaId, month: $month) {\n      id\n      month\n      households\n      newlyBilled\n      unbilledHouseholds\n      chargedFen\n      dueOn\n    }\n  }\n": types.RunBillingDocument,
    "\n  query Levies {\n    levies {\n      id\n      title\n      basis\n      dueOn\n      households\n      paidHouseholds\n      byHouseholds {\n        percent\n      }\n      buildings {\n        buildingId\n        households\n        paidHouseholds\n        quota\n        activated\n      }\n    }\n  }\n": types.LeviesDocument,
    "\n  query FilingReviewQueue($offset: Int!, $first: Int!, $filter: FilingReviewQueueFilter) {\n    filingReviewQueue(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      counts {\n        status\n        count\n        late\n      }\n      items {\n        id\n        companyId\n        kind\n        status\n        currentVersion\n        submittedOn\n        deadline\n        late\n        daysLate\n        recordNumber\n        area {\n          name\n        }\n      }\n    }\n  }\n": types.FilingReviewQueueDocument,
    "\n  mutation AcceptFiling($filingId: ID!, $version: Int!) {\n    acceptFiling(filingId: $filingId, version: $version) {\n      id\n      status\n      recordNumber\n    }\n  }\n": types.AcceptFilingDocument,
    "\n  mutation ReturnFiling($filingId: ID!, $version: Int!, $reasons: [ReturnReasonInput!]!) {\n    returnFiling(filingId: $filingId, version: $version, reasons: $reasons) {\n      id\n      status\n    }\n  }\n": types.ReturnFilingDocument,
    "\n  query Referrals($offset: Int!, $first: Int!, $filter: ReferralFilter) {\n    referrals(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      items {\n        id\n        areaName\n        companyId\n        courtId\n        eligible\n        status\n        procedure\n        amountInDisputeFen\n        caseNumber\n        submittedOn\n        eligibility {\n          failures {\n            code\n            message\n            elapsesOn\n          }\n        }\n      }\n    }\n  }\n": types.ReferralsDocument,
    "\n  query ReferralCase($id: ID!) {\n    referral(id: $id) {\n      id\n      areaName\n      companyId\n      status\n      procedure\n      caseNumber\n      docketedOn\n      hearingOn\n      decidedOn\n      amountInDisputeFen\n      grandTotalFen\n      packages {\n        version\n        digest\n        chainSequence\n      }\n      courtEvents {\n        kind\n        occurredAt\n      }\n    }\n    verifyCasePackage(referralId: $id) {\n      valid\n      chainValid\n      version\n      reason\n    }\n  }\n": types.ReferralCaseDocument,
    "\n  query ReferralDocuments($id: ID!) {\n    referral(id: $id) {\n      id\n      documents {\n        name\n        kind\n        mediaType\n        sha256\n        sizeBytes\n        contentBase64\n      }\n    }\n  }\n": types.ReferralDocumentsDocument,
    "\n  mutation ReportCourtEvent($report: CourtReportInput!) {\n    reportCourtEvent(report: $report) {\n      id\n      status\n      caseNumber\n    }\n  }\n": types.ReportCourtEventDocument,
    "\n  query OverdueSmallClaims {\n    overdueSmallClaims {\n      dueOn\n      daysOverdue\n      extended\n      referral {\n        id\n        areaName\n        caseNumber\n      }\n    }\n  }\n": types.OverdueSmallClaimsDocument,
    "\n  query VerifyFilingCertificate($recordNumber: Key!, $digest: Key!) {\n    verifyFilingCertificate(recordNumber: $recordNumber, digest: $digest) {\n      result\n      since\n      provider\n      areaName\n      startsOn\n      endsOn\n    }\n  }\n": types.VerifyFilingCertificateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArrearsList($offset: Int!, $first: Int!, $filter: ArrearsFilter) {\n    arrears(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      openFen\n      aging {\n        bucket\n        count\n        openFen\n      }\n      items {\n        accountId\n        unit\n        room\n        status\n        arrearsFen\n        openCharges\n        oldestDueOn\n        daysOverdue\n        agingBucket\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArrearsList($offset: Int!, $first: Int!, $filter: ArrearsFilter) {\n    arrears(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      openFen\n      aging {\n        bucket\n        count\n        openFen\n      }\n      items {\n        accountId\n        unit\n        room\n        status\n        arrearsFen\n        openCharges\n        oldestDueOn\n        daysOverdue\n        agingBucket\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountStatement($id: ID!) {\n    arrearsAccount(id: $id) {\n      id\n      unit\n      room\n      status\n      asOf\n      billedFen\n      paidFen\n      arrearsFen\n      lateFeeFen\n      charges {\n        chargeId\n        kind\n        month\n        dueOn\n        amountFen\n        paidFen\n        openFen\n        inArrears\n        agingBucket\n      }\n      actions {\n        actionId\n        kind\n        on\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountStatement($id: ID!) {\n    arrearsAccount(id: $id) {\n      id\n      unit\n      room\n      status\n      asOf\n      billedFen\n      paidFen\n      arrearsFen\n      lateFeeFen\n      charges {\n        chargeId\n        kind\n        month\n        dueOn\n        amountFen\n        paidFen\n        openFen\n        inArrears\n        agingBucket\n      }\n      actions {\n        actionId\n        kind\n        on\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionRates($groupBy: CollectionRateGrouping!) {\n    collectionRates(groupBy: $groupBy) {\n      key\n      households\n      paidHouseholds\n      billedFen\n      collectedFen\n      byHouseholds {\n        percent\n      }\n      byAmount {\n        percent\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollectionRates($groupBy: CollectionRateGrouping!) {\n    collectionRates(groupBy: $groupBy) {\n      key\n      households\n      paidHouseholds\n      billedFen\n      collectedFen\n      byHouseholds {\n        percent\n      }\n      byAmount {\n        percent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralStatistics {\n    referralStatistics {\n      areaId\n      areaName\n      companyId\n      referrals\n      ineligible\n      open\n      judged\n      settled\n      withdrawn\n      amountInDisputeFen\n      judgedFen\n    }\n  }\n"): (typeof documents)["\n  query ReferralStatistics {\n    referralStatistics {\n      areaId\n      areaName\n      companyId\n      referrals\n      ineligible\n      open\n      judged\n      settled\n      withdrawn\n      amountInDisputeFen\n      judgedFen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Compounds {\n    compounds(first: 100) {\n      id\n      name\n      kind\n      governanceModel\n      statistics {\n        buildings\n        households\n      }\n    }\n  }\n"): (typeof documents)["\n  query Compounds {\n    compounds(first: 100) {\n      id\n      name\n      kind\n      governanceModel\n      statistics {\n        buildings\n        households\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Households($id: ID!, $offset: Int!, $first: Int!) {\n    compound(id: $id) {\n      id\n      name\n      households(offset: $offset, first: $first) {\n        totalCount\n        items {\n          id\n          unit\n          room\n          floorAreaM2\n          ownerName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Households($id: ID!, $offset: Int!, $first: Int!) {\n    compound(id: $id) {\n      id\n      name\n      households(offset: $offset, first: $first) {\n        totalCount\n        items {\n          id\n          unit\n          room\n          floorAreaM2\n          ownerName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueGovernanceBodies {\n    overdueGovernanceBodies {\n      asOf\n      reasons\n      area {\n        name\n      }\n      body {\n        id\n        kind\n        formedOn\n        filingDeadline\n        recordingDeadline\n        filedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueGovernanceBodies {\n    overdueGovernanceBodies {\n      asOf\n      reasons\n      area {\n        name\n      }\n      body {\n        id\n        kind\n        formedOn\n        filingDeadline\n        recordingDeadline\n        filedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyContracts($offset: Int!, $first: Int!) {\n    contracts(offset: $offset, first: $first) {\n      totalCount\n      items {\n        id\n        number\n        status\n        startsOn\n        endsOn\n        area {\n          id\n          name\n        }\n        filings {\n          id\n          status\n          recordNumber\n          late\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompanyContracts($offset: Int!, $first: Int!) {\n    contracts(offset: $offset, first: $first) {\n      totalCount\n      items {\n        id\n        number\n        status\n        startsOn\n        endsOn\n        area {\n          id\n          name\n        }\n        filings {\n          id\n          status\n          recordNumber\n          late\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunBilling($areaId: ID!, $month: Key!) {\n    runBilling(areaId: $areaId, month: $month) {\n      id\n      month\n      households\n      newlyBilled\n      unbilledHouseholds\n      chargedFen\n      dueOn\n    }\n  }\n"): (typeof documents)["\n  mutation RunBilling($areaId: ID!, $month: Key!) {\n    runBilling(areaId: $areaId, month: $month) {\n      id\n      month\n      households\n      newlyBilled\n      unbilledHouseholds\n      chargedFen\n      dueOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Levies {\n    levies {\n      id\n      title\n      basis\n      dueOn\n      households\n      paidHouseholds\n      byHouseholds {\n        percent\n      }\n      buildings {\n        buildingId\n        households\n        paidHouseholds\n        quota\n        activated\n      }\n    }\n  }\n"): (typeof documents)["\n  query Levies {\n    levies {\n      id\n      title\n      basis\n      dueOn\n      households\n      paidHouseholds\n      byHouseholds {\n        percent\n      }\n      buildings {\n        buildingId\n        households\n        paidHouseholds\n        quota\n        activated\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilingReviewQueue($offset: Int!, $first: Int!, $filter: FilingReviewQueueFilter) {\n    filingReviewQueue(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      counts {\n        status\n        count\n        late\n      }\n      items {\n        id\n        companyId\n        kind\n        status\n        currentVersion\n        submittedOn\n        deadline\n        late\n        daysLate\n        recordNumber\n        area {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilingReviewQueue($offset: Int!, $first: Int!, $filter: FilingReviewQueueFilter) {\n    filingReviewQueue(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      counts {\n        status\n        count\n        late\n      }\n      items {\n        id\n        companyId\n        kind\n        status\n        currentVersion\n        submittedOn\n        deadline\n        late\n        daysLate\n        recordNumber\n        area {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptFiling($filingId: ID!, $version: Int!) {\n    acceptFiling(filingId: $filingId, version: $version) {\n      id\n      status\n      recordNumber\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptFiling($filingId: ID!, $version: Int!) {\n    acceptFiling(filingId: $filingId, version: $version) {\n      id\n      status\n      recordNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnFiling($filingId: ID!, $version: Int!, $reasons: [ReturnReasonInput!]!) {\n    returnFiling(filingId: $filingId, version: $version, reasons: $reasons) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnFiling($filingId: ID!, $version: Int!, $reasons: [ReturnReasonInput!]!) {\n    returnFiling(filingId: $filingId, version: $version, reasons: $reasons) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Referrals($offset: Int!, $first: Int!, $filter: ReferralFilter) {\n    referrals(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      items {\n        id\n        areaName\n        companyId\n        courtId\n        eligible\n        status\n        procedure\n        amountInDisputeFen\n        caseNumber\n        submittedOn\n        eligibility {\n          failures {\n            code\n            message\n            elapsesOn\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Referrals($offset: Int!, $first: Int!, $filter: ReferralFilter) {\n    referrals(offset: $offset, first: $first, filter: $filter) {\n      totalCount\n      items {\n        id\n        areaName\n        companyId\n        courtId\n        eligible\n        status\n        procedure\n        amountInDisputeFen\n        caseNumber\n        submittedOn\n        eligibility {\n          failures {\n            code\n            message\n            elapsesOn\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralCase($id: ID!) {\n    referral(id: $id) {\n      id\n      areaName\n      companyId\n      status\n      procedure\n      caseNumber\n      docketedOn\n      hearingOn\n      decidedOn\n      amountInDisputeFen\n      grandTotalFen\n      packages {\n        version\n        digest\n        chainSequence\n      }\n      courtEvents {\n        kind\n        occurredAt\n      }\n    }\n    verifyCasePackage(referralId: $id) {\n      valid\n      chainValid\n      version\n      reason\n    }\n  }\n"): (typeof documents)["\n  query ReferralCase($id: ID!) {\n    referral(id: $id) {\n      id\n      areaName\n      companyId\n      status\n      procedure\n      caseNumber\n      docketedOn\n      hearingOn\n      decidedOn\n      amountInDisputeFen\n      grandTotalFen\n      packages {\n        version\n        digest\n        chainSequence\n      }\n      courtEvents {\n        kind\n        occurredAt\n      }\n    }\n    verifyCasePackage(referralId: $id) {\n      valid\n      chainValid\n      version\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralDocuments($id: ID!) {\n    referral(id: $id) {\n      id\n      documents {\n        name\n        kind\n        mediaType\n        sha256\n        sizeBytes\n        contentBase64\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralDocuments($id: ID!) {\n    referral(id: $id) {\n      id\n      documents {\n        name\n        kind\n        mediaType\n        sha256\n        sizeBytes\n        contentBase64\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportCourtEvent($report: CourtReportInput!) {\n    reportCourtEvent(report: $report) {\n      id\n      status\n      caseNumber\n    }\n  }\n"): (typeof documents)["\n  mutation ReportCourtEvent($report: CourtReportInput!) {\n    reportCourtEvent(report: $report) {\n      id\n      status\n      caseNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueSmallClaims {\n    overdueSmallClaims {\n      dueOn\n      daysOverdue\n      extended\n      referral {\n        id\n        areaName\n        caseNumber\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueSmallClaims {\n    overdueSmallClaims {\n      dueOn\n      daysOverdue\n      extended\n      referral {\n        id\n        areaName\n        caseNumber\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyFilingCertificate($recordNumber: Key!, $digest: Key!) {\n    verifyFilingCertificate(recordNumber: $recordNumber, digest: $digest) {\n      result\n      since\n      provider\n      areaName\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query VerifyFilingCertificate($recordNumber: Key!, $digest: Key!) {\n    verifyFilingCertificate(recordNumber: $recordNumber, digest: $digest) {\n      result\n      since\n      provider\n      areaName\n      startsOn\n      endsOn\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;