// Packet capture downloads: what a file holds (the whole run or up to the moment shown), how many
// packets, and its name.
export {
  captureFile,
  captureFileName,
  captureFrameCount,
  defaultScope,
  fileTime,
  recordsInScope,
  runFinished,
  scopeToUse,
  slug,
  type CaptureFile,
  type CaptureScope,
} from './captureFile.ts';
