// Every command, option and example of the CLI. Handlers are imported lazily so that `--help`
// loads nothing heavier than commander (no exceljs, no zod schemas, no solver).
import { Command, CommanderError, Option } from 'commander';
function examples(cmd, lines) {
    return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}
/** The common options, defined once and added to every command; `writes: false` for a command that writes nothing. */
function common(cmd, { writes = true } = {}) {
    cmd.option('-w, --workspace <dir>', 'the scheme workspace (default: the nearest folder holding scheme.json)').option('--json', 'print a machine-readable result on stdout');
    if (writes) {
        cmd
            .option('-n, --dry-run', 'do everything but write; print what would change')
            .option('-f, --force', 'overwrite generated files even if they were edited');
    }
    return cmd
        .option('-y, --yes', 'never prompt (implied when stdin is not a terminal)')
        .option('-q, --quiet', 'print only errors and data')
        .option('-v, --verbose', 'print details, and stack traces on errors');
}
/** A verb whose sub-kinds are its subcommands (import students, report chase, ...). */
function verb(program, name, description, lines) {
    return examples(program.command(name).description(description), lines);
}
const collect = (v, acc) => [...acc, v];
/** The options of every import that reads a form export. */
function readingOptions(cmd, { preset = true } = {}) {
    if (preset)
        cmd.addOption(new Option('--preset <preset>', 'the form tool that made the file').choices(['auto', 'msforms', 'googleforms', 'qualtrics', 'canonical']).default('auto'));
    return cmd
        .option('-m, --map <HEADER=field>', 'map a column to a field (repeatable; wins over scheme.json)', collect, [])
        .option('--sheet <name>', 'the XLSX sheet to read (default: the first)')
        .option('--encoding <enc>', 'force the text encoding of a CSV (utf-8, utf-16le, windows-1252)')
        .option('--delimiter <char>', 'force the CSV delimiter (default: detected)')
        .option('--strict', 'abort with nothing written if any row is rejected');
}
function globalsOf(cmd) {
    const o = cmd.optsWithGlobals();
    return {
        workspace: o.workspace,
        json: Boolean(o.json),
        dryRun: Boolean(o.dryRun),
        yes: Boolean(o.yes),
        force: Boolean(o.force),
        quiet: Boolean(o.quiet),
        verbose: Boolean(o.verbose),
    };
}
export function buildProgram(io) {
    const program = new Command('mentorship')
        .description('Run a university alumni mentorship scheme: import application forms, match students to mentors, ' +
        'share only what the data-sharing policy permits, draft emails, chase and report. Everything stays on this machine.')
        .version('0.1.0', '-V, --version')
        .showHelpAfterError('(run with --help for usage)')
        .configureHelp({ sortSubcommands: false })
        // Set before any subcommand is added, so they inherit it: commander must never exit the
        // process itself (only bin/ does), and writes where main() says.
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) });
    const action = 
    // `fixed` are the arguments a subcommand stands for (the kind of `import students`).
    (load, ...fixed) => async (...args) => {
        const cmd = args[args.length - 1];
        const positional = args.slice(0, -2);
        const opts = args[args.length - 2];
        const name = cmd.parent && cmd.parent.parent ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name();
        await io.run(load, globalsOf(cmd), [...fixed, ...positional, opts], name);
    };
    examples(common(program.command('init').argument('[dir]', 'folder to create (default: current folder)', '.'))
        .description('Create a scheme workspace: scheme.json (settings, timeline, sharing policy, vocabularies), templates/, data/, out/')
        .option('--name <name>', 'the scheme name (default: EI Alumni Mentorship Programme YEAR)')
        .option('--year <year>', 'the scheme year, June to May (default: the one running or next to start today)')
        .option('--from <dir>', "start from last year's workspace: its settings, edited templates, and its pairs as exclusions"), ['mentorship init ei-2026-27', 'mentorship init ei-2027-28 --year 2027-28', 'mentorship init ei-2027-28 --from ei-2026-27']).action(action(() => import('./commands/init/index.js')));
    const importing = verb(program, 'import', 'students|mentors|meetings|feedback|pairs|exclusions: import form exports into the workspace; rejected rows go to out/rejects/', [
        'mentorship import students "Student applications.xlsx"',
        'mentorship import mentors alumni.csv --map "Your job title=job_role"',
        'mentorship import feedback --survey final survey.csv',
    ]);
    const loadImport = () => import('./commands/import/index.js');
    const files = '<files...>';
    const filesHelp = 'form exports (.csv or .xlsx)';
    for (const [kind, what] of [['students', 'student applications'], ['mentors', 'mentor (alumni) applications']]) {
        examples(readingOptions(common(importing.command(kind).argument(files, filesHelp))).description(`Import ${what}`), [
            `mentorship import ${kind} "${kind === 'students' ? 'Student applications.xlsx' : 'alumni.csv'}"`,
            `mentorship import ${kind} export.csv --map "Your job title=job_role" --dry-run`,
        ]).action(action(loadImport, kind));
    }
    examples(readingOptions(common(importing.command('meetings').argument(files, filesHelp))).description('Import meeting check-ins (student, meeting number, date)'), [
        'mentorship import meetings checkin.csv',
    ]).action(action(loadImport, 'meetings'));
    examples(readingOptions(common(importing.command('feedback').argument(files, filesHelp)))
        .description('Import feedback survey answers')
        .option('--survey <name>', 'the survey these answers belong to (as named in scheme.json)'), ['mentorship import feedback --survey final survey.csv']).action(action(loadImport, 'feedback'));
    examples(readingOptions(common(importing.command('pairs').argument(files, filesHelp)), { preset: false }).description('Import pairs arranged outside the tool (student_email, mentor_email, note)'), [
        'mentorship import pairs prearranged.csv',
    ]).action(action(loadImport, 'pairs'));
    examples(readingOptions(common(importing.command('exclusions').argument(files, filesHelp)), { preset: false }).description('Import pairs never to propose (student_email, mentor_email, reason)'), [
        'mentorship import exclusions conflicts.csv',
    ]).action(action(loadImport, 'exclusions'));
    const logging = verb(program, 'log', "meeting|no-response: record one meeting by hand, or a student's report that their mentor has not replied", [
        'mentorship log meeting zoe.obrien@lse.ac.uk 1 2026-01-20',
        'mentorship log no-response zoe.obrien@lse.ac.uk 1 2026-02-03',
    ]);
    const logArgs = (cmd) => cmd.argument('<student>', "the student's email").argument('<n>', 'the meeting number, 1 to 3').argument('<date>', "the date: YYYY-MM-DD, or in the scheme's date order (scheme.json date_order: dd/mm/yyyy or mm/dd/yyyy)");
    examples(common(logArgs(logging.command('meeting'))).description('Record one meeting that took place'), ['mentorship log meeting zoe.obrien@lse.ac.uk 1 2026-01-20']).action(action(() => import('./commands/log/index.js'), 'meeting'));
    examples(common(logArgs(logging.command('no-response'))).description('Record that the student says their mentor has not replied about a meeting'), [
        'mentorship log no-response zoe.obrien@lse.ac.uk 1 2026-02-03',
    ]).action(action(() => import('./commands/log/index.js'), 'no-response'));
    const reporting = verb(program, 'report', 'supply|chase|feedback|programme: reports, supply (before matching), chase (who is overdue), feedback, programme (success metrics)', [
        'mentorship report supply',
        'mentorship report chase --as-of 2026-02-10',
        'mentorship report programme',
    ]);
    examples(common(reporting.command('supply')).description('Students asking and mentor places offered, by sector and support area'), ['mentorship report supply']).action(action(() => import('./commands/report/supply.js')));
    examples(common(reporting.command('chase'))
        .description('Who is overdue for a meeting, and whom to chase')
        .option('--as-of <date>', 'the date to judge overdue meetings on (default today)'), ['mentorship report chase', 'mentorship report chase --as-of 2026-02-10']).action(action(() => import('./commands/report/chase.js')));
    examples(common(reporting.command('feedback')).description('The feedback survey answers').option('--survey <name>', 'only this survey'), [
        'mentorship report feedback',
        'mentorship report feedback --survey final',
    ]).action(action(() => import('./commands/report/feedback.js')));
    examples(common(reporting.command('programme').alias('program')).description('The success metrics of the programme'), ['mentorship report programme']).action(action(() => import('./commands/report/programme.js')));
    examples(common(program.command('match'))
        .description('Propose the optimal pairs for every student without a confirmed pair; writes out/match-review.xlsx')
        .option('--fair', 'first raise the lowest score any matched student gets, then the total')
        .option('--explain <email>', 'why this student got their mentor, and the best alternatives')
        .option('--allow-mentor <email>', 'let a mentor who did not answer chases take new students again (repeatable)', collect, []), ['mentorship match', 'mentorship match --fair', 'mentorship match --explain zoe.obrien@lse.ac.uk']).action(action(() => import('./commands/match/index.js')));
    examples(common(program.command('confirm').argument('[review_file]', 'the review sheet after editing (default out/match-review.xlsx)'))
        .description('Apply the decision column of a review sheet (approve, reject, or a mentor email), or confirm all')
        .option('--all', 'confirm every proposed pair')
        .option('--completed', "after the programme's end: mark every confirmed pair completed"), ['mentorship confirm out/match-review.xlsx', 'mentorship confirm reviewed.csv', 'mentorship confirm --all', 'mentorship confirm --completed']).action(action(() => import('./commands/confirm/index.js')));
    examples(common(program.command('withdraw').argument('<email>', "the student's (or mentor's) email"))
        .description("End a pair; it stays in the history and the mentor's place is freed for re-matching")
        .option('--reason <text>', 'why the pair ended'), ['mentorship withdraw sam.taylor@lse.ac.uk --reason "chased three times"']).action(action(() => import('./commands/withdraw/index.js')));
    examples(common(program.command('export')).description("Write each side's view of their partner (permitted fields only) to out/export/ as CSV and XLSX"), ['mentorship export', 'mentorship export --dry-run']).action(action(() => import('./commands/export/index.js')));
    const mailing = verb(program, 'emails', 'intro|chase|feedback: write email drafts (.eml for Outlook, .txt, .html) under out/emails/KIND/', [
        'mentorship emails intro',
        'mentorship emails chase --record',
        'mentorship emails feedback --survey final',
    ]);
    examples(common(mailing.command('intro'))
        .description('Introduce each newly confirmed pair (and notify both sides of a pair that ended)')
        .option('--record', 'record the introductions as sent, in data/introductions.csv'), ['mentorship emails intro', 'mentorship emails intro --record']).action(action(() => import('./commands/emails/intro.js')));
    examples(common(mailing.command('chase'))
        .description('Remind whoever is overdue for a meeting')
        .option('--record', 'record the chases as sent, in data/chases.csv')
        .option('--as-of <date>', 'the date to judge overdue meetings on (default today)'), ['mentorship emails chase', 'mentorship emails chase --record --as-of 2026-02-10']).action(action(() => import('./commands/emails/chase.js')));
    examples(common(mailing.command('feedback'))
        .description('Ask every participant to answer the feedback survey')
        .option('--survey <name>', 'the survey to ask for (default: the survey dated nearest to today)'), ['mentorship emails feedback', 'mentorship emails feedback --survey final']).action(action(() => import('./commands/emails/feedback.js')));
    examples(common(program.command('status'), { writes: false }).description('Counts, and the next step to take'), ['mentorship status', 'mentorship status --json']).action(action(() => import('./commands/status/index.js')));
    examples(common(program.command('purge'))
        .description('Delete personal data past the retention date; keep the aggregate figures')
        .option('--before <date>', 'purge programmes that ended before this date (default: the retention date)'), ['mentorship purge --dry-run', 'mentorship purge --before 2027-06-01 --yes']).action(action(() => import('./commands/purge/index.js')));
    examples(common(program.command('demo').argument('[dir]', 'folder for the demo workspace', 'mentorship-demo'))
        .description('Run the whole year on the bundled sample data in a new workspace'), ['mentorship demo', 'mentorship demo /tmp/try-it']).action(action(() => import('./commands/demo/index.js')));
    return program;
}
export { CommanderError };
