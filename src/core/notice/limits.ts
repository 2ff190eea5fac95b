/** The numbers the notice sets, each quoted from where it sets it. */
export const LIMITS = {
  /** 牵头单位1家 */
  leadsPerConsortium: 1,
  /** 联合单位不超过10家 */
  maxJointUnits: 10,
  /** 每个申报主体牵头的网络安全保险服务方案总数原则上不超过5个 */
  maxSchemesPerLead: 5,
  /** 申报单位简介 / 方案概述：不超过400字 */
  maxIntroChars: 400,
  /** 试点方案 不少于3000字; 服务方案 不少于5000字 (long-form text, outside the tables) */
  minPilotPlanChars: 3000,
  minSchemeChars: 5000,
} as const;

export interface Deadline {
  readonly key: 'scheme' | 'pilotPlan' | 'summary';
  /** ISO date, inclusive: submissions must arrive before the end of the day before (…前). */
  readonly date: string;
  readonly label: string;
  readonly labelEn: string;
}

/** 于2024年1月28日前 / 应于2024年3月15日之前 / 于2024年11月10日之前 */
export const DEADLINES: readonly Deadline[] = [
  { key: 'scheme', date: '2024-01-28', label: '网络安全保险服务方案（附件1）报送', labelEn: 'service scheme (attachment 1)' },
  { key: 'pilotPlan', date: '2024-03-15', label: '试点工作方案（附件2—4）上报', labelEn: 'pilot work plan (attachments 2-4)' },
  { key: 'summary', date: '2024-11-10', label: '试点总结书面报告上报', labelEn: 'written pilot summary' },
];

export const NOTICE = {
  number: '工信厅网安函〔2023〕356号',
  title: '工业和信息化部办公厅关于组织开展网络安全保险服务试点工作的通知',
  titleEn: 'MIIT notice on the cyber-security insurance service pilot',
} as const;
