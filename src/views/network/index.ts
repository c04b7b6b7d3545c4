/**
 * What the shell uses of the network lab on every screen: the header's tools (Examples picker,
 * Address lab) and the event log's hook into the IGMP inspector. The lab itself (topology,
 * tables, modes, the PIM views) is not exported here: the shell loads it on demand from
 * './NetworkLab' (React.lazy), so a student on the ordering lab never downloads it. Keep this
 * module free of imports that reach NetworkLab, or the split is undone.
 */
// The stylesheets load with the shell, not with the lazy lab: the Address lab and the Examples
// picker show in the header of any lab and are styled by network.css, and a sheet the lazy chunk
// added later would land after app.css and win ties it lost in one bundle. Kept in the order
// they had when NetworkLab imported them (pim.css about 6 kB, 2 kB gzipped).
import '../pim/pim.css';
import './network.css';

export { AddressLab } from './AddressLab';
export { type Example, NETWORK_EXAMPLES } from './examples';
export { AddressLabButton, ExamplesPicker } from './HeaderTools';
export { useLogInspect } from './log-inspect';
export { NET_TEXT, useNetText } from './strings';
