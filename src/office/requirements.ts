/** Run-time requirement-set checks: the manifest asks for ExcelApi 1.9, features above it are checked here. */

export interface RequirementSource {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office's own checker, or undefined outside Office (plain browser, tests). */
export function officeRequirements(): RequirementSource | undefined {
  if (typeof Office === 'undefined') return undefined;
  return Office.context?.requirements;
}

export class OfficeFeatureError extends Error {
  readonly messageEn: string;
  readonly code: string;
  constructor(code: string, message: string, messageEn: string) {
    super(message);
    this.name = 'OfficeFeatureError';
    this.code = code;
    this.messageEn = messageEn;
  }
}

/** Throws a clear Chinese (and English) message when Excel is older than `version` of ExcelApi. */
export function requireExcelApi(version: string, feature: string, featureEn: string, source = officeRequirements()): void {
  if (source && source.isSetSupported('ExcelApi', version)) return;
  throw new OfficeFeatureError(
    'requirements.excel-too-old',
    `当前 Excel 版本过旧，「${feature}」需要 ExcelApi ${version} 或更高版本（Microsoft 365 版 Excel、Excel 2021 及以上或 Excel 网页版）。请升级 Excel 后重试。`,
    `This Excel is too old: "${featureEn}" needs ExcelApi ${version} or later (Microsoft 365, Excel 2021+ or Excel on the web). Please update Excel and try again.`,
  );
}
