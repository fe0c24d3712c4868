// Where the package's own files are (templates, fixtures), from dist/ or from src/ under tests.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const FIXTURES_DIR = path.join(PACKAGE_ROOT, 'fixtures');
