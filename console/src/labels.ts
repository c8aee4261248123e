/** The console's Chinese names for the API's codes. */
export const FILING_STATUS: Record<string, string> = {
  SUBMITTED: '待审核',
  RETURNED: '已退回',
  ACCEPTED: '已备案',
  SUPERSEDED: '已变更',
  TERMINATED: '已终止',
};
export const FILING_KIND: Record<string, string> = { INITIAL: '首次备案', AMENDMENT: '变更备案' };
export const CASE_STATUS: Record<string, string> = {
  SUBMITTED: '已移送',
  IN_MEDIATION: '诉前调解',
  DOCKETED: '已立案',
  HEARING_SCHEDULED: '已排期开庭',
  JUDGED: '已判决',
  SETTLED: '已调解结案',
  WITHDRAWN: '已撤回',
  REJECTED: '不予受理',
  ENFORCEMENT: '执行中',
  CLOSED: '已结案',
};
/** The procedure a court hears a case in: Civil Procedure Law art. 165 (small claims; by the parties' consent up to twice the figure), art. 160 (simple). */
export const PROCEDURE: Record<string, string> = {
  SMALL_CLAIMS: '小额诉讼程序',
  SMALL_CLAIMS_BY_CONSENT: '小额诉讼程序（当事人约定适用）',
  SIMPLE_OR_ORDINARY: '简易程序或普通程序',
  UNDETERMINED: '待定',
};
export const CHARGE_KIND: Record<string, string> = { SERVICE_FEE: '物业费', LEVY: '专项收费' };
export const COLLECTION_ACTION: Record<string, string> = {
  NOTICE_POSTED: '张贴催缴通知',
  LETTER: '催缴函',
  MESSAGE: '短信/消息',
  VISIT: '上门',
  CALL: '电话',
  PAYMENT_PROMISE: '承诺缴费',
  INSTALMENT_PLAN: '分期缴费',
  MEDIATION_SESSION: '调解',
};
export const AGING_BUCKET: Record<string, string> = {
  DAYS_0_30: '1–30天',
  DAYS_31_90: '31–90天',
  DAYS_91_180: '91–180天',
  DAYS_181_365: '181–365天',
  OVER_365: '365天以上',
};
export const ACCOUNT_STATUS: Record<string, string> = {
  CURRENT: '正常',
  IN_COLLECTION: '催收中',
  MEDIATION: '调解中',
  REFERRED: '已移送法院',
  IN_LITIGATION: '诉讼中',
  JUDGED: '已判决',
  SETTLED: '已和解',
  WRITTEN_OFF: '已核销',
};
export const ROLE: Record<string, string> = {
  CITY_BUREAU: '住房城乡建设主管部门',
  ENFORCEMENT_BUREAU: '城市管理行政执法局',
  STREET_OFFICE: '街道办事处',
  PROPERTY_COMPANY: '物业服务企业',
  COURT: '人民法院',
  OWNERS_COMMITTEE: '业主委员会',
  ADMIN: '系统管理员',
};
export const label = (table: Record<string, string>, code: string | null | undefined) =>
  code ? (table[code] ?? code) : '—';
