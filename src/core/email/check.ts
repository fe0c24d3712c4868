// A template is checked before it renders anything: every path that reaches into the other
// party's data must name a field the sharing policy permits, and only the registered helpers may
// be called. Strict mode alone would miss a field named inside a helper's arguments
// (`{{#if mentor.employer}}` renders nothing in strict mode rather than failing), and a branch
// not taken for this cohort would fail only next year; walking the syntax tree catches both.
import { DataError } from '../../errors.js';
import type { Scheme } from '../scheme/schema.js';
import { describedRole, type Direction, permittedFields } from '../policy/projection.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';

/** The parts of Handlebars' syntax tree we read (its published typings omit some of them). */
export interface HbsNode {
  type: string;
  loc?: { start: { line: number } };
  body?: HbsNode[];
  path?: HbsNode;
  params?: HbsNode[];
  hash?: { pairs: { value: HbsNode }[] };
  program?: HbsNode | null;
  inverse?: HbsNode | null;
  data?: boolean;
  parts?: unknown[];
  original?: unknown;
}
type AST = HbsNode;

/** Helpers a template may call: the ones we register and Handlebars' block helpers. */
export const TEMPLATE_HELPERS = ['join', 'date', 'if', 'unless', 'each', 'with'] as const;

export interface CheckInput {
  name: string;
  file: string;
  /** Lines before the body in the file (the front matter), so messages give the file's line. */
  lineOffset: number;
  scheme: Scheme;
  partners: Readonly<Record<string, Direction>>;
}

/** Which permitted fields of each partner the template names; all of them if it iterates the object. */
export type PartnerFields = Record<string, string[]>;

function isHelperCall(node: AST): boolean {
  return (node.params?.length ?? 0) > 0 || (node.hash?.pairs.length ?? 0) > 0;
}

export function checkTemplate(program: AST, input: CheckInput): PartnerFields {
  const used: Record<string, Set<string>> = {};
  for (const p of Object.keys(input.partners)) used[p] = new Set();
  const where = (node: AST) => (node.loc ? ` (line ${node.loc.start.line + input.lineOffset})` : '');
  const fail = (node: AST, message: string, fix: string): never => {
    throw new DataError(`template ${input.name} ${message}${where(node)}`, { file: input.file }, fix);
  };

  const checkPath = (node: AST): void => {
    let parts = (node.parts ?? []).map(String);
    if (node.data) {
      if (parts[0] !== 'root') return; // @index, @key, @first...
      parts = parts.slice(1);
    }
    const head = parts[0];
    if (head === undefined || !Object.prototype.hasOwnProperty.call(input.partners, head)) return;
    const direction = input.partners[head]!;
    const permitted = permittedFields(input.scheme, direction);
    const field = parts[1];
    if (field === undefined) {
      for (const f of permitted) used[head]!.add(f);
      return;
    }
    if (permitted.includes(field)) {
      used[head]!.add(field);
      return;
    }
    const role = describedRole(direction);
    const known: readonly string[] = role === 'mentor' ? MENTOR_FIELDS : STUDENT_FIELDS;
    if (known.includes(field)) {
      fail(
        node,
        `uses "${head}.${field}", which the sharing policy does not permit (scheme.json sharing.${direction})`,
        `remove it from ${input.file}; the policy permits ${permitted.map((f) => `${head}.${f}`).join(', ')}`,
      );
    }
    fail(
      node,
      `uses "${head}.${field}", which is not a ${role} field the sharing policy permits (scheme.json sharing.${direction})`,
      `use one of ${permitted.map((f) => `${head}.${f}`).join(', ')}`,
    );
  };

  const checkCall = (node: AST): void => {
    const path = node.path;
    if (!path) return;
    if (!isHelperCall(node)) {
      if (path.type === 'PathExpression') checkPath(path);
      else visit(path);
    } else {
      const name = path.type === 'PathExpression' ? String(path.original) : path.type;
      if (!(TEMPLATE_HELPERS as readonly string[]).includes(name)) {
        fail(node, `calls "${name}", which is not a helper templates may use`, `use one of: ${TEMPLATE_HELPERS.join(', ')}`);
      }
    }
    for (const p of node.params ?? []) visit(p);
    for (const pair of node.hash?.pairs ?? []) visit(pair.value);
  };

  const visit = (node: AST | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const s of node.body ?? []) visit(s);
        break;
      case 'MustacheStatement':
      case 'SubExpression':
        checkCall(node);
        break;
      case 'BlockStatement':
        checkCall(node);
        visit(node.program);
        visit(node.inverse);
        break;
      case 'PathExpression':
        checkPath(node);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        fail(node, 'uses a partial ({{> ...}}), which templates cannot use', 'write the text into the template itself');
        break;
      case 'Decorator':
      case 'DecoratorBlock':
        fail(node, 'uses a decorator ({{* ...}}), which templates cannot use', 'remove it');
        break;
      default:
        break; // text, comments and literals
    }
  };
  visit(program);
  const out: PartnerFields = {};
  for (const [p, set] of Object.entries(used)) {
    const order = permittedFields(input.scheme, input.partners[p]!);
    out[p] = order.filter((f) => set.has(f));
  }
  return out;
}
