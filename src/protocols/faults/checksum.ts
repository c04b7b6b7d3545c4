import type { Packet } from '../stack';

/**
 * A message's contents and their checksum. Application messages carry no payload of their own,
 * so a message's contents are its `body` header when a layer set one, else its id. The checksum
 * lets a receiver catch contents garbled on the way (lecture: "Byzantine failure: some messages
 * are faulty"), as UDP's and TCP's checksums do; a liar who recomputes it is not caught.
 */
export function bodyOf(p: Packet): string {
  return typeof p.h.body === 'string' ? p.h.body : p.msg;
}

/** 32-bit FNV-1a over the fields a liar could change, as 8 hex digits. */
export function checksum(p: Packet, body = bodyOf(p)): string {
  const text = `${p.msg}\u0000${p.from}\u0000${p.kind}\u0000${body}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
