// Who may read /metrics: requests from the configured addresses (req.ip, as TRUST_PROXY makes it) or with the bearer
// token. Anyone else is passed on as if the path did not exist, and gets the portal's ordinary 404: nothing to find.
import crypto from 'node:crypto';
import net from 'node:net';
import type { RequestHandler } from 'express';

export interface MetricsAccess {
  /** Addresses and networks, `127.0.0.1`, `10.0.0.0/8`, `::1/128`. */
  allow: string[];
  /** A bearer token that opens /metrics from anywhere; none when absent. */
  token?: string;
}

/** Loopback only: a Prometheus on the same machine, or an operator's SSH tunnel. */
export const LOOPBACK_ONLY: MetricsAccess = { allow: ['127.0.0.0/8', '::1/128'] };

export interface ParsedNetwork {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** `10.0.0.0/8` or a single address; undefined when it is neither. */
export function parseNetwork(text: string): ParsedNetwork | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

const digest = (value: string) => crypto.createHash('sha256').update(value).digest();

export function metricsAccess(access: MetricsAccess): RequestHandler {
  const allowed = new net.BlockList();
  for (const entry of access.allow) {
    const network = parseNetwork(entry);
    if (!network) throw new Error(`not an address or network: ${entry}`);
    allowed.addSubnet(network.address, network.prefix, network.family);
  }
  // Compared as digests of equal length, in constant time, so the comparison tells nothing about the token.
  const token = access.token ? digest(access.token) : undefined;

  const fromAllowedAddress = (ip: string | undefined): boolean => {
    if (!ip) return false;
    const family = net.isIP(ip);
    // BlockList also matches an IPv4-mapped IPv6 address (::ffff:127.0.0.1) against IPv4 networks.
    return family !== 0 && allowed.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  };
  const withToken = (header: string | undefined): boolean => {
    if (!token || !header) return false;
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
    return match !== null && crypto.timingSafeEqual(digest(match[1]!), token);
  };

  return (req, _res, next) => {
    if (fromAllowedAddress(req.ip) || withToken(req.get('authorization'))) return next();
    // On past every route here, to the ordinary not-found page, exactly as for any unknown path.
    next('route');
  };
}
