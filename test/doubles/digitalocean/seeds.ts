/**
 * Load balancers and certificates to seed the double with. Every attribute is set to something
 * other than its default, so a PUT that drops one shows up as a change.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Certificate } from '../../../src/providers/digitalocean/contracts.ts';
import { isoSeconds } from './replies.ts';

type Json = Record<string, unknown>;

/** A regional HTTPS load balancer on `certificateId`, attributes all away from their defaults. */
export function regionalLoadBalancer(certificateId: string, overrides: Json = {}): Json {
  return {
    name: `web-lb-${randomBytes(3).toString('hex')}`,
    region: 'ams3',
    size_unit: 3,
    algorithm: 'least_connections',
    forwarding_rules: [
      { entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080 },
      {
        entry_protocol: 'https',
        entry_port: 443,
        target_protocol: 'http',
        target_port: 8080,
        certificate_id: certificateId,
        tls_passthrough: false,
      },
      {
        entry_protocol: 'http2',
        entry_port: 8443,
        target_protocol: 'http',
        target_port: 8080,
        certificate_id: certificateId,
      },
    ],
    health_check: {
      protocol: 'https',
      port: 8443,
      path: '/healthz',
      check_interval_seconds: 7,
      response_timeout_seconds: 3,
      unhealthy_threshold: 4,
      healthy_threshold: 2,
      proxy_protocol: false,
    },
    sticky_sessions: { type: 'cookies', cookie_name: 'DO-LB', cookie_ttl_seconds: 300 },
    droplet_ids: [3164444, 3164445],
    redirect_http_to_https: true,
    enable_proxy_protocol: true,
    enable_backend_keepalive: true,
    http_idle_timeout_seconds: 90,
    vpc_uuid: '587d698c-de84-11e8-80bc-3cfdfea9fcd1',
    disable_lets_encrypt_dns_records: true,
    project_id: '4de7ac8b-495b-4884-9a69-1050c6793cd6',
    firewall: { deny: ['cidr:1.2.0.0/16', 'ip:2.3.4.5'], allow: ['ip:1.2.3.4', 'cidr:2.3.4.0/24'] },
    network: 'EXTERNAL',
    network_stack: 'DUALSTACK',
    tls_cipher_policy: 'STRONG',
    tags: ['prod', 'web'],
    // Not in the spec excerpt: an attribute the API might add later, which a PUT must carry back.
    x_future_setting: { enabled: true },
    ...overrides,
  };
}

/** A global load balancer whose domains use `certificateId`. */
export function globalLoadBalancer(certificateId: string, overrides: Json = {}): Json {
  return {
    name: `global-lb-${randomBytes(3).toString('hex')}`,
    type: 'GLOBAL',
    network_stack: 'DUALSTACK',
    forwarding_rules: [
      { entry_protocol: 'https', entry_port: 443, target_protocol: 'http', target_port: 80 },
    ],
    domains: [
      { name: 'example.com', is_managed: true, certificate_id: certificateId },
      { name: 'www.example.com', is_managed: false, certificate_id: certificateId },
    ],
    glb_settings: {
      target_protocol: 'http',
      target_port: 80,
      cdn: { is_enabled: true },
      region_priorities: { nyc3: 1, ams3: 2 },
      failover_threshold: 50,
    },
    target_load_balancer_ids: [
      '7dbf91fe-cbdb-48dc-8290-c3a181554905',
      '996fa239-fac3-42a2-b9a1-9fa822268b7a',
    ],
    project_id: '4de7ac8b-495b-4884-9a69-1050c6793cd6',
    http_idle_timeout_seconds: 120,
    tls_cipher_policy: 'STRONG',
    vpc_uuid: '587d698c-de84-11e8-80bc-3cfdfea9fcd1',
    ...overrides,
  };
}

/** A listed certificate without PEMs behind it, for listings of any size. */
export function fakeCertificate(
  name: string,
  now: number,
  overrides: Partial<Certificate> = {},
): Certificate {
  return {
    id: randomUUID(),
    name,
    not_after: isoSeconds(now + 90 * 86_400_000),
    sha1_fingerprint: randomBytes(20).toString('hex'),
    created_at: isoSeconds(now),
    dns_names: [''],
    state: 'verified',
    type: 'custom',
    ...overrides,
  };
}
