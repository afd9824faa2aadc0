/**
 * Moving a load balancer to another certificate. DigitalOcean has no call for that: a PUT replaces
 * the WHOLE load balancer and resets whatever it leaves out. So the body is built from a fresh GET
 * (every attribute kept, read-only ones dropped, region as a slug, only one of droplet_ids/tag),
 * sent only once the load balancer is active, and then the GET is watched until the new id shows,
 * since a global load balancer binds in the background.
 */
import { ProviderError } from '../errors.ts';
import { refuseUnchecked } from '../hostnames-checked.ts';
import type { CertificateUse } from '../provider.ts';
import type { Api } from './api.ts';
import type { DomainUpdate, LbDomain, LoadBalancer, LoadBalancerUpdate } from './contracts.ts';
import { ReplyObject } from './fields.ts';
import { listAll } from './pages.ts';
import { pollUntil } from './polling.ts';
import { type Call, isBusy, isObject, PROVIDER, replyError, shapeError } from './replies.ts';

const PATH = '/v2/load_balancers';

/**
 * The DigitalOcean cloud controller manager tags every load balancer it makes `k8s:<cluster id>`
 * (buildK8sTag in digitalocean-cloud-controller-manager) and re-applies the certificate id from
 * the Service annotation on its next sync: a change made here would be undone.
 */
const DOKS_TAG = /^k8s:/;

export function managedBy(lb: LoadBalancer): 'kubernetes' | undefined {
  return (lb.tags ?? []).some((tag) => typeof tag === 'string' && DOKS_TAG.test(tag))
    ? 'kubernetes'
    : undefined;
}

