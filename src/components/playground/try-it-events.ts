/** Sent by the "Try it" button to its playground when the panel is shown again, so that focus returns to the operation. */
export const REOPEN_EVENT = 'meshplay-try-it-reopen';
