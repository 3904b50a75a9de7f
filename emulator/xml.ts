import { XMLBuilder } from "fast-xml-parser";
import type { RdsApiError } from "./errors";

/** The XML namespace of every RDS 2014-10-31 response. */
export const RDS_XML_NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

/** A value the XML builder accepts: scalars, nested elements, or repeated elements (arrays). */
export type XmlValue = string | number | boolean | undefined | XmlObject | XmlValue[];
/** An element's children by tag name. */
export interface XmlObject {
  [tag: string]: XmlValue;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: false,
});

/**
 * `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>…` — the shape the SDK's
 * awsQuery protocol unwraps (it reads the `<Action>Result` element). An action with no output
 * (AddTagsToResource) has no `<Action>Result` element at all, as in the RDS API reference's
 * examples.
 */
export function successXml(action: string, result: XmlObject, requestId: string): string {
  const body = Object.keys(result).length === 0 ? {} : { [`${action}Result`]: result };
  return builder.build({
    [`${action}Response`]: {
      "@_xmlns": RDS_XML_NAMESPACE,
      ...body,
      ResponseMetadata: { RequestId: requestId },
    },
  });
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function errorXml(error: RdsApiError, requestId: string): string {
  return builder.build({
    ErrorResponse: {
      "@_xmlns": RDS_XML_NAMESPACE,
      Error: { Type: error.type, Code: error.code, Message: error.message },
      RequestId: requestId,
    },
  });
}
