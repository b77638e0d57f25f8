// Unit tests of the hand-rolled argument parser: values, switches, `--`, and the errors it must raise.
import { parseArgs, UsageError } from '../../src/cli/args';

const spec = { model: { value: true }, help: { value: false } } as const;

describe('parseArgs', () => {
  it('reads positionals, --flag value, --flag=value and -h', () => {
    const a = parseArgs(['x.csv', '--model', 'm.json', '-h'], spec);
    expect(a.positionals).toEqual(['x.csv']);
    expect(a.flags.get('model')).toBe('m.json');
    expect(a.flags.get('help')).toBe(true);
    expect(parseArgs(['--model=a=b.json'], spec).flags.get('model')).toBe('a=b.json');
  });

  it('treats - as a positional and everything after -- as positionals', () => {
    expect(parseArgs(['-', '--', '--model'], spec).positionals).toEqual(['-', '--model']);
  });

  it('takes a negative number as a value (to be refused by its flag as a number, not as missing)', () => {
    expect(parseArgs(['--model', '-1'], spec).flags.get('model')).toBe('-1');
    expect(parseArgs(['--model', '-', 'x.csv'], spec).flags.get('model')).toBe('-');
  });

  it.each([
    [['--modle', 'x'], /unknown option --modle/],
    [['-x'], /unknown option -x/],
    [['--model'], /--model needs a value/],
    [['--model', '--help'], /--model needs a value/],
    [['--model='], /--model needs a value/],
    [['--model', ''], /--model needs a value/],
    [['--help=yes'], /does not take a value/],
    [['--model', 'a', '--model', 'b'], /more than once/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    expect(() => parseArgs(argv, spec)).toThrow(message);
  });
});
