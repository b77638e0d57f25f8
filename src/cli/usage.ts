// The help texts of `icp`, `icp score`, `icp check`, `icp validate`, `icp sql` and `icp draft`.

export const SCORE_USAGE = `Usage: icp score <accounts.csv | -> [--model model.json] [--profile NAME] [--out FILE] [--today YYYY-MM-DD] [--locale LOCALE] [--threads N] [--lenient]

Scores every row of a CSV file (the first row holds the column headers) and writes the CSV back with three
columns added: ICP Score (0-100), ICP Tier and ICP Why ("ICP Score (ICP Scorer)"... when the file has columns
of those names already). Every input column is kept as it is; blank rows get blank results. A one-line tier
summary, and a warning per criterion column missing from the file, go to standard error. Use - to read the
CSV from standard input. The file must be UTF-8 (Excel: "CSV UTF-8") or UTF-16 with its byte order mark
("Unicode Text"); the output is UTF-8, with a byte order mark when the input had one. Semicolon- and
tab-separated files are read as such and written back with the same delimiter.

Options:
  --model FILE      the ICP model JSON (as exported from the sidebar); default: the built-in
                    "Mid-market B2B SaaS" template
  --profile NAME    the profile to score with; default: the model's default profile
  --out FILE        write to FILE instead of standard output (- for standard output); FILE is replaced only
                    when scoring succeeds (through a symlink, keeping its permissions; a FIFO or device is
                    written directly), and never if it is the CSV or the model read
  --today DATE      the day "withinDays" criteria count back from, YYYY-MM-DD; default: today
  --locale LOCALE   read numbers written as text as LOCALE writes them: de_DE, fr, pt_BR... (decimal comma:
                    1.234,5 and 1 234,5 are 1234.5, 1.234 is 1234, 1,5 is 1.5); default: the US reading (1,234.5)
  --threads N       score on N threads (1 to 64): this one and N-1 workers; default for files of 4 MB or
                    more: one plus one per CPU idle right now (within the cores and the CPU quota, at
                    most 8), else 1. The output is the same byte for byte; standard input and pipes are
                    read on one thread
  --lenient         read a row that a quoted field running over line breaks leaves with the wrong number
                    of cells (a quote never closed, which swallows the lines after it) as it is, with a
                    warning, instead of stopping with an error
  -h, --help        show this help
`;

export const CHECK_USAGE = `Usage: icp check <model.json> [--headers accounts.csv]

Checks an ICP model file and lists every problem by its path, one per line (exit code 1 if any).
With --headers, also reads the first row of a CSV file and warns about criteria whose column it lacks
(those criteria would count as unknown on every row).

Options:
  --headers FILE    a CSV file whose header row the model's criteria should find their columns in
  -h, --help        show this help
`;

export const VALIDATE_USAGE = `Usage: icp validate <deals.csv | -> [--model model.json] [--profile NAME] [--outcome COLUMN] [--account COLUMN] [--value COLUMN] [--today YYYY-MM-DD] [--locale LOCALE] [--json] [--suggested-model FILE] [--lenient]

Scores every row of a CSV file whose outcome column says won, lost or open (also closed won, closed lost,
customer, churned, in progress...), then reports how well the model predicts winning: win rate, lift and
won value per tier, a verdict tested on the AUC's 95% interval (deals of one account counted together), each
criterion's fitted effect with its interval and suggested points and category weights from one penalised
logistic regression, and what each must-have and exclusion disqualified. The same figures as "Validate
against outcomes" in the add-on. Use - to read the CSV from standard input.

Options:
  --model FILE            the ICP model JSON; default: the built-in "Mid-market B2B SaaS" template
  --profile NAME          the profile to validate; default: the model's default profile
  --outcome COLUMN        the column of outcomes; default: the one the add-on picks from the first 1,000
                          rows: the first named Outcome, Status, Stage, Deal Stage, Deal Status,
                          Opportunity Stage or Result among the columns that read as outcomes, else the
                          column with the most outcomes
  --account COLUMN        the column naming each deal's account (none: no account column); default: the
                          first named Account, Account Name, Account ID, Company, Company Name, ...
  --value COLUMN          the deal-value column for won value per tier (none: no value column); default:
                          the first named Deal Value, Close Value, Amount, Value, ARR, ... whose cells are numbers
  --today DATE            the day "withinDays" criteria count back from, YYYY-MM-DD; default: today
  --locale LOCALE         read numbers written as text as LOCALE writes them (de_DE: 1.234,5); default: the
                          US reading (1,234.5)
  --json                  print the figures as JSON instead of the report
  --suggested-model FILE  also write the model with the suggested points and weights to FILE (replacing it);
                          nothing is written when the outcomes give no suggestion
  --lenient               read a row that a quote never closed leaves malformed as it is, with a warning
  -h, --help              show this help
`;

