/**
 * The ordering lab's views. The shell mounts them inside a <LabContext.Provider>; each reads the
 * store itself and takes only optional props (`highlight` from the lesson step, `className`).
 */
import './views.css';

export { ChecksPanel, type ChecksPanelProps } from './checks/ChecksPanel';
export { EventLog, type EventLogProps } from './log/EventLog';
export { MetricsPanel } from './metrics/MetricsPanel';
export {
  ProcessPanel,
  type ProcessPanelProps,
  ProcessPanels,
  type ProcessPanelsProps,
} from './process/ProcessPanel';
export { CopyMenu, type CopyMenuProps } from './spacetime/CopyMenu';
export { SpaceTimeDiagram, type SpaceTimeDiagramProps } from './spacetime/SpaceTimeDiagram';
