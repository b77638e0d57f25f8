// The message a page hosting the sidebar (the playground) posts to its frame to make the open panel check its sheet now.
export const CHECK_NOW_MESSAGE = 'icp-check-sheet';
