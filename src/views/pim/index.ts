/** The PIM views: control messages between routers, live state machines, dense vs sparse, bad topologies explained. */
export { MachineView } from './MachineView';
export { PimSettings } from './PimSettings';
export { PimStage } from './PimStage';
export { PIM_TEXT, usePimText } from './strings';
