// Time is injected so tests can move it (token expiry, rate-limit windows, seeded plan year).
export interface Clock {
  now: () => Date;
}

export const systemClock: Clock = { now: () => new Date() };
