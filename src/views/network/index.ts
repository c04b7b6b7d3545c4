/** The network lab's views: topology, router and host tables, modes compared, address lab, IGMP inspector. */
export { AddressLab } from './AddressLab';
export { type Example, NETWORK_EXAMPLES } from './examples';
export { AddressLabButton, ExamplesPicker } from './HeaderTools';
export { useLogInspect } from './IgmpInspector';
export { NetworkLab } from './NetworkLab';
export { NET_TEXT, useNetText } from './strings';
