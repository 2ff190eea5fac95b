/**
 * Messages quote a value as the cell holds it, not its normalised form: the reviewer searches the file for the
 * quoted text (王五（经理）, not 王五(经理)).
 */
import { aggregate } from '../../src/core/aggregate/aggregate';
import { checkPersonCell } from '../../src/core/rules/cells';
import { deps, makeSubmission } from './helpers';

test('联系人 issues quote the cell as written', () => {
  const at = { table: 'targets' as const, row: 5, column: 'contactPerson', cell: 'D5' };
  expect(checkPersonCell('王五（经理）', at).map((i) => i.message)).toEqual(['联系人不像姓名，请核实：“王五（经理）”']);
  expect(checkPersonCell(' 张三１３８００１３８０００ ', at)[0].message).toContain('“张三１３８００１３８０００”');
});

test('the cross-region warning names the enterprise as its first cell holds it', () => {
  const one = (file: string, region: string, name: string) => ({ file, issues: [], submission: makeSubmission({ file, region, targets: [[name, '工业互联网', '张三', '13800138000 a@qq.com']] }) });
  const s = aggregate([one('北京市.xlsx', '北京市', '星汉智能装备（北京）有限公司'), one('江苏省.xlsx', '江苏省', '星汉智能装备(北京)有限公司 ')], deps);
  const w = s.crossIssues.find((i) => i.code === 'cross.enterprise-in-multiple-regions');
  expect(w?.message).toContain('服务对象“星汉智能装备（北京）有限公司”同时出现在2个地区');
});

test('a name with an address beside it is a name with something extra, not an e-mail instead of a name', () => {
  const at = { table: 'targets' as const, row: 5, column: 'contactPerson', cell: 'D5' };
  const [withName] = checkPersonCell('钱进 qianjin@qq.com', at);
  expect([withName.code, withName.severity, withName.fix?.value, withName.fix?.certain]).toEqual(['contact.name-has-number', 'warning', '钱进', false]);
  expect(checkPersonCell('qianjin@qq.com', at).map((i) => i.code)).toEqual(['contact.name-is-email']);
});
