// Limits shared by the playground server and its page (no imports: the page bundle includes this file).

/** The largest CSV upload the server reads; the page refuses a bigger file before sending it. */
export const MAX_CSV_BYTES = 20_000_000;