/** Every certificate id a load balancer serves: forwarding rules (regional) and domains (global). */
export function certificateIdsOf(lb: LoadBalancer): string[] {
  const ids = [
    ...(lb.forwarding_rules ?? []).map((rule) => rule.certificate_id),
    ...(lb.domains ?? []).map((domain) => domain.certificate_id),
  ];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

export function toUse(lb: LoadBalancer): CertificateUse {
  const manager = managedBy(lb);
  const hostnames = hostnamesOf(lb);
  return {
    kind: lb.type === 'GLOBAL' ? 'global-load-balancer' : 'load-balancer',
    id: lb.id,
    name: lb.name ?? lb.id,
    certificateIds: certificateIdsOf(lb),
    ...(hostnames.length > 0 ? { hostnames } : {}),
    ...(manager === undefined ? {} : { managedBy: manager }),
  };
}

/** A global load balancer's domains with their certificates: what a move must keep covered. */
function hostnamesOf(lb: LoadBalancer): NonNullable<CertificateUse['hostnames']> {
  return (lb.domains ?? []).flatMap((domain) =>
    typeof domain.name === 'string' && domain.name !== '' && typeof domain.certificate_id === 'string'
      ? [{ hostname: domain.name, certificateId: domain.certificate_id }]
      : [],
  );
}

export async function listLoadBalancers(api: Api): Promise<LoadBalancer[]> {
  const call = { what: `GET ${PATH}`, scope: 'load_balancer:read' };
  return listAll(api.send, PATH, 'load_balancers', call, (item, at) => readLoadBalancer(item, call, at));
}

export async function getLoadBalancer(api: Api, id: string): Promise<LoadBalancer> {
  const call = { what: `GET ${PATH}/${id}`, scope: 'load_balancer:read' };
  const res = await api.send({
    method: 'GET',
    path: `${PATH}/${encodeURIComponent(id)}`,
    retry: 'idempotent',
  });
  if (res.status !== 200) throw replyError(res, call);
  return loadBalancerIn(res.body, call, res.status);
}

/**
 * The PUT body that changes nothing but the certificate: the GET reply with `from` replaced by
 * `to`, read-only attributes dropped, region as its slug, droplets by tag or by id (not both).
 * Attributes this code does not know are kept, so one the API adds later is not reset.
 */
export function updateFor(lb: LoadBalancer, from: string, to: string): LoadBalancerUpdate {
  const {
    id: _id,
    ip: _ip,
    ipv6: _ipv6,
    status: _status,
    created_at: _created,
    region,
    domains,
    droplet_ids,
    tag,
    // Resource tags are attached through /v2/tags, not set by this PUT (godo's AsRequest and
    // Terraform leave them out); sending them could also need the tag:create scope.
    tags: _tags,
    size,
    size_unit,
    forwarding_rules,
    ...writable
  } = structuredClone(lb);
  const swap = (id: string | undefined): string | undefined => (id === from ? to : id);
  const body: LoadBalancerUpdate = { ...writable };
  const slug = isObject(region) ? region.slug : typeof region === 'string' ? region : undefined;
  if (typeof slug === 'string' && slug !== '') body.region = slug;
  else if (lb.type !== 'GLOBAL') throw shapeError(getCall(lb.id), 'a region');
  if (forwarding_rules) {
    body.forwarding_rules = forwarding_rules.map((rule) => withCertificate(rule, swap(rule.certificate_id)));
  }
  if (domains) body.domains = domains.map((domain) => domainUpdate(domain, swap(domain.certificate_id)));
  // One or the other: a load balancer given both is refused.
  if (typeof tag === 'string' && tag !== '') body.tag = tag;
  else if (droplet_ids && droplet_ids.length > 0) body.droplet_ids = droplet_ids;
  // size_unit replaced size, except in the regions where only size exists; Terraform sends one.
  if (typeof size_unit === 'number' && size_unit > 0) body.size_unit = size_unit;
  else if (size !== undefined) body.size = size;
  return body;
}

/** Move one load balancer from `from` to `to`, and wait until DigitalOcean shows it. */
export async function rebindLoadBalancer(
  api: Api,
  use: CertificateUse,
  from: string,
  to: string,
): Promise<CertificateUse> {
  refuseManaged(use.managedBy, use.name, use.id);
  const call = { what: `PUT ${PATH}/${use.id}`, scope: 'load_balancer:update' };
  const started = api.clock.now();
  const left = () => api.polling.timeoutMs - (api.clock.now() - started);
  // Another writer's full-body PUT (a second run, a person in the control panel) can put the
  // old certificate back right after ours: re-apply once, then give up clearly.
  for (let rewrite = 0; ; rewrite++) {
    await putOnce(api, use, from, to, call, left);
    const bound = await waitBound(api, use, from, to, left());
    if (bound !== 'overwritten') return bound;
    if (rewrite >= 1) {
      throw new ProviderError(
        'BUSY',
        `${PROVIDER}: load balancer ${use.name} (${use.id}) was changed back to certificate ${from} twice after it was moved to ${to}.`,
        {
          fix: 'Something else keeps writing this load balancer (another run or tool): stop it, then run again.',
        },
      );
    }
    api.note(
      `load balancer ${use.id} shows ${from} again: something else wrote it; applying the change once more`,
    );
  }
}

/** GET until active, and PUT the change; returns when the PUT was accepted (or had already landed). */
async function putOnce(
  api: Api,
  use: CertificateUse,
  from: string,
  to: string,
  call: { what: string; scope: string },
  left: () => number,
): Promise<void> {
  for (;;) {
    const lb = await waitActive(api, use.id, left());
    refuseManaged(managedBy(lb), lb.name ?? use.name, lb.id);
    refuseUnchecked(use, hostnamesOf(lb), from, `load balancer ${lb.name ?? use.name} (${lb.id})`);
    const ids = certificateIdsOf(lb);
    if (!ids.includes(from)) {
      // A retried PUT that had landed, or a run that stopped after the PUT.
      if (ids.includes(to)) return;
      throw new ProviderError(
        'NOT_FOUND',
        `${PROVIDER}: load balancer ${lb.name ?? use.name} no longer uses certificate ${from}.`,
        {
          fix: 'Something else changed it since the rotation looked; run again.',
        },
      );
    }
    const res = await api.send({
      method: 'PUT',
      path: `${PATH}/${encodeURIComponent(use.id)}`,
      body: updateFor(lb, from, to),
      retry: 'idempotent',
    });
    if (res.status === 200 || res.status === 202) return;
    // Busy between our look and our PUT: wait, look again, and build the body anew.
    if (!isBusy(res) || left() < api.polling.intervalMs) throw replyError(res, call);
    api.note(`${call.what}: busy with earlier actions; looking again in ${api.polling.intervalMs} ms`);
    await api.clock.sleep(api.polling.intervalMs);
  }
}

function refuseManaged(manager: CertificateUse['managedBy'], name: string, id: string): void {
  if (manager !== 'kubernetes') return;
  throw new ProviderError(
    'MANAGED',
    `${PROVIDER}: load balancer ${name} (${id}) is managed by DigitalOcean Kubernetes; a certificate changed through the API would be put back.`,
    {
      fix: "Set the new certificate's id in the Service annotation service.beta.kubernetes.io/do-loadbalancer-certificate-id instead.",
    },
  );
}

/** GET until the load balancer is active: a PUT before that is refused as busy. */
async function waitActive(api: Api, id: string, timeoutMs: number): Promise<LoadBalancer> {
  return pollUntil(
    api.clock,
    { ...api.polling, timeoutMs: Math.max(0, timeoutMs) },
    async () => {
      const lb = await getLoadBalancer(api, id);
      if (lb.status === 'errored') {
        throw new ProviderError(
          'UNAVAILABLE',
          `${PROVIDER}: load balancer ${lb.name ?? id} is in status 'errored'.`,
          {
            fix: 'Repair it in the DigitalOcean control panel, then run again.',
          },
        );
      }
      return lb.status === undefined || lb.status === 'active' ? { done: lb } : { seen: lb.status };
    },
    (status, waited) =>
      new ProviderError(
        'TIMEOUT',
        `${PROVIDER}: load balancer ${id} was still '${status}' after ${Math.round(waited / 1000)} s; it was not changed.`,
        { fix: 'Run again when the load balancer is active.' },
      ),
  );
}

/**
 * GET until `to` shows where `from` was (a global load balancer applies it in the background), or
 * until it is clear that something else put `from` back ('overwritten').
 */
async function waitBound(
  api: Api,
  use: CertificateUse,
  from: string,
  to: string,
  timeoutMs: number,
): Promise<CertificateUse | 'overwritten'> {
  return pollUntil(
    api.clock,
    { ...api.polling, timeoutMs: Math.max(0, timeoutMs) },
    async (): Promise<{ done: CertificateUse | 'overwritten' } | { seen: string[] }> => {
      const lb = await getLoadBalancer(api, use.id);
      const ids = certificateIdsOf(lb);
      if (ids.includes(to) && !ids.includes(from)) return { done: toUse(lb) };
      // A regional load balancer shows a PUT at once: active with the old id means it was
      // overwritten. A global one applies it in the background: there, keep looking.
      const regional = lb.type !== 'GLOBAL';
      const active = lb.status === undefined || lb.status === 'active';
      if (regional && active && ids.includes(from) && !ids.includes(to)) return { done: 'overwritten' };
      return { seen: ids };
    },
    (ids, waited) =>
      new ProviderError(
        'TIMEOUT',
        `${PROVIDER}: load balancer ${use.name} (${use.id}) was updated but still showed certificates ` +
          `[${ids.join(', ')}] after ${Math.round(waited / 1000)} s, not ${to}.`,
        { fix: 'Run again later: the next run sees what the load balancer uses by then.' },
      ),
  );
}

function withCertificate<T extends { certificate_id?: string }>(item: T, id: string | undefined): T {
  const { certificate_id: _old, ...rest } = item;
  return (id === undefined ? rest : { ...rest, certificate_id: id }) as T;
}

/** A domain as a request carries it: its verification state is the API's to report. */
function domainUpdate(domain: LbDomain, id: string | undefined): DomainUpdate {
  const {
    status: _status,
    verification_error_reasons: _verification,
    ssl_validation_error_reasons: _ssl,
    ...writable
  } = domain;
  return withCertificate(writable, id);
}

function getCall(id: string): Call {
  return { what: `GET ${PATH}/${id}`, scope: 'load_balancer:read' };
}

function loadBalancerIn(body: unknown, call: Call, status: number): LoadBalancer {
  if (!isObject(body) || !isObject(body['load_balancer'])) {
    throw shapeError(call, 'a load balancer with an id', status);
  }
  return readLoadBalancer(body['load_balancer'], call, "the reply's 'load_balancer'");
}

/**
 * A load balancer as a reply shows it, the fields this module reads checked (the rest is carried
 * back in a PUT as it came). Checked in place, not copied: an attribute this code does not know
 * must survive the PUT.
 */
export function readLoadBalancer(value: unknown, call: Call, at: string): LoadBalancer {
  const row = new ReplyObject(value, call, at, 'a load balancer');
  row.id('id');
  for (const key of ['name', 'status', 'type', 'tag']) row.optionalText(key);
  row.optionalTextList('tags');
  row.optionalNumber('size_unit');
  row.optionalObjectList('forwarding_rules', (rule) => rule.optionalText('certificate_id'));
  row.optionalObjectList('domains', (domain) => domain.optionalText('certificate_id'));
  return row.value as LoadBalancer;
}
