// The character codes CSV reading and writing look for, in one place.

export const COMMA = 44;
export const QUOTE = 34;
export const CR = 13;
export const LF = 10;
export const SPACE = 32;
export const TAB = 9;
