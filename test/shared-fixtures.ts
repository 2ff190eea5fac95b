/**
 * Where the shared fixtures are (workbooks written by LibreOffice and openpyxl, with expected.json): beside the
 * clone as ../shared/fixtures (how CI and the team's machines lay it out), or $PILOT_TABLES_FIXTURES.
 * One place, so every suite reads the same files.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const candidates = [process.env.PILOT_TABLES_FIXTURES, resolve(__dirname, '../../shared/fixtures'), '/work/shared/fixtures'].filter((x): x is string => !!x);

export const FIXTURES: string = candidates.find((d) => existsSync(join(d, 'cross-submission-expected.json'))) ?? candidates[0];
