// Exports of the pictures as files of their own (the topology as SVG and PNG).
export {
  fitViewBox,
  inlineStyle,
  isPageOnlyAttribute,
  pictureFileName,
  plainColor,
  pixelSize,
  svgDocument,
  SVG_STYLE_PROPERTIES,
  type Box,
} from './svgExport.ts';