export const DRAFT_USAGE = `Usage: icp draft <deals.csv | -> [--outcome COLUMN] [--out model.json] [--max-criteria N] [--today YYYY-MM-DD] [--profile-name NAME] [--locale LOCALE] [--json]

Drafts a whole ICP model from a CSV of deals (or customers) and their outcomes, as "Draft a model from outcomes"
does in the add-on: candidate criteria from every column (values and groups of values, numeric ranges cut at
the data's quantiles, list items such as a tech stack, date recency, yes/no), chosen and weighed by an
elastic-net logistic regression whose penalty is chosen by cross-validation (an account's deals kept together
when an account column repeats); exclusions for values that lost every one of at least 20 closed deals; tiers
cut at the scores' quantiles. Prints each criterion with its evidence; ids, names, e-mails, free text and
columns written when a deal closes are not used. Data without a clear signal drafts few criteria or none.

Options:
  --outcome COLUMN     the column of outcomes: won / lost / open words, or yes / no (a Won or "best customer"
                       column, yes counted as won); default: the column icp validate picks
  --out FILE           write the drafted model JSON to FILE (replacing it; - for standard output, the report
                       then going to standard error)
  --max-criteria N     draft at most N scoring criteria (1 to 50); default: 12
  --today DATE         the day recency ("withinDays") criteria count back from, YYYY-MM-DD; default: today
  --profile-name NAME  the drafted profile's name; default: "Drafted from outcomes"
  --locale LOCALE      read numbers written as text as the spreadsheet's locale writes them (de_DE: 1.234,5),
                       as icp score --locale does; default: the US reading (1,234.5)
  --json               print the draft (model, evidence, tiers) as JSON instead of the report
  -h, --help           show this help

Exit codes: 0 a model was drafted, 1 nothing could be drafted (the report says why), 2 usage, file or CSV error.
`;

export const SQL_USAGE = `Usage: icp sql --model model.json --dialect bigquery|duckdb --table TABLE [--headers accounts.csv] [--profile NAME] [--today YYYY-MM-DD] [--locale LOCALE]

Prints one SELECT that scores every row of a BigQuery or DuckDB table with the model, as the add-on and
"icp score" do: every column of the table plus icp_score, icp_tier and icp_why. Text columns are read the way
the engine reads cells (amounts, ranges, blanks, yes/no, dates, lists), so a table loaded with every column as
text scores exactly as "icp score" scores the CSV. Save it as a view, schedule it, or run it in DuckDB.
See docs/sql.md.

Options:
  --model FILE      the ICP model JSON (as exported from the sidebar)
  --dialect NAME    bigquery or duckdb
  --table TABLE     the table to score: project.dataset.table, dataset.table or table (each part is quoted)
  --headers FILE    a CSV whose first row names the table's columns: criteria find their columns as the engine
                    finds headers (case, spaces and punctuation ignored); without it each criterion's column
                    name is used as it is written. Either way a row is blank only when all its columns are
  --profile NAME    the profile to score with; default: the model's default profile
  --today DATE      the day "withinDays" criteria count back from, YYYY-MM-DD; default: the current date where
                    the query runs
  --locale LOCALE   read numbers written as text as LOCALE writes them, as "icp score --locale" does: de_DE, fr,
                    pt_BR... (decimal comma: 1.234,5 and 1 234,5 are 1234.5, 1,2 Mio. is 1200000); typed number
                    columns are numbers whatever the locale; default: the US reading (1,234.5)
  -h, --help        show this help
`;

export const MAIN_USAGE = `icp: score account lists against an Ideal Customer Profile (ICP) model

Usage:
  icp score <accounts.csv | -> [--model model.json] [--profile NAME] [--out FILE] [--today YYYY-MM-DD] [--locale LOCALE] [--threads N] [--lenient]
  icp check <model.json> [--headers accounts.csv]
  icp validate <accounts.csv | -> [--model model.json] [--profile NAME] [--outcome COLUMN] [--today YYYY-MM-DD] [--locale LOCALE] [--json] [--suggested-model FILE] [--lenient]
  icp sql --model model.json --dialect bigquery|duckdb --table TABLE [--headers accounts.csv] [--profile NAME] [--today YYYY-MM-DD] [--locale LOCALE]
  icp draft <deals.csv | -> [--outcome COLUMN] [--out model.json] [--max-criteria N] [--today YYYY-MM-DD] [--locale LOCALE]
  icp --help | --version
  icp <command> --help

Commands:
  score     score a CSV export: adds ICP Score, ICP Tier and ICP Why columns
  check     check a model file, optionally against a CSV's headers
  validate  how well the model predicts won deals, from a CSV with an outcome column
  draft     draft a model from a CSV of deals and their outcomes, each criterion with its evidence
  sql       the model as one SELECT for BigQuery or DuckDB (adds icp_score, icp_tier, icp_why)

Examples:
  icp score accounts.csv > scored.csv
  icp score accounts.csv --model model.json --out scored.csv
  icp score accounts.csv --model model.json --profile "Enterprise" --today 2026-03-01
  cat accounts.csv | icp score - > scored.csv
  icp check model.json
  icp check model.json --headers accounts.csv
  icp validate deals.csv --model model.json --suggested-model model-suggested.json
  icp draft deals.csv --outcome Stage --out drafted.json
  icp sql --model model.json --dialect bigquery --table my-project.crm.accounts > score.sql

Exit codes: 0 success, 1 "check" found an invalid model or "draft" drafted nothing, 2 usage, file, CSV or model error.
`;
