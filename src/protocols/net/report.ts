import { type Bilingual, bi } from '../address/text';
import type { Route, Routing } from './routing';
import { components, type Net } from './topology';

/**
 * What a student sees about a network before anything is sent: each router's table, and the
 * network's oddities. A disconnected network is allowed (it is a lesson in itself) but said.
 */
export interface NetReport {
  routes: Record<string, Route[]>;
  /** Connected parts, largest first; more than one means some nodes cannot reach others. */
  components: string[][];
  warnings: Bilingual[];
}

export function netReport(net: Net, routing: Routing): NetReport {
  const routes: Record<string, Route[]> = {};
  for (const r of [...net.routers.keys()].sort()) routes[r] = routing.table(r);
  const parts = components(net);
  const warnings: Bilingual[] = [];
  if (parts.length > 1)
    for (const part of parts.slice(1))
      warnings.push(
        bi(
          `The network is in ${parts.length} parts: ${part.join(', ')} cannot reach ${parts[0]!.join(', ')}.`,
          `网络分成了 ${parts.length} 部分：${part.join('、')} 无法到达 ${parts[0]!.join('、')}。`,
        ),
      );
  for (const lan of net.lans.values()) {
    const routers = lan.stations.filter((s) => net.kind.get(s) === 'router');
    if (lan.stations.length === 0)
      warnings.push(bi(`LAN ${lan.id} has no stations.`, `局域网 ${lan.id} 上没有任何站点。`));
    else if (routers.length === 0 && net.lans.size > 1)
      warnings.push(
        bi(
          `LAN ${lan.id} has no router: its hosts reach only each other.`,
          `局域网 ${lan.id} 上没有路由器：其主机只能互相通信。`,
        ),
      );
  }
  return { routes, components: parts, warnings };
}
