import { describe, expect, it } from 'vitest';
import { channelTypes } from '../../domain/access';
import {
  channelChangeSchema,
  channelCodePrefixes,
  newChannelSchema,
  nextChannelCode,
} from '../../domain/channels';

describe('channel interface codes (CH-1)', () => {
  it('CH-1: the code is <PREFIX>-<LOCATION>-<NNN>, one prefix per channel type', () => {
    expect(nextChannelCode('bank', 'BJ', [])).toBe('BANK-BJ-001');
    expect(nextChannelCode('agentL1', 'SH', [])).toBe('AG1-SH-001');
    expect(nextChannelCode('agentL2', 'SH', [])).toBe('AG2-SH-001');
    expect(nextChannelCode('ownStore', 'GZ', [])).toBe('STORE-GZ-001');
    expect(nextChannelCode('website', 'BJ', [])).toBe('WEB-BJ-001');
    expect(nextChannelCode('callCentre', 'BJ', [])).toBe('CC-BJ-001');
    expect(new Set(channelTypes.map((t) => channelCodePrefixes[t])).size).toBe(channelTypes.length);
  });

  it('CH-1: the number is one above the highest in use for that type and location only', () => {
    const existing = ['STORE-BJ-001', 'STORE-BJ-002', 'STORE-SH-007', 'WEB-BJ-004', 'CC-10086-BJ'];
    expect(nextChannelCode('ownStore', 'BJ', existing)).toBe('STORE-BJ-003');
    expect(nextChannelCode('ownStore', 'SH', existing)).toBe('STORE-SH-008');
    expect(nextChannelCode('callCentre', 'BJ', existing)).toBe('CC-BJ-001');
    // A gap is not reused: a retired code never comes back.
    expect(nextChannelCode('ownStore', 'BJ', ['STORE-BJ-005'])).toBe('STORE-BJ-006');
    // A location that extends another's is not confused with it.
    expect(nextChannelCode('ownStore', 'BJ', ['STORE-BJX-009'])).toBe('STORE-BJ-001');
    expect(nextChannelCode('ownStore', 'BJ', ['STORE-BJ-999'])).toBe('STORE-BJ-1000');
  });

  it('CH-1: a location is a city code of 2–6 capital letters; business hours must be HH:MM-HH:MM (CH-4)', () => {
    const ok = { type: 'ownStore', location: 'BJ', name: 'Store' };
    expect(newChannelSchema.safeParse(ok).success).toBe(true);
    for (const location of ['bj', 'B', 'BEIJING1', 'B-J']) {
      expect(newChannelSchema.safeParse({ ...ok, location }).success).toBe(false);
    }
    expect(newChannelSchema.safeParse({ ...ok, type: 'kiosk' }).success).toBe(false);
    expect(newChannelSchema.safeParse({ ...ok, businessHours: '22:00-06:00' }).success).toBe(true);
    expect(newChannelSchema.safeParse({ ...ok, businessHours: '9 to 5' }).success).toBe(false);
    expect(newChannelSchema.safeParse({ ...ok, businessHours: '09:00-09:00' }).success).toBe(false);
  });

  it('CH-1: type and location cannot be changed, as they are part of the code', () => {
    expect(channelChangeSchema.safeParse({ name: 'New name', businessHours: null }).success).toBe(true);
    expect(channelChangeSchema.safeParse({ type: 'website' }).success).toBe(false);
    expect(channelChangeSchema.safeParse({ location: 'SH' }).success).toBe(false);
  });
});
