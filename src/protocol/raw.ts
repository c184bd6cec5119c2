// Protobuf's wire format by hand (spec.md Appendix A.1), for what the codec
// must never produce: unknown fields, bodies of later versions, broken
// encodings. Used by the vectors, the conformance suite and the tests.

/** A base-128 varint, least significant group first. */
export function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

/** A field's key: its number and wire type (0 varint, 1 64-bit, 2 length-delimited, 5 32-bit). */
export function fieldKey(number: number, wireType: number): number[] {
  return varint(number * 8 + wireType);
}

/** A length-delimited field (wire type 2). */
export function lenField(number: number, content: ArrayLike<number>): number[] {
  return [...fieldKey(number, 2), ...varint(content.length), ...Array.from(content)];
}
