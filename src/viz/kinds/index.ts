// The kinds' views: the contract each kind's view module fulfils and the registry that lists them.
export {
  ACTION_VIEWS,
  APP_VIEWS,
  FIREWALL_VIEW,
  NAT_VIEW,
  RESOLVER_VIEW,
  ROLE_VIEWS,
} from './viewRegistry.ts';
export type {
  ActionKindView,
  AnyActionKindView,
  AnyAppKindView,
  AppKindView,
  AppMachine,
  JsonFields,
  NewApp,
  NewAppContext,
  RoleCanvas,
  NarrationContext,
  Narrator,
  RoleView,
} from './kindView.ts';
