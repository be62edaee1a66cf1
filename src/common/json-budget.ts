// The shape a JSON request body may have, checked on the raw bytes before JSON.parse builds it and
// long before class-transformer and class-validator walk it: their cost grows with every key and
// array element (faster than linearly for wide objects) and they recurse, so a deep or wide body
// must be refused while refusing it is still cheap.

export interface JsonBudget {
  /** Containers nested inside each other; the deepest request we accept needs 4 (body.N.items.M). */
  maxDepth: number;
  /** Keys of one object; our widest object has fewer than 20. */
  maxKeysPerObject: number;
  /** Elements of one array; our longest list is the 500 body blocks of a story. */
  maxArrayLength: number;
  /** Keys and array elements in the whole body; a story at every limit (500 photo blocks) has ~3,100. */
  maxValues: number;
}

export const JSON_BUDGET: Readonly<JsonBudget> = Object.freeze({ maxDepth: 16, maxKeysPerObject: 100, maxArrayLength: 1000, maxValues: 4000 });

export interface BudgetViolation {
  /** Where the limit was crossed, named as validation errors name fields (`body.2.items`); '' for the body as a whole. */
  field: string;
  message: string;
}

interface Frame {
  array: boolean;
  /** Keys (object) or elements (array) seen so far. */
  count: number;
  /** Array: no element seen yet. Object: the next string is a key. */
  expecting: boolean;
  keyStart: number;
  keyEnd: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Scans UTF-8 JSON once, in order, and returns the first place it exceeds `budget`, or null. It
 * does not check the syntax: malformed text is left to JSON.parse, which refuses it.
 */
export function checkJsonBudget(bytes: Uint8Array, budget: JsonBudget = JSON_BUDGET): BudgetViolation | null {
  const stack: Frame[] = [];
  let values = 0;
  const overflow = (message: string, upTo = stack.length): BudgetViolation => ({ field: pathOf(bytes, stack.slice(0, upTo)), message });
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    const top = stack.at(-1);
    if (top?.array && top.expecting && byte !== 0x5d) {
      top.expecting = false;
      top.count++;
      if (++values > budget.maxValues) return overflow(`holds more than ${budget.maxValues} keys and array elements in all`, 0);
      if (top.count > budget.maxArrayLength) return overflow(`has more than ${budget.maxArrayLength} elements`, stack.length - 1);
    }
    switch (byte) {
      case QUOTE: {
        const end = closingQuote(bytes, i);
        if (end < 0) return null;
        if (top && !top.array && top.expecting) {
          top.keyStart = i;
          top.keyEnd = end + 1;
          top.expecting = false;
        }
        i = end;
        break;
      }
      case 0x7b: // {
      case 0x5b: // [
        if (stack.length >= budget.maxDepth) return overflow(`nests deeper than ${budget.maxDepth} levels`);
        stack.push({ array: byte === 0x5b, count: 0, expecting: true, keyStart: -1, keyEnd: -1 });
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x3a: // : after a key
        if (top && !top.array) {
          top.count++;
          if (++values > budget.maxValues) return overflow(`holds more than ${budget.maxValues} keys and array elements in all`, 0);
          if (top.count > budget.maxKeysPerObject) return overflow(`has more than ${budget.maxKeysPerObject} keys`, stack.length - 1);
        }
        break;
      case 0x2c: // ,
        if (top) top.expecting = true;
        break;
    }
  }
  return null;
}

/** Index of the quote that closes the string opened at `open`, or -1 when it never closes. */
function closingQuote(bytes: Uint8Array, open: number): number {
  for (let at = open + 1; ; at++) {
    at = bytes.indexOf(QUOTE, at);
    if (at < 0) return -1;
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/** `password.0.0`: each object's current key and each array's current index, from the root down. */
function pathOf(bytes: Uint8Array, frames: Frame[]): string {
  return frames
    .map((frame) => (frame.array ? String(Math.max(frame.count - 1, 0)) : keyText(bytes, frame)))
    .filter((part) => part !== '')
    .join('.');
}

function keyText(bytes: Uint8Array, frame: Frame): string {
  if (frame.keyStart < 0) return '';
  try {
    const key = String(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + frame.keyStart, frame.keyEnd - frame.keyStart).toString('utf8')));
    return key.length > 100 ? `${key.slice(0, 100)}…` : key;
  } catch {
    return '…';
  }
}
