// Failed sign-ins per client address, beside the per-username limit (login-throttle.ts): a flood of
// guesses at many usernames from one address is refused with 429 after MAX_FAILED_PER_ADDRESS in the
// window. Kept in this process's memory: cheap enough to check before any database work or hashing,
// and an attacker spreading over several instances still meets each one's limit. An attempt counts from
// the moment it starts (as per username), and stops counting if the password was right.
export const MAX_FAILED_PER_ADDRESS = 30;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
/** Beyond this many addresses, the one seen least recently is forgotten: memory stays bounded. */
const MAX_ADDRESSES = 10_000;

export interface AddressTicket {
  address: string;
  at: number;
}

export type AddressReservation = { ticket: AddressTicket } | { retryAfterSeconds: number };

export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();

  reserve(address: string, now: Date): AddressReservation {
    const at = now.getTime();
    const recent = (this.failures.get(address) ?? []).filter((t) => t > at - ADDRESS_WINDOW_MS);
    if (recent.length >= MAX_FAILED_PER_ADDRESS) {
      this.remember(address, recent);
      return { retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + ADDRESS_WINDOW_MS - at) / 1000)) };
    }
    recent.push(at);
    this.remember(address, recent);
    return { ticket: { address, at } };
  }

  /** The password was right, or the attempt never reached a check: it does not count. */
  forget({ address, at }: AddressTicket): void {
    const recent = this.failures.get(address);
    const index = recent?.indexOf(at) ?? -1;
    if (recent && index >= 0) recent.splice(index, 1);
  }

  private remember(address: string, recent: number[]): void {
    this.failures.delete(address);
    if (recent.length === 0) return;
    this.failures.set(address, recent);
    if (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value!);
  }
}
