/** What data-field payloads carry, so a check can tell their output from the author's. Shared by Node and workerd. */
export const MARK = "fuzz1337";
