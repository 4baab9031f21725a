import { SpecError } from './spec-error.ts';

const ON = new Set(['1', 'true', 'yes', 'on']);
const OFF = new Set(['', '0', 'false', 'no', 'off']);

/** Read OPENAPI_STRICT: "1", "true", "yes" or "on" make lint errors stop the build; unset, "0", "false", "no" or "off" do not. */
export function readStrictFlag(raw: string | undefined): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (ON.has(value)) return true;
  if (OFF.has(value)) return false;
  throw new SpecError(
    `OPENAPI_STRICT is "${raw}", which is neither on nor off. Set it to 1 to stop the build on lint errors of any spec, or unset it (or 0) to report another spec's findings as warnings.`,
  );
}
