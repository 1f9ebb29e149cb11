/** Replies travel in an envelope so an error is a value, never a silent undefined. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
