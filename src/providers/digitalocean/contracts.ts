/**
 * DigitalOcean's wire types, as its OpenAPI description gives them
 * (test/fixtures/vendor-specs/digitalocean: its specification/ folder at commit 7c1300c). Field names stay
 * in DigitalOcean's snake_case so a reader can lay them next to the spec. Fields the spec marks
 * readOnly are optional here: a reply may leave them out, and a request never carries them.
 */

/** shared/models/error.yml: every error reply. */
export interface ErrorBody {
  id: string;
  message: string;
  request_id?: string;
}

/** shared/pages.yml: absolute URLs; `links` may be `{}` or absent on a single page. */
export interface PageLinks {
  pages?: { first?: string; prev?: string; next?: string; last?: string };
}

/** shared/meta.yml */
export interface Meta {
  total?: number;
}

/** The part of every list reply that pagination reads. */
export interface Page {
  links?: PageLinks;
  meta?: Meta;
}

// --- Certificates: resources/certificates/models/certificate.yml -------------------------------

export type CertificateState = 'pending' | 'verified' | 'error';
export type CertificateType = 'custom' | 'lets_encrypt';

export interface Certificate {
  id: string;
  name: string;
  /** ISO 8601, e.g. 2017-02-22T00:23:00Z. */
  not_after?: string;
  /** SHA-1 of the leaf's DER, lowercase hex (DIGITALOCEAN-NOTES.md). */
  sha1_fingerprint?: string;
  created_at?: string;
  /** `[""]` for custom certificates. */
  dns_names?: string[];
  state?: CertificateState;
  type?: CertificateType;
}

/** certificate_create.yml#/certificate_request_custom */
export interface CustomCertificateRequest {
  name: string;
  type: 'custom';
  private_key: string;
  leaf_certificate: string;
  certificate_chain?: string;
}

export interface CertificateReply {
  certificate: Certificate;
}

export interface CertificateList extends Page {
  certificates: Certificate[];
}

// --- Load balancers: resources/load_balancers/models/* --------------------------------------------

export interface ForwardingRule {
  entry_protocol: 'http' | 'https' | 'http2' | 'http3' | 'tcp' | 'udp';
  entry_port: number;
  target_protocol: 'http' | 'https' | 'http2' | 'tcp' | 'udp';
  target_port: number;
  /** '' when none. */
  certificate_id?: string;
  tls_passthrough?: boolean;
}

export interface HealthCheck {
  protocol?: 'http' | 'https' | 'tcp';
  port?: number;
  path?: string;
  check_interval_seconds?: number;
  response_timeout_seconds?: number;
  unhealthy_threshold?: number;
  healthy_threshold?: number;
  /** godo carries it; not in the spec excerpt. */
  proxy_protocol?: boolean;
}

export interface StickySessions {
  type?: 'cookies' | 'none';
  cookie_name?: string;
  cookie_ttl_seconds?: number;
}

export interface LbFirewall {
  deny?: string[];
  allow?: string[];
}

/** domains.yml: a global load balancer's domains, where its certificates are bound. */
export interface LbDomain {
  name: string;
  is_managed?: boolean;
  certificate_id?: string;
  /** Read-only, from godo (not in the spec excerpt): the binding's progress. */
  status?: string;
  verification_error_reasons?: string[];
  ssl_validation_error_reasons?: string[];
}

export interface GlbSettings {
  target_protocol?: 'http' | 'https' | 'http2';
  target_port?: number;
  cdn?: { is_enabled?: boolean };
  region_priorities?: Record<string, number>;
  failover_threshold?: number;
}

/** regions/models/region.yml: a reply carries the object, a request the slug. */
export interface Region {
  name?: string;
  slug: string;
  features?: string[];
  available?: boolean;
  sizes?: string[];
}

/** The statuses the spec lists; a load balancer may show others while it works. */
export type LoadBalancerStatus = 'new' | 'active' | 'errored' | (string & {});
export type LoadBalancerType = 'REGIONAL' | 'REGIONAL_NETWORK' | 'GLOBAL';

/** The attributes a load balancer's owner sets: what a PUT must send back unchanged. */
export interface LoadBalancerSettings {
  name?: string;
  project_id?: string;
  size_unit?: number;
  /** Deprecated in favour of size_unit, except in AMS2, NYC2 and SFO1. */
  size?: 'lb-small' | 'lb-medium' | 'lb-large';
  algorithm?: 'round_robin' | 'least_connections';
  forwarding_rules?: ForwardingRule[];
  health_check?: HealthCheck;
  sticky_sessions?: StickySessions;
  redirect_http_to_https?: boolean;
  enable_proxy_protocol?: boolean;
  enable_backend_keepalive?: boolean;
  http_idle_timeout_seconds?: number;
  vpc_uuid?: string;
  disable_lets_encrypt_dns_records?: boolean;
  firewall?: LbFirewall;
  network?: 'EXTERNAL' | 'INTERNAL';
  network_stack?: 'IPV4' | 'DUALSTACK';
  type?: LoadBalancerType;
  glb_settings?: GlbSettings;
  target_load_balancer_ids?: string[];
  tls_cipher_policy?: 'DEFAULT' | 'STRONG';
  droplet_ids?: number[];
  /** Droplet tag; '' when the load balancer lists droplets by id. */
  tag?: string;
  /**
   * Resource tags (godo; not in the spec excerpt). DOKS marks its load balancers `k8s:<cluster id>`.
   * Attached through /v2/tags: an update does not carry them.
   */
  tags?: string[];
}

/**
 * load_balancer.yml as a reply shows it. The index signature keeps attributes this file does
 * not name: an update is a full replacement, so anything the API adds later must still be sent
 * back as it was, or it is reset.
 */
export interface LoadBalancer extends LoadBalancerSettings {
  id: string;
  ip?: string;
  ipv6?: string;
  status?: LoadBalancerStatus;
  created_at?: string;
  region?: Region;
  domains?: LbDomain[];
  [attribute: string]: unknown;
}

/**
 * load_balancer_create.yml, the body of PUT /v2/load_balancers/{id}: the whole load balancer,
 * region as a slug, only one of droplet_ids and tag, no read-only attributes.
 */
export interface LoadBalancerUpdate extends LoadBalancerSettings {
  region?: string;
  domains?: DomainUpdate[];
  [attribute: string]: unknown;
}

/** A domain without what the API reports about its verification. */
export type DomainUpdate = Omit<
  LbDomain,
  'status' | 'verification_error_reasons' | 'ssl_validation_error_reasons'
>;

export interface LoadBalancerReply {
  load_balancer: LoadBalancer;
}

export interface LoadBalancerList extends Page {
  load_balancers: LoadBalancer[];
}

// --- CDN endpoints: resources/cdn/models/* --------------------------------------------------------

export type CdnTtl = 60 | 600 | 3600 | 86400 | 604800;

export interface CdnEndpoint {
  id: string;
  origin?: string;
  endpoint?: string;
  ttl?: number;
  certificate_id?: string;
  custom_domain?: string;
  created_at?: string;
}

/** update_endpoint.yml. An omitted ttl is reset to 3600 (DIGITALOCEAN-NOTES.md). */
export interface CdnEndpointUpdate {
  ttl?: number;
  certificate_id?: string;
  custom_domain?: string;
}

export interface CdnEndpointReply {
  endpoint: CdnEndpoint;
}

export interface CdnEndpointList extends Page {
  endpoints: CdnEndpoint[];
}
