// The network in words: display names of nodes and addresses, role names and icons, and short
// texts for interfaces and links. Used by the log, the charts, the picture and the panels.
export { networkNames, type NetworkNames } from './networkNames.ts';
export {
  formatInterfaceAddress,
  formatPercent,
  interfaceText,
  linkChangeSettings,
  linkEndInterface,
  linkSettings,
  spokenBitRate,
  splitLinkEnd,
} from './networkText.ts';
export { isDevice, noRoutingTable, roleIcon, roleName, roleTone } from './roleIcons.ts';
export {
  NAMED_APP_TYPES,
  appKindName,
  appTitle,
  appTypeOf,
  humanWords,
  isClientKind,
} from './appNames.ts';
