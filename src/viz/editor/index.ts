// The scenario editor's logic, without a page: edits as command objects with undo and redo
// (documentEdits.ts), and the property panel's fields read from the format's JSON Schema
// (schemaFields.ts), items added to and removed from lists (listEdits.ts, newItems.ts), actions at
// a moment added and removed (eventEdits.ts; failures at a moment, failureEdits.ts; the events in
// words are viz/trace's, share links viz/share's); the canvas editor's edits of the network
// (canvasEdits.ts, canvasClipboard.ts, addressPlan.ts, autoLayout.ts), each one DocumentPatch
// (documentPatch.ts), and its picture's math (canvasView.ts).
export {
  documentForSaving,
  EditHistory,
  pathText,
  SetValue,
  valueAt,
  withValue,
  type DocPath,
  type EditCommand,
  type Json,
  type PathStep,
} from './documentEdits.ts';
export {
  fieldsOf,
  inputText,
  itemSchema,
  readInput,
  variantOf,
  type FieldKind,
  type FieldSpec,
  type JsonSchema,
} from './schemaFields.ts';
export { InsertItem, RemoveItem } from './listEdits.ts';
export { itemNoun, newItemCandidates } from './newItems.ts';
export { fieldPhrases } from './fieldPhrases.ts';
export { fieldHelp } from './fieldHelp.ts';
export { DocumentPatch, patchBetween } from './documentPatch.ts';
export {
  asDoc,
  canvasRoles,
  GRID,
  snap,
  type CanvasRole,
  type DocLink,
  type DocNode,
  type Point,
} from './canvasDocument.ts';
export {
  addApp,
  connectNodes,
  deleteItems,
  freeSpot,
  moveNodes,
  placeNode,
  withPositions,
  type CanvasEdit,
} from './canvasEdits.ts';
export { copyNodes, pasteClip, type Clip } from './canvasClipboard.ts';
export { autoLayout } from './autoLayout.ts';
export { canvasPlacement, canvasSize, nodeAt, nodesInRect, warningsByNode } from './canvasView.ts';
export { pathInside, warningsUnder, type PathWarning } from './warningsUnder.ts';
export {
  actionFromForm,
  AddEvent,
  documentTime,
  linkEvent,
  readActionTime,
  RemoveEvent,
  type ActionChoice,
  type ActionForm,
  type FormProblem,
} from './eventEdits.ts';
export {
  interfaceEvent,
  linkChangeFromForm,
  nodeEvent,
  type LinkChangeForm,
  type LinkChangeProblem,
} from './failureEdits.ts';
