/**
 * Offline check of manifest.xml (office-addin-manifest validate needs the internet): well-formedness, the
 * schema's element order, resource ids, https URLs, locale names, string lengths and the icons on disk.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

type Node = { [tag: string]: Node[] | string | Record<string, string> | undefined; ':@'?: Record<string, string> };

const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment', trimValues: true }).parse(xml) as Node[];

function tagOf(n: Node): string {
  return Object.keys(n).find((k) => k !== ':@')!;
}
function kids(n: Node): Node[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? v.filter((c) => { const t = tagOf(c); return t !== '#comment' && t !== '#text'; }) : [];
}
function attrs(n: Node): Record<string, string> {
  return n[':@'] ?? {};
}
function text(n: Node): string {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? v.map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : '')).join('') : '';
}
function walk(n: Node, f: (n: Node, path: string[]) => void, path: string[] = []): void {
  const p = [...path, tagOf(n)];
  f(n, p);
  for (const c of kids(n)) walk(c, f, p);
}
function child(n: Node, tag: string): Node | undefined {
  return kids(n).find((c) => tagOf(c) === tag);
}
function all(tag: string): Node[] {
  const out: Node[] = [];
  walk(root, (n) => {
    if (tagOf(n) === tag) out.push(n);
  });
  return out;
}

const root = parsed.find((n) => tagOf(n) === 'OfficeApp')!;
const overrides = child(root, 'VersionOverrides')!;
const resources = child(overrides, 'Resources')!;

function resourceIds(group: string): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const n of kids(child(resources, group)!)) m.set(attrs(n).id, n);
  return m;
}
const images = resourceIds('bt:Images');
const urls = resourceIds('bt:Urls');
const shortStrings = resourceIds('bt:ShortStrings');
const longStrings = resourceIds('bt:LongStrings');

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml (offline check)', () => {
  test('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root).toBeDefined();
    expect(attrs(root)['xsi:type']).toBe('TaskPaneApp');
    expect(attrs(root).xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(attrs(overrides)['xsi:type']).toBe('VersionOverridesV1_0');
    expect(attrs(overrides).xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
  });

  test('OfficeApp children follow the schema order, each at most once, the required ones present', () => {
    const ORDER = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions'];
    const tags = kids(root).map(tagOf);
    for (const t of tags) expect(ORDER).toContain(t);
    expect(new Set(tags).size).toBe(tags.length);
    const idx = tags.map((t) => ORDER.indexOf(t));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    for (const r of REQUIRED) expect(tags).toContain(r);
  });

  test('ids, version, permissions and requirements', () => {
    expect(text(child(root, 'Id')!)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(child(root, 'Version')!)).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(['Restricted', 'ReadDocument', 'ReadWriteDocument']).toContain(text(child(root, 'Permissions')!));
    expect(text(child(root, 'Permissions')!)).toBe('ReadWriteDocument');
    const sets = all('Set').map((s) => [attrs(s).Name, attrs(s).MinVersion]);
    expect(sets).toEqual([['ExcelApi', '1.9']]);
    expect(kids(child(root, 'Hosts')!).map((h) => attrs(h).Name)).toEqual(['Workbook']);
  });

  test('locales are language-REGION, zh-CN by default, every string has an en-US override', () => {
    expect(text(child(root, 'DefaultLocale')!)).toBe('zh-CN');
    const locales: string[] = [];
    walk(root, (n) => {
      if (attrs(n).Locale !== undefined) locales.push(attrs(n).Locale);
    });
    expect(locales.length).toBeGreaterThan(0);
    for (const l of locales) expect(l).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
    for (const n of [child(root, 'DisplayName')!, child(root, 'Description')!, ...shortStrings.values(), ...longStrings.values()]) {
      expect(kids(n).map((o) => attrs(o).Locale)).toEqual(['en-US']);
    }
  });

  test('string lengths are within the schema limits', () => {
    const within = (n: Node, max: number) => {
      const values = [attrs(n).DefaultValue, ...kids(n).map((o) => attrs(o).Value)];
      for (const v of values) {
        expect(v).toBeTruthy();
        expect([...v].length).toBeLessThanOrEqual(max);
      }
    };
    within(child(root, 'DisplayName')!, 125);
    within(child(root, 'Description')!, 250);
    for (const n of shortStrings.values()) within(n, 125);
    for (const n of longStrings.values()) within(n, 250);
    for (const n of [...urls.values(), ...images.values()]) expect(attrs(n).DefaultValue.length).toBeLessThanOrEqual(2048);
    expect(text(child(root, 'ProviderName')!).length).toBeLessThanOrEqual(125);
    for (const id of [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()]) expect(id.length).toBeLessThanOrEqual(32);
    // Control, group and tab ids: unique, at most 125 characters.
    const ids: string[] = [];
    walk(overrides, (n) => {
      if (['Control', 'Group', 'CustomTab'].includes(tagOf(n))) ids.push(attrs(n).id);
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });

  test('every resid is defined, in the right kind of resource, and every resource is used', () => {
    const used = new Set<string>();
    walk(overrides, (n, path) => {
      const resid = attrs(n).resid;
      if (resid === undefined) return;
      used.add(resid);
      const tag = tagOf(n);
      const parent = path[path.length - 2];
      if (tag === 'bt:Image') expect(images.has(resid)).toBe(true);
      else if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(tag)) expect(urls.has(resid)).toBe(true);
      else if (tag === 'Description' && (parent === 'Supertip' || parent === 'GetStarted')) expect(longStrings.has(resid)).toBe(true);
      else if (['Label', 'Title'].includes(tag)) expect(shortStrings.has(resid)).toBe(true);
      else throw new Error(`unexpected resid on ${tag}`);
    });
    for (const id of [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()]) expect(used).toContain(id);
  });

  test('all URLs are https on localhost:3000', () => {
    const found: string[] = [];
    walk(root, (n) => {
      for (const [k, v] of Object.entries(attrs(n))) if (!k.startsWith('xmlns') && /:\/\//.test(v)) found.push(v);
      if (tagOf(n) === 'AppDomain') found.push(text(n));
    });
    expect(found.length).toBeGreaterThan(10);
    for (const u of found) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    expect(attrs(child(child(root, 'DefaultSettings')!, 'SourceLocation')!).DefaultValue).toBe('https://localhost:3000/taskpane.html');
    expect(attrs(urls.get('Commands.Url')!).DefaultValue).toBe('https://localhost:3000/commands.html');
  });

  test('icons referenced exist in assets/ with the declared size', () => {
    const refs: { url: string; size?: number }[] = [
      { url: attrs(child(root, 'IconUrl')!).DefaultValue, size: 32 },
      { url: attrs(child(root, 'HighResolutionIconUrl')!).DefaultValue, size: 64 },
    ];
    for (const img of images.values()) refs.push({ url: attrs(img).DefaultValue });
    for (const use of all('bt:Image').filter((n) => attrs(n).resid)) {
      const url = attrs(images.get(attrs(use).resid)!).DefaultValue;
      refs.push({ url, size: Number(attrs(use).size) });
    }
    for (const { url, size } of refs) {
      const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
      expect(m).not.toBeNull();
      const file = join(ROOT, m![1]);
      expect(existsSync(file)).toBe(true);
      const [w, h] = pngSize(file);
      expect(w).toBe(h);
      if (size) expect(w).toBe(size);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(ROOT, 'assets', `icon-${size}.png`))).toEqual([size, size]);
  });

  test('the ribbon: tab 试点填报 with the five buttons, controls in schema order', () => {
    const label = (n: Node) => attrs(shortStrings.get(attrs(child(n, 'Label')!).resid)!).DefaultValue;
    const tab = all('CustomTab')[0];
    expect(label(tab)).toBe('试点填报');
    expect(kids(tab).map(tagOf)).toEqual(['Group', 'Group', 'Label']);
    const controls = all('Control');
    expect(controls.map(label)).toEqual(['插入模板', '打开面板', '校验', '汇总', '导出CSV']);
    for (const c of controls) {
      expect(attrs(c)['xsi:type']).toBe('Button');
      expect(kids(c).map(tagOf)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
      expect(kids(child(c, 'Icon')!).map((i) => attrs(i).size)).toEqual(['16', '32', '80']);
    }
    const actions = controls.map((c) => child(c, 'Action')!);
    expect(actions.map((a) => attrs(a)['xsi:type'])).toEqual(['ExecuteFunction', 'ShowTaskpane', 'ShowTaskpane', 'ShowTaskpane', 'ShowTaskpane']);
    for (const a of actions.slice(1)) {
      expect(kids(a).map(tagOf)).toEqual(['TaskpaneId', 'SourceLocation', 'Title']);
      expect(text(child(a, 'TaskpaneId')!)).toBe('PilotTablesPane');
    }
    expect(actions.slice(2).map((a) => attrs(urls.get(attrs(child(a, 'SourceLocation')!).resid)!).DefaultValue)).toEqual([
      'https://localhost:3000/taskpane.html?tab=validate',
      'https://localhost:3000/taskpane.html?tab=aggregate',
      'https://localhost:3000/taskpane.html?tab=export',
    ]);
  });

  test('every ExecuteFunction is associated in src/commands/commands.ts', () => {
    const source = readFileSync(join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    for (const f of all('FunctionName').map(text)) expect(source).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*'${f}'`));
  });
});
