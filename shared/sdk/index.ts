export * from './plugin.js';
export { BasePlugin } from './basePlugin.js';
export { ArrowRecordPacket } from './recordPacket.js';
export {
  arrowFieldOf, arrowSchemaOf, arrowTypeMatches, arrowTypeOf, ayxMetadataOf, fieldOfArrow, fieldTypeOfArrow, isStringType,
  isTextType, metadataOfSchema, storageArrowType, storageOf, type StorageKind,
} from './arrowTypes.js';
export { packetFromColumns, packetFromData, packetFromRows } from './packetFactory.js';
export { metadataProblem, sameFieldShape } from './metadataChecks.js';
