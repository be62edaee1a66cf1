// Where webhooks may go. Without WEBHOOK_ALLOW_PRIVATE only public unicast addresses: a webhook is
// a request the server makes on an administrator's behalf, and must not reach the machine itself,
// the private network it sits in, or the cloud's metadata service (server-side request forgery).
// Ranges come from ipaddr.js; anything it does not call plain `unicast` is refused.
import ipaddr from 'ipaddr.js';

/** Why an address is refused, in words for the delivery log; null when it is public. */
export function addressRefusal(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return `${address} is not an IP address`;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    // ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address inside.
    return addressRefusal((parsed as ipaddr.IPv6).toIPv4Address().toString());
  }
  const range = parsed.range();
  if (range !== 'unicast') return `${address} is a ${RANGE_NAMES[range] ?? range} address`;
  // The deprecated IPv4-compatible form (::a.b.c.d), which ipaddr.js calls unicast.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0))
    return `${address} is an IPv4-compatible IPv6 address`;
  return null;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  uniqueLocal: 'unique-local (private IPv6)',
  reserved: 'reserved',
};

const MAX_URL_LENGTH = 2048;

/** Hostnames that name this machine without DNS. */
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** The host of a URL as an address, when it is an IP literal (`[::1]` → `::1`); null for a name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) && (host.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(host)) ? host : null;
}

/**
 * What is wrong with `raw` as a webhook destination, judged without DNS (at registration): not an
 * absolute http(s) URL, credentials in it, or, unless private destinations are allowed, a host that
 * is obviously not public (an IP literal in a refused range, `localhost`). Null when acceptable;
 * the address it resolves to is checked at every delivery.
 */
export function destinationProblem(raw: string, allowPrivate: boolean): string | null {
  if (raw.length > MAX_URL_LENGTH) return `url must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute http or https URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must use http or https';
  if (url.username || url.password) return 'url must not contain a user name or password (they would show in the log)';
  if (allowPrivate) return null;
  const address = literalAddress(url);
  const refusal = address ? addressRefusal(address) : isLocalName(url.hostname) ? `${url.hostname} is this machine` : null;
  return refusal ? `url is not a public destination: ${refusal} (WEBHOOK_ALLOW_PRIVATE=true allows it)` : null;
}
