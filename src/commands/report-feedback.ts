// Placeholder until the issue that builds this report lands.
import type { Context } from '../context.js';
import { notAvailableYet } from './shared.js';

export async function run(_ctx: Context, ..._args: unknown[]): Promise<void> {
  notAvailableYet('mentorship report feedback');
}
