// A template is checked before it renders anything: every path that reaches into the other
// party's data must name a field the sharing policy permits, and only the registered helpers may
// be called. Strict mode alone would miss a field named inside a helper's arguments
// (`{{#if mentor.employer}}` renders nothing in strict mode rather than failing), and a branch
// not taken for this cohort would fail only next year; walking the syntax tree catches both.
import { DataError } from '../../errors.js';
import { describedRole, permittedFields } from '../policy/projection.js';
import { MENTOR_FIELDS, STUDENT_FIELDS } from '../types.js';
/** Helpers a template may call: the ones we register and Handlebars' block helpers. */
export const TEMPLATE_HELPERS = ['join', 'date', 'if', 'unless', 'each', 'with'];
function isHelperCall(node) {
    return (node.params?.length ?? 0) > 0 || (node.hash?.pairs.length ?? 0) > 0;
}
export function checkTemplate(program, input) {
    const used = {};
    for (const p of Object.keys(input.partners))
        used[p] = new Set();
    const where = (node) => (node.loc ? ` (line ${node.loc.start.line + input.lineOffset})` : '');
    const fail = (node, message, fix) => {
        throw new DataError(`template ${input.name} ${message}${where(node)}`, { file: input.file }, fix);
    };
    const frames = [{ context: 'root', params: new Map() }];
    const ROOT = 'root';
    /** The partner and field a path reaches, or null when it reaches no partner. */
    const resolve = (node) => {
        let parts = (node.parts ?? []).map(String);
        const original = String(node.original ?? '');
        let frame;
        if (node.data) {
            if (parts[0] !== 'root')
                return null; // @index, @key, @first...
            parts = parts.slice(1);
            frame = frames[0];
        }
        else {
            const depth = node.depth ?? 0;
            const explicitThis = /^(this\b|\.\/)/.test(original);
            if (depth === 0 && !explicitThis && parts.length > 0) {
                for (let i = frames.length - 1; i >= 0; i--) {
                    if (frames[i].params.has(parts[0])) {
                        const bound = frames[i].params.get(parts[0]);
                        return bound === null ? null : { partner: bound, field: parts[1] };
                    }
                }
            }
            frame = frames[frames.length - 1 - depth];
        }
        if (!frame)
            return null;
        if (frame.context !== ROOT)
            return { partner: frame.context, field: parts[0] };
        const head = parts[0];
        if (head === undefined || !Object.prototype.hasOwnProperty.call(input.partners, head))
            return null;
        return { partner: head, field: parts[1] };
    };
    const checkPath = (node) => {
        const target = resolve(node);
        if (!target)
            return;
        const head = target.partner;
        const direction = input.partners[head];
        const permitted = permittedFields(input.scheme, direction);
        const field = target.field;
        if (field === undefined) {
            for (const f of permitted)
                used[head].add(f);
            return;
        }
        if (permitted.includes(field)) {
            used[head].add(field);
            return;
        }
        const role = describedRole(direction);
        const known = role === 'mentor' ? MENTOR_FIELDS : STUDENT_FIELDS;
        if (known.includes(field)) {
            fail(node, `uses "${head}.${field}", which the sharing policy does not permit (scheme.json sharing.${direction})`, `remove it from ${input.file}; the policy permits ${permitted.map((f) => `${head}.${f}`).join(', ')}`);
        }
        fail(node, `uses "${head}.${field}", which is not a ${role} field the sharing policy permits (scheme.json sharing.${direction})`, `use one of ${permitted.map((f) => `${head}.${f}`).join(', ')}`);
    };
    const checkCall = (node) => {
        const path = node.path;
        if (!path)
            return;
        if (!isHelperCall(node)) {
            if (path.type === 'PathExpression')
                checkPath(path);
            else
                visit(path);
        }
        else {
            const name = path.type === 'PathExpression' ? String(path.original) : path.type;
            if (!TEMPLATE_HELPERS.includes(name)) {
                fail(node, `calls "${name}", which is not a helper templates may use`, `use one of: ${TEMPLATE_HELPERS.join(', ')}`);
            }
        }
        for (const p of node.params ?? [])
            visit(p);
        for (const pair of node.hash?.pairs ?? [])
            visit(pair.value);
    };
    /** A block's body: `with` and `each` change the context and may name it; if/unless do neither. */
    const visitBlock = (node) => {
        checkCall(node);
        const name = node.path?.type === 'PathExpression' ? String(node.path.original) : '';
        const blockParams = node.program?.blockParams ?? [];
        if (name === 'with' || name === 'each') {
            const arg = node.params?.[0];
            const target = arg?.type === 'PathExpression' ? resolve(arg) : null;
            // {{#with mentor}}: the context is the partner itself; {{#each mentor}} walks its values.
            const whole = target && target.field === undefined ? target.partner : null;
            // Any other context is checked as the template's data is: a partner's name there is still
            // read as the partner (stricter than Handlebars, never looser).
            const context = name === 'with' && whole ? whole : ROOT;
            const params = new Map();
            blockParams.forEach((p, i) => params.set(p, name === 'with' && i === 0 ? whole : null));
            frames.push({ context, params });
            visit(node.program);
            frames.pop();
        }
        else {
            visit(node.program);
        }
        visit(node.inverse);
    };
    const visit = (node) => {
        if (!node)
            return;
        switch (node.type) {
            case 'Program':
                for (const s of node.body ?? [])
                    visit(s);
                break;
            case 'MustacheStatement':
            case 'SubExpression':
                checkCall(node);
                break;
            case 'BlockStatement':
                visitBlock(node);
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
    const out = {};
    for (const [p, set] of Object.entries(used)) {
        const order = permittedFields(input.scheme, input.partners[p]);
        out[p] = order.filter((f) => set.has(f));
    }
    return out;
}
