/** The bench's command line: issue 4's sizes by default, --quick for CI, explicit sizes always win. */
import { DEFAULT_OPTIONS, parseBenchArgs, QUICK_SIZES, UsageError } from '../../src/bench/options';

test('defaults are the issue sizes: 36 files × 500 rows, 100,000 validated rows', () => {
  expect(parseBenchArgs([])).toEqual({ files: 36, rows: 500, validateRows: 100_000, json: false, compareInMemory: true });
  expect(DEFAULT_OPTIONS.files * 3 * DEFAULT_OPTIONS.rows).toBe(54_000);
});

test('--quick uses the smoke sizes; an explicit size overrides it in any order', () => {
  expect(parseBenchArgs(['--quick'])).toMatchObject(QUICK_SIZES);
  expect(parseBenchArgs(['--rows', '7', '--quick'])).toMatchObject({ files: QUICK_SIZES.files, rows: 7, validateRows: QUICK_SIZES.validateRows });
  expect(parseBenchArgs(['--files=4', '--validate-rows', '1_000', '--json', '--no-in-memory'])).toEqual({
    files: 4,
    rows: 500,
    validateRows: 1000,
    json: true,
    compareInMemory: false,
  });
});

test.each([[['--files']], [['--files', '0']], [['--rows', '-3']], [['--validate-rows', '1e5']], [['--rows', 'many']], [['--fast']], [['36']]])(
  'rejects %j with a usage error',
  (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
  },
);

test('--help asks for the usage text', () => {
  expect(parseBenchArgs(['--help'])).toBeUndefined();
  expect(parseBenchArgs(['-h'])).toBeUndefined();
});
