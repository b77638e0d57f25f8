// The headers of the columns `icp score` adds, renamed when the input has columns of those names already.
import { headerKey } from '../../engine';
import { ICP_COLUMNS } from '../row-scorer';

/** The added headers, and the notice to print when some had to be renamed. */
export interface AddedColumns {
  headers: string[];
  /** E.g. `scored.csv already has a column "ICP Score"; the added one is "ICP Score (ICP Scorer)"`; undefined when none was renamed. */
  notice: string | undefined;
}

/**
 * `ICP Score`, `ICP Tier` and `ICP Why`, except that a name an input column has already (a previous run's output
 * scored again, a CRM field called "ICP Score") becomes `ICP Score (ICP Scorer)`, then `(ICP Scorer 2)`...: the
 * names the add-on's Score this sheet gives in the same case. Two columns of one name would leave anything that
 * finds columns by name (the add-on, pandas, a CRM import) reading the old values, not the new ones.
 */
export function addedColumns(inputHeaders: readonly string[], inputName: string): AddedColumns {
  // Compared as the engine and the add-on find columns: case, spaces and punctuation ignored.
  const taken = new Set(inputHeaders.map(headerKey));
  const clashes: string[] = [];
  const renamed: string[] = [];
  const headers = ICP_COLUMNS.map((title) => {
    if (!taken.has(headerKey(title))) return title;
    let name = `${title} (ICP Scorer)`;
    for (let n = 2; taken.has(headerKey(name)); n++) name = `${title} (ICP Scorer ${n})`;
    clashes.push(`"${title}"`);
    renamed.push(`"${name}"`);
    return name;
  });
  if (renamed.length === 0) return { headers, notice: undefined };
  const many = renamed.length > 1;
  return {
    headers,
    notice:
      `${inputName} already has ${many ? 'columns' : 'a column'} ${listed(clashes)}; ` +
      `the added ${many ? 'ones are' : 'one is'} ${listed(renamed)}`,
  };
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function listed(items: readonly string[]): string {
  return items.length === 1 ? (items[0] as string) : `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`;
}
