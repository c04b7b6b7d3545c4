import { describe, expect, it } from 'vitest';
import { ipBitRoles, macBitRoles } from './AddressLab';

describe('address lab bit roles (RFC 1112 §6.4)', () => {
  it('marks the 4 prefix bits, the 5 lost bits and the 23 copied bits of a group', () => {
    const roles = ipBitRoles('1'.repeat(32)).map((r) => r.role);
    expect(roles.filter((r) => r === 'prefix')).toHaveLength(4);
    expect(roles.filter((r) => r === 'lost')).toHaveLength(5);
    expect(roles.filter((r) => r === 'copied')).toHaveLength(23);
    expect(roles.slice(4, 9).every((r) => r === 'lost')).toBe(true);
  });
  it('marks a multicast MAC as 25 fixed bits (01:00:5e and a 0) then 23 copied', () => {
    // 224.10.8.5 → 01:00:5e:0a:08:05, the lecture's example.
    const roles = macBitRoles('01:00:5e:0a:08:05');
    expect(roles).toHaveLength(48);
    expect(roles.filter((r) => r.role === 'fixed')).toHaveLength(25);
    expect(roles[24]).toEqual({ bit: '0', role: 'fixed' });
    // The copied bits read 0001010 00001000 00000101: 10.8.5 with its top bit dropped.
    expect(
      roles
        .slice(25)
        .map((r) => r.bit)
        .join(''),
    ).toBe('0001010' + '00001000' + '00000101');
  });
});
