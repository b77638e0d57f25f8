// One table of the custom functions' metadata: the build generates the top-level stubs and their @customfunction JSDoc from it.

export interface ParamInfo {
  name: string;
  description: string;
  optional: boolean;
}

export interface FunctionInfo {
  name: string;
  description: string;
  params: ParamInfo[];
  returns: string;
  example: string;
}

const rowsParam = (what: string): ParamInfo => ({
  name: 'rows',
  description: `One account row (A2:H2) or many rows (A2:H5000) ${what}.`,
  optional: false,
});
const headersParam: ParamInfo = {
  name: 'headers',
  description: 'Optional header row as wide as rows (A1:H1); found above the rows when omitted.',
  optional: true,
};
const profileParam: ParamInfo = {
  name: 'profile',
  description: 'Optional profile name when the model has several; the default profile otherwise.',
  optional: true,
};

const modelParam: ParamInfo = {
  name: 'model',
  description: 'Optional ICP_MODEL, the saved model (the add-on adds it on save): results then follow every save and every new day.',
  optional: true,
};

export const CUSTOM_FUNCTIONS: readonly FunctionInfo[] = [
  {
    name: 'ICP_SCORE',
    description: 'ICP fit score (0-100) of an account row, or a column of scores for many rows.',
    params: [rowsParam('to score'), headersParam, profileParam, modelParam],
    returns: 'The score, or a column of scores; blank for a blank row.',
    example: '=ICP_SCORE(A2:H2)',
  },
  {
    name: 'ICP_TIER',
    description: 'ICP tier label (A/B/C...) of a score, or of an account row (Disqualified for a knock-out).',
    params: [
      { name: 'scores_or_rows', description: 'A score (I2), a column of scores, or account rows (A2:H2).', optional: false },
      { name: 'headers', description: 'Optional header row for rows, or the profile name as text.', optional: true },
      profileParam,
      modelParam,
    ],
    returns: 'The tier label, or a column of labels.',
    example: '=ICP_TIER(I2)',
  },
  {
    name: 'ICP_EXPLAIN',
    description: 'Why an account scores what it does: matched, missed, unknown and knock-out criteria.',
    params: [rowsParam('to explain'), headersParam, profileParam, modelParam],
    returns: 'One line of text per row.',
    example: '=ICP_EXPLAIN(A2:H2)',
  },
  {
    name: 'ICP_PROFILE',
    description: 'Which of the model\'s ICP profiles an account fits best.',
    params: [rowsParam('to match'), headersParam, modelParam],
    returns: 'The best-fitting profile name, or "No fit" when every profile disqualifies the account.',
    example: '=ICP_PROFILE(A2:H2)',
  },
];
