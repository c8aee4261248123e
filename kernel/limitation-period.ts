/**
 * The Civil Code's ordinary limitation period (诉讼时效), art. 188: one home for the subgraphs that count it (arrears
 * for each fee, areas for how long a seller's particulars may still be needed).
 *
 * Para. 1: "向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。"
 * Para. 2: "…但是，自权利受到损害之日起超过二十年的，人民法院不予保护，有特殊情况的，人民法院可以根据权利人的申请决定延长。"
 */
export const LIMITATION_PERIOD_YEARS = 3;
export const LIMITATION_PERIOD_SOURCE = 'Civil Code art. 188 para. 1';

/** Art. 188 para. 2: no protection twenty years after the harm, whatever the interruptions (save a court's extension). */
export const LONGEST_PROTECTION_YEARS = 20;
export const LONGEST_PROTECTION_SOURCE = 'Civil Code art. 188 para. 2';
