import { locateSubmission } from '../../src/core/locate';
import { findRegion } from '../../src/core/locate/region';
import { TABLES, SCHEME_TYPE_HINT, INDUSTRY_HINT } from '../../src/core/notice/tables';
import { place, sheet, workbook, type Cellish } from './grid-builder';

const H = (t: keyof typeof TABLES): string[] => TABLES[t].columns.map((c) => c.header);
const texts = (rows: readonly { cells: Record<string, { text: string }> }[]) => rows.map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.text])));

describe('locator on built grids', () => {
  test('two-row header: 联系方式 split into 手机 / 邮箱 is merged back into one contact text', () => {
    const rows: Cellish[][] = [
      ['表2 服务对象基本情况'],
      ['序号', '企业名称', '所在行业领域', '联系人', '联系方式（手机与邮箱）'],
      [undefined, undefined, undefined, undefined, '手机', '邮箱'],
      [1, '甲公司', '车联网', '张三', { text: '13800138000', type: 'number', number: 13800138000 }, 'zs@qq.com'],
      [2, '乙公司', '工业互联网', '李四', '13900139000', { text: 'ls@qq.com', type: 'string', link: 'mailto:ls@qq.com' }],
    ];
    const merges = [
      { r0: 1, c0: 4, r1: 1, c1: 5 },
      { r0: 1, c0: 0, r1: 2, c1: 0 },
      { r0: 1, c0: 1, r1: 2, c1: 1 },
    ];
    const { submission } = locateSubmission(workbook('x.xlsx', sheet('S', rows, { merges })));
    const t = submission.tables.targets;
    expect(t?.headerRows).toEqual([2, 3]);
    expect(t?.columns).toEqual({ seq: 'A', name: 'B', industry: 'C', contactPerson: 'D', contact: 'E' });
    expect(texts(t?.rows ?? []).map((r) => r.contact)).toEqual(['13800138000 zs@qq.com', '13900139000 ls@qq.com']);
    expect(t?.rows[1].cells.contact.raw?.link).toBe('mailto:ls@qq.com');
    expect(t?.rows.map((r) => r.row)).toEqual([4, 5]);
  });

  test('side by side tables, extra 备注 column, 合计, seq-only and trailing bordered rows', () => {
    const g: Cellish[][] = [];
    place(g, 2, 1, [['表2 服务对象基本情况'], [...H('targets'), '备注'], [1, '甲', '车联网', '张三', '13800138000 a@b.cn', '无'], [2, '乙', '金融', '李四', '13900139000 c@d.cn'], [3], ['合计', '2家']]);
    place(g, 2, 9, [['表3 服务方案基本情况'], H('schemes'), [1, '方案A', '企业类', '车联网', '王五', '13700137000 e@f.cn']]);
    const { submission } = locateSubmission(workbook('北京市.xlsx', sheet('S', g)));
    expect(submission.tables.targets?.rows.map((r) => r.row)).toEqual([5, 6]);
    expect(Object.keys(submission.tables.targets?.rows[0].cells ?? {})).not.toContain('备注');
    expect(submission.tables.schemes?.columns?.seq).toBe('J');
    expect(submission.tables.schemes?.rows).toHaveLength(1);
    expect(submission.variant).toBe('附件2');
  });

  test('hidden sheet is reported and not merged; a very-hidden lists sheet is silent', () => {
    const vis = sheet('附件2', [['表1 服务机构基本情况'], H('agencies'), [1, '甲保险公司', '保险公司', '张三 13800138000', '是，牵头']]);
    const hid = sheet('旧数据', [['表2 服务对象基本情况'], H('targets'), [1, '甲', '车联网', '张三', 'x'], [2, '乙', '车联网', '李四', 'y']], { hidden: true });
    const lists = sheet('lists', [['保险公司'], ['再保险公司'], ['网络安全企业']], { veryHidden: true });
    const { submission, issues } = locateSubmission(workbook('江苏省.xlsx', vis, hid, lists));
    expect(submission.tables.targets).toBeUndefined();
    const h = issues.filter((i) => i.code === 'workbook.hidden-sheet');
    expect(h).toHaveLength(1);
    expect(h[0].severity).toBe('warning');
    expect(h[0].message).toContain('旧数据');
    expect(h[0].message).toContain('表2 服务对象 2 行');
    expect(issues.filter((i) => i.code === 'workbook.table-missing').length).toBe(2);
  });

  test('no table at all → workbook.no-tables', () => {
    const { issues } = locateSubmission(workbook('a.xlsx', sheet('S', [['hello'], ['world']])));
    expect(issues.map((i) => i.code)).toContain('workbook.no-tables');
    expect(issues.find((i) => i.code === 'workbook.no-tables')?.severity).toBe('error');
  });

  test('附件2 without 表1 → workbook.table-missing for agencies', () => {
    const s = sheet('S', [['表2 服务对象基本情况'], H('targets'), [1, '甲', '车联网', '张三', 'x'], [], ['表3 服务方案基本情况'], H('schemes'), [1, '方案', '企业类', '车联网', '李四', 'y']]);
    const { submission, issues } = locateSubmission(workbook('浙江省.xlsx', s));
    expect(submission.variant).toBe('附件2');
    const miss = issues.filter((i) => i.code === 'workbook.table-missing');
    expect(miss).toHaveLength(1);
    expect(miss[0].message).toContain('服务机构');
  });

  test('附件3 is told by titles: 表1 is 服务对象', () => {
    const s = sheet('S', [['表 1 服务对象基本情况'], H('targets'), [1, '甲', '车联网', '张三', 'x'], [], ['表2 服务方案基本情况'], H('schemes'), [1, '方案', '企业类', '车联网', '李四', 'y']]);
    const { submission, issues } = locateSubmission(workbook('x.xlsx', s));
    expect(submission.variant).toBe('附件3');
    expect(issues.filter((i) => i.code === 'workbook.table-missing')).toEqual([]);
  });

  test('hint rows (with or without brackets), …… rows, header line breaks and half-width brackets', () => {
    const s = sheet('S', [
      ['序号', '方案\n名称', '方案类型', '行业领域', '联系人', '联系方式 (手机与邮箱)'],
      [undefined, undefined, SCHEME_TYPE_HINT, INDUSTRY_HINT.replace(/[（）]/g, '')],
      [1, '方案A', '企业类', '车联网', '王五', 'e'],
      ['……'],
      ['…', '…'],
    ]);
    const { submission } = locateSubmission(workbook('x.xlsx', s));
    expect(submission.tables.schemes?.rows.map((r) => r.row)).toEqual([3]);
  });

  test('region: from the form, a 填报单位 line, titles, the file name; unknown otherwise', () => {
    expect(findRegion('新疆生产建设兵团工业和信息化局')?.name).toBe('新疆生产建设兵团');
    expect(findRegion('新疆维吾尔自治区通信管理局')?.name).toBe('新疆维吾尔自治区');
    expect(findRegion('福建省厦门市')?.name).toBe('厦门市');
    expect(findRegion('福建省通信管理局')?.name).toBe('福建省');
    expect(findRegion('内蒙古试点方案')?.name).toBe('内蒙古自治区');
    const table: Cellish[][] = [H('targets'), [1, '甲', '车联网', '张三', 'x']];
    const filler = locateSubmission(workbook('汇总.xlsx', sheet('S', [['填报单位：广东省通信管理局'], ...table])));
    expect(filler.submission.region?.name).toBe('广东省');
    expect(filler.submission.submitter).toBe('广东省通信管理局');
    const fromFile = locateSubmission(workbook('深圳市附件2.xlsx', sheet('S', table)));
    expect(fromFile.submission.region?.name).toBe('深圳市');
    const unknown = locateSubmission(workbook('汇总表.xlsx', sheet('S', table)));
    expect(unknown.submission.region).toBeUndefined();
    const u = unknown.issues.find((i) => i.code === 'workbook.region-unknown');
    expect(u?.severity).toBe('warning');
    // 附件2 (it has 服务机构): the authority's field is where the region goes.
    const a2 = locateSubmission(workbook('汇总表.xlsx', sheet('S', [H('agencies'), [1, '甲保险公司', '保险公司', '张三 13800138000', '是，牵头'], [], ...table])));
    expect(a2.submission.variant).toBe('附件2');
    expect(a2.issues.find((i) => i.code === 'workbook.region-unknown')?.message).toContain('请在“地方行业主管部门（全称）”或文件名中写明');
    // 附件3 has no 地方行业主管部门 field: its 基本信息 has 所在地区.
    const a3 = locateSubmission(workbook('汇总表.xlsx', sheet('S', [['表2 服务方案基本情况'], H('schemes'), [1, '方案A', '企业类', '车联网', '王五', '13700137000 e@f.cn']])));
    expect(a3.submission.variant).toBe('附件3');
    expect(a3.issues.find((i) => i.code === 'workbook.region-unknown')?.message).toContain('请在基本信息的“所在地区”或文件名中写明');
  });

  test('a 计划单列市 is the region only when written right after its province; the province otherwise', () => {
    expect(findRegion('福建省厦门市')?.name).toBe('厦门市');
    expect(findRegion('福建 厦门 附件2')?.name).toBe('厦门市');
    expect(findRegion('广东省（含深圳）-附件2')?.name).toBe('广东省');
    expect(findRegion('山东省附件2（青岛另报）')?.name).toBe('山东省');
  });

  test('a file whose name (or folder) names another region than its content: warned, content wins', () => {
    const s = sheet('基本情况', [['一、基本情况'], ['地方行业主管部门（全称）', '上海市经济和信息化委员会']]);
    const t = sheet('表', [['表1 服务机构基本情况'], H('agencies'), [1, '甲保险公司', '保险公司', '张三 13800138000', '是，牵头']]);
    const conflict = locateSubmission(workbook('浙江省/附件2.xlsx', s, t));
    expect(conflict.submission.region?.name).toBe('上海市');
    const w = conflict.issues.filter((i) => i.code === 'workbook.region-conflict');
    expect(w.map((i) => [i.severity, i.message])).toEqual([['warning', '文件名“浙江省/附件2.xlsx”写的是浙江省，但表单（基本情况/基本信息）中是上海市；已按上海市汇总。请核实是否放错了文件或写错了地区。']]);
    for (const name of ['上海市-附件2.xlsx', '附件2.xlsx']) expect(locateSubmission(workbook(name, s, t)).issues.map((i) => i.code)).not.toContain('workbook.region-conflict');
  });

  test('the form 一、基本情况: label then value to the right or below', () => {
    const s = sheet('基本情况', [['一、基本情况'], ['地方行业主管部门（全称）', '宁夏回族自治区工业和信息化厅'], ['邮箱'], ['nx@163.com']]);
    const t = sheet('表', [['表1 服务机构基本情况'], H('agencies'), [1, '甲', '保险公司', '张三 13800138000', '是']]);
    const { submission } = locateSubmission(workbook('a.xlsx', s, t));
    expect(submission.region?.name).toBe('宁夏回族自治区');
    expect(submission.form?.find((f) => f.key === 'authority')?.text).toBe('宁夏回族自治区工业和信息化厅');
    expect(submission.form?.find((f) => f.key === 'contactEmail')).toMatchObject({ text: 'nx@163.com', cell: 'A4' });
  });
});
