import { XMLParser } from 'fast-xml-parser';

/**
 * The XML reader for interchange files (XLIFF, TMX): document order kept (inline codes sit between text runs),
 * text and attributes exactly as written (no trimming, no number coercion: "007" stays a string), entities
 * resolved. Returns fast-xml-parser's ordered node list.
 */
export const orderedXmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
});
